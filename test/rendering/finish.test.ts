import { describe, expect, it } from "vitest";
import { lesson } from "../../src/curriculum/lesson";
import type { LessonNode } from "../../src/curriculum/schema";
import {
  answersCheck,
  type Rendered,
  tutorStart,
  tutorStep,
  tutorSwitchVoice,
} from "../../src/rendering";
import type { TurnResult, TutorState } from "../../src/tutor";
import { shortQuestion } from "../../src/tutor/lesson-view";

const nodeOf = (id: string): LessonNode => {
  const node = lesson.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};

/** A confused learner: wrong guesses, hint requests, voice changes, small talk, off-topic. */
const confused: (string | { voice: "metaphor" | "plain" })[] = [
  "hmm no idea",
  "hint",
  { voice: "metaphor" },
  "is it because of the company that made it",
  "can i get a hint",
  { voice: "plain" },
  "ok thanks",
  "what is the weather like",
  "maybe its the battery?",
  "give me a clue",
  "purple elephants",
  "help",
  "idk tbh",
  "i guess the screen size",
  "another hint please",
  "no clue",
  "is it the wifi",
  "lol ok",
  "hint",
  "the colour of the logo",
  "dunno",
  "could it be the internet",
  "hint",
  "nope",
];

function session() {
  const replies: { text: string; state: TutorState }[] = [];
  let turn: Rendered<TurnResult> = tutorStart(lesson, "socratic");
  replies.push({ text: turn.reply.text, state: turn.state });
  for (const said of confused) {
    turn =
      typeof said === "string"
        ? tutorStep(lesson, turn.state, said)
        : tutorSwitchVoice(lesson, turn.state, said.voice);
    replies.push({ text: turn.reply.text, state: turn.state });
  }
  return replies;
}

describe("what a learner finally sees", () => {
  const replies = session();

  it("repeats at most 5% of the paragraphs of a confused learner's session", () => {
    // The pending question restated after the reply moved away from it is not a repeat.
    const paragraphs = replies.flatMap((r) =>
      r.text.split(/\n{2,}/).filter((p) => p !== shortQuestion(nodeOf(r.state.nodeId), r.state)),
    );
    const repeats = paragraphs.length - new Set(paragraphs).size;
    expect(paragraphs.length).toBeGreaterThan(30);
    expect(repeats / paragraphs.length).toBeLessThanOrEqual(0.05);
  });

  it("never shows a reply that would pass the check question before the learner has tried it", () => {
    for (const { text, state } of replies) {
      if (state.finished || (state.phase === "check" && state.attempts > 0)) continue;
      expect(answersCheck(lesson, nodeOf(state.nodeId), text), text).toBe(false);
    }
  });

  it("asks something in every reply while an answer is awaited", () => {
    for (const { text, state } of replies) {
      if (state.finished) continue;
      const short = shortQuestion(nodeOf(state.nodeId), state);
      expect(text.includes("?") || text.includes(short), text).toBe(true);
    }
  });

  it("shows a paragraph again when the learner asks for it", () => {
    const start = tutorStart(lesson, "socratic");
    const hint = tutorStep(lesson, start.state, "hint");
    const again = tutorStep(lesson, hint.state, "can you say that again");
    const firstParagraph = hint.reply.text.split(/\n{2,}/)[0] ?? "-";
    expect(hint.reply.text).toContain(firstParagraph);
    const plainAgain = tutorStep(lesson, again.state, "hint");
    expect(plainAgain.reply.text).not.toBe("");
  });

  it("holds back the plain explanation's conclusion before an attempt, but still explains", () => {
    const start = tutorStart(lesson, "plain");
    const node = nodeOf(start.state.nodeId);
    const atCheck = { ...start.state, phase: "check" as const, step: node.voices.socratic.length };
    const switched = tutorSwitchVoice(lesson, atCheck, "plain");
    expect(answersCheck(lesson, node, switched.reply.text)).toBe(false);
    expect(switched.reply.text.length).toBeGreaterThan(200);
  });
});
