/**
 * Scores the tutor's reading of learners on a labelled answer set, through the same engine step a
 * learner's message takes. Pure: the lesson and the items in, the measures out.
 */
import { gradeAnswer } from "../../src/curriculum/rubric-grader";
import type { Lesson } from "../../src/curriculum/schema";
import { matchesAny } from "../../src/curriculum/text-match";
import { shingles } from "../../src/reading/gaming";
import { shownTextOf } from "../../src/reading/shown-text";
import { startSession, step, type TutorState } from "../../src/tutor";
import { enterNode } from "../../src/tutor/navigation";

export interface EvalItem {
  node: string;
  question: "check" | "guiding";
  step?: number;
  text: string;
  /** check: correct | partial | misconception:<id> | incorrect; guiding: shown | not-shown */
  label: string;
  tags: string[];
}

export interface Outcome {
  item: EvalItem;
  /** check: the verdict (misconception:<id> for a misconception); guiding: shown | not-shown */
  got: string;
}

export interface Measures {
  correctRecall: number;
  correctPrecision: number;
  misconceptionRecall: number;
  wrongAccepted: number;
  guidingAccuracy: number;
  gamingPasses: number;
  counts: {
    check: number;
    guiding: number;
    correct: number;
    misconceptions: number;
    wrong: number;
    gaming: number;
  };
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/** A fresh learner at the item's question: the check question, or guiding question `step`. */
/**
 * An item tagged "pasted" is gaming because it copies what the lesson shows. Where the lesson has
 * since reworded that text (it may hold no eval sentence), the item is no longer the tutor's words
 * pasted back but a learner's sentence its label does not describe: it is left out of the scores,
 * and the eval prints how many were.
 */
export function isStalePaste(lesson: Lesson, item: EvalItem): boolean {
  if (!item.tags.includes("pasted")) return false;
  const grams = shingles(item.text);
  const shown = shownTextOf(lesson);
  return grams.filter((g) => shown.has(g)).length < grams.length / 2;
}

export function stateAt(lesson: Lesson, item: EvalItem): TutorState {
  const start = startSession(lesson).state;
  const entered = enterNode(start, item.node);
  return item.question === "check"
    ? {
        ...entered,
        phase: "check",
        step: lesson.nodes.find((n) => n.id === item.node)?.voices.socratic.length ?? 0,
      }
    : { ...entered, step: item.step ?? 0 };
}

export function outcomeOf(lesson: Lesson, item: EvalItem): Outcome {
  const before = stateAt(lesson, item);
  const result = step(lesson, before, item.text);
  if (item.question === "guiding") {
    const moved = result.state.phase !== "socratic" || result.state.step !== before.step;
    const shown = moved && result.intent.kind === "answer";
    return { item, got: shown ? "shown" : "not-shown" };
  }
  const grade = result.grade;
  const got = !grade
    ? `not-read:${result.intent.kind}`
    : grade.verdict === "misconception"
      ? `misconception:${grade.misconceptionId}`
      : grade.verdict;
  return { item, got };
}

/** The same item read by the rubric's phrasings alone: the reader this project had before. */
export function phraseOutcomeOf(lesson: Lesson, item: EvalItem): Outcome {
  const node = lesson.nodes.find((n) => n.id === item.node);
  if (!node) throw new Error(`no node ${item.node}`);
  if (item.question === "guiding") {
    const accept = node.voices.socratic[item.step ?? 0]?.accept ?? [];
    return { item, got: matchesAny(accept, item.text) ? "shown" : "not-shown" };
  }
  const grade = gradeAnswer(node.check.rubric, item.text);
  const got =
    grade.verdict === "misconception" ? `misconception:${grade.misconceptionId}` : grade.verdict;
  return { item, got };
}

export function measure(outcomes: readonly Outcome[]): Measures {
  const check = outcomes.filter((o) => o.item.question === "check");
  const guiding = outcomes.filter((o) => o.item.question === "guiding");
  const labelled = (label: string) => check.filter((o) => o.item.label === label);
  const correct = labelled("correct");
  const acceptedAll = check.filter((o) => o.got === "correct");
  const misconceptions = check.filter((o) => o.item.label.startsWith("misconception:"));
  const wrong = check.filter(
    (o) => o.item.label === "incorrect" || o.item.label.startsWith("misconception:"),
  );
  const gaming = check.filter((o) => o.item.tags.includes("gaming"));
  return {
    correctRecall: ratio(correct.filter((o) => o.got === "correct").length, correct.length),
    correctPrecision: ratio(
      acceptedAll.filter((o) => o.item.label === "correct").length,
      acceptedAll.length,
    ),
    misconceptionRecall: ratio(
      misconceptions.filter((o) => o.got === o.item.label).length,
      misconceptions.length,
    ),
    wrongAccepted: ratio(wrong.filter((o) => o.got === "correct").length, wrong.length),
    guidingAccuracy: ratio(guiding.filter((o) => o.got === o.item.label).length, guiding.length),
    gamingPasses: gaming.filter((o) => o.got === "correct").length,
    counts: {
      check: check.length,
      guiding: guiding.length,
      correct: correct.length,
      misconceptions: misconceptions.length,
      wrong: wrong.length,
      gaming: gaming.length,
    },
  };
}

/** The aims of the issue "Understanding learners". */
export const AIMS = {
  correctRecall: 0.9,
  correctPrecision: 0.95,
  misconceptionRecall: 0.8,
  wrongAccepted: 0.03,
  guidingAccuracy: 0.95,
} as const;
