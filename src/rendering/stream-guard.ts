import type { Lesson } from "../curriculum/schema";
import type { TutorState } from "../tutor/state";
import { answersCheck } from "./guard";

/** A sentence ends at . ! or ? followed by a space (or at the end of the text). */
const SENTENCE_END = /[.!?]["”)]?\s/;

export interface AnswerGuard {
  /** Text as it streams in; returns what may be shown now (whole sentences only). */
  push(delta: string): string;
  /** The end of the stream: what is left that may be shown. */
  end(): string;
  /** How many sentences were held back. */
  withheld(): number;
}

/**
 * Guards text that streams to a learner who has not yet tried the pending check question
 * (answers to free-form questions, model output): it releases whole sentences, each only if the
 * text released so far plus that sentence would not pass the check. Once the learner has tried,
 * text passes through as it comes.
 */
export function createAnswerGuard(lesson: Lesson, state: TutorState): AnswerGuard {
  const node = lesson.nodes.find((n) => n.id === state.nodeId);
  const untried = !state.finished && (state.phase === "socratic" || state.attempts === 0);
  let pending = "";
  let released = "";
  let held = 0;
  const release = (sentence: string): string => {
    if (!node || !sentence.trim()) return sentence;
    if (answersCheck(lesson, node, released + sentence)) {
      held++;
      return "";
    }
    released += sentence;
    return sentence;
  };
  if (!untried || !node) {
    return { push: (delta) => delta, end: () => "", withheld: () => 0 };
  }
  return {
    push(delta) {
      pending += delta;
      let out = "";
      for (let match = SENTENCE_END.exec(pending); match; match = SENTENCE_END.exec(pending)) {
        const cut = match.index + match[0].length;
        out += release(pending.slice(0, cut));
        pending = pending.slice(cut);
      }
      return out;
    },
    end() {
      const rest = release(pending);
      pending = "";
      return rest;
    },
    withheld: () => held,
  };
}
