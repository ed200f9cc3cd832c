import type { Lesson, LessonNode } from "../../src/curriculum/schema";
import { type Rendered, tutorStep } from "../../src/rendering";
import { type StepResult, startSession, type TutorState } from "../../src/tutor";

/** What a scripted learner types, given where the tutor is. */
export type Learner = (node: LessonNode, state: Pick<TutorState, "phase" | "step">) => string;

export interface Run {
  state: TutorState;
  /** Each turn as the learner sees it. */
  turns: Rendered<StepResult>[];
}

/** Turns a phrasing with "..." gaps into words that match it. */
export const sayPhrasing = (phrasing: string) => phrasing.replace(/\.\.\./g, " ");

/**
 * Knows every answer: the first accepted phrasing of each guiding question, a correct sample at
 * each check (the last one: the first is shown after tries, and pasting it back is gaming).
 */
export const strongLearner: Learner = (node, state) => {
  const guiding = node.voices.socratic[state.step];
  if (state.phase === "socratic" && guiding) return sayPhrasing(guiding.accept[0] ?? "");
  return node.check.rubric.samples.correct.at(-1) ?? "";
};

export const wrongLearner: Learner = () => "purple elephants dancing on the moon";
export const hintLearner: Learner = () => "hint";

/** Talks with the tutor until the lesson ends or `maxTurns` pass. */
export function drive(
  lesson: Lesson,
  learner: Learner,
  maxTurns: number,
  start: { state: TutorState } = startSession(lesson),
): Run {
  let state = start.state;
  const turns: Rendered<StepResult>[] = [];
  while (!state.finished && turns.length < maxTurns) {
    const node = lesson.nodes.find((n) => n.id === state.nodeId);
    if (!node) throw new Error(`no node ${state.nodeId}`);
    const result = tutorStep(lesson, state, learner(node, state));
    turns.push(result);
    state = result.state;
  }
  return { state, turns };
}

/**
 * Most turns a learner who never switches voice can take: three on a guiding question (a miss,
 * a hint, then either), eight on a check (misses and hint requests until one runs out).
 */
export function turnBound(lesson: Lesson): number {
  return lesson.nodes.reduce((sum, node) => sum + 3 * node.voices.socratic.length + 8, 0);
}
