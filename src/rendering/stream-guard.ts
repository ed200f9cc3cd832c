import type { Lesson } from "../curriculum/schema";
import type { TutorState } from "../tutor/state";
import { answersCheck } from "./guard";
import { leaksPrivate } from "./private-text";

/** A sentence ends at . ! or ? followed by a space (or at the end of the text). */
const SENTENCE_END = /[.!?]["”)]?\s/;

export interface GuardOptions {
  /** Word 6-grams no learner may read (private-text.ts); a sentence sharing one is dropped. */
  privateGrams?: ReadonlySet<string>;
  /** Text the guarded stream may repeat freely (the draft a model words). */
  allowed?: string;
  /** Nothing is released past this many words (a model that rambles is cut, unread). */
  maxWords?: number;
}

export interface AnswerGuard {
  /** Text as it streams in; returns what may be shown now (whole sentences only). */
  push(delta: string): string;
  /** The end of the stream: what is left that may be shown. */
  end(): string;
  /** How many sentences were held back. */
  withheld(): number;
  /** True once a sentence was held back for sharing private text. */
  leaked(): boolean;
}

/**
 * Guards text that streams to a learner (answers to free-form questions, model output): it
 * releases whole sentences, each only if it shares no private text and, while the learner has not
 * yet tried the pending check question, the text released so far plus that sentence would not
 * pass the check. Without private text to watch and once the learner has tried, text passes
 * through as it comes.
 */
export function createAnswerGuard(
  lesson: Lesson,
  state: TutorState,
  options: GuardOptions = {},
): AnswerGuard {
  const node = lesson.nodes.find((n) => n.id === state.nodeId);
  const untried = !state.finished && (state.phase === "socratic" || state.attempts === 0);
  let pending = "";
  let released = "";
  let held = 0;
  let leaked = false;
  const full = () =>
    options.maxWords !== undefined && released.split(/\s+/).length > options.maxWords;
  const release = (sentence: string): string => {
    if (!sentence.trim()) return sentence;
    if (full()) {
      held++;
      return "";
    }
    if (
      options.privateGrams &&
      leaksPrivate(sentence, options.privateGrams, options.allowed ?? "")
    ) {
      held++;
      leaked = true;
      return "";
    }
    if (untried && node && answersCheck(lesson, node, released + sentence)) {
      held++;
      return "";
    }
    released += sentence;
    return sentence;
  };
  if ((!untried || !node) && !options.privateGrams && options.maxWords === undefined) {
    return { push: (delta) => delta, end: () => "", withheld: () => 0, leaked: () => false };
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
    leaked: () => leaked,
  };
}
