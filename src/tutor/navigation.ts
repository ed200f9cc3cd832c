import type { Lesson, LessonNode } from "../curriculum/schema";
import { DEFAULT_BKT, isMastered, updateMastery } from "./mastery";
import type { NodeOutcome, TutorState } from "./state";

function masteryOf(state: TutorState, kc: string): number {
  return state.mastery[kc] ?? DEFAULT_BKT.prior;
}

/** One observed answer for every knowledge component the node teaches. */
export function observe(state: TutorState, node: LessonNode, correct: boolean): TutorState {
  const mastery = { ...state.mastery };
  for (const kc of node.kcs) mastery[kc] = updateMastery(masteryOf(state, kc), correct);
  return { ...state, mastery };
}

/** The node's guiding questions from the start, with fresh counters. */
export function enterNode(state: TutorState, nodeId: string): TutorState {
  return {
    ...state,
    nodeId,
    phase: "socratic",
    step: 0,
    rung: 0,
    attempts: 0,
    helpRequests: 0,
    ideasShown: [],
    stepsShown: [],
    pictured: false,
  };
}

/** Back to a node left for a remediation visit: straight to its check question. */
export function resumeNode(state: TutorState, nodeId: string): TutorState {
  return { ...enterNode(state, nodeId), phase: "check" };
}

export function markCompleted(state: TutorState, nodeId: string, outcome: NodeOutcome): TutorState {
  const known = state.completed.some((c) => c.nodeId === nodeId);
  return known ? state : { ...state, completed: [...state.completed, { nodeId, outcome }] };
}

function isCompleted(state: TutorState, nodeId: string): boolean {
  return state.completed.some((c) => c.nodeId === nodeId);
}

function meanMastery(state: TutorState, node: LessonNode): number {
  return node.kcs.reduce((sum, kc) => sum + masteryOf(state, kc), 0) / node.kcs.length;
}

/**
 * The node after `from`: an unfinished node whose prerequisites are completed, preferring those
 * `from` leads to, then the least mastered, then lesson order. The end node comes last.
 * Undefined when every node is completed.
 */
export function chooseNextNode(
  lesson: Lesson,
  state: TutorState,
  from: LessonNode,
): string | undefined {
  const open = lesson.nodes.filter(
    (node) =>
      !isCompleted(state, node.id) && node.prerequisites.every((id) => isCompleted(state, id)),
  );
  const beforeEnd = open.filter((node) => node.id !== lesson.end);
  const pool = beforeEnd.length > 0 ? beforeEnd : open;
  const led = pool.filter((node) => from.next.includes(node.id));
  const candidates = led.length > 0 ? led : pool;
  let best: LessonNode | undefined;
  for (const node of candidates) {
    if (!best || meanMastery(state, node) < meanMastery(state, best)) best = node;
  }
  if (best || lesson.nodes.every((node) => isCompleted(state, node.id))) return best?.id;
  // Unreachable in a checked lesson (every node's prerequisites can be met); never strand a learner.
  return lesson.nodes.find((node) => !isCompleted(state, node.id))?.id;
}

export function progress(lesson: Lesson, state: TutorState): { mastered: number; total: number } {
  const mastered = lesson.kcs.filter((kc) => isMastered(masteryOf(state, kc.id))).length;
  return { mastered, total: lesson.kcs.length };
}
