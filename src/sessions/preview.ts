import type { Lesson } from "../curriculum/schema";
import { tutorStep } from "../rendering";
import { enterNode, type IntentKind, type StepOptions, startSession } from "../tutor";

/** Which question of a node a teacher tries an answer on. */
export type PreviewTarget = { question: "check" } | { question: "guiding"; step: number };

/** What a fresh learner at that question would meet: the reading and the tutor's reply. */
export interface AnswerPreview {
  intent: IntentKind;
  /** check: correct | partial | misconception | unrecognised; guiding: shown | not-shown; or null
   * when the message is not read as an answer (a question, a hint request, …). */
  verdict: string | null;
  keyIdeasFound: string[];
  keyIdeasMissing: string[];
  misconceptionId?: string;
  flag?: { kind: string; reason: string };
  reply: string;
}

/**
 * Runs one engine step for a learner who has just reached the node's question, exactly as a real
 * turn would (offline reader, intent, hint ladder, and a class's exemplar when `options` carry
 * its reading), and reports what happened. Nothing is stored.
 */
export function previewAnswer(
  lesson: Lesson,
  nodeId: string,
  target: PreviewTarget,
  text: string,
  options: StepOptions = {},
): AnswerPreview {
  const node = lesson.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`lesson "${lesson.id}" has no node "${nodeId}"`);
  const entered = enterNode(startSession(lesson).state, nodeId);
  const state =
    target.question === "check"
      ? { ...entered, phase: "check" as const, step: node.voices.socratic.length }
      : { ...entered, step: target.step };
  const result = tutorStep(lesson, state, text, options);
  const read = result.intent.kind === "answer";
  const advanced =
    result.state.nodeId !== nodeId ||
    result.state.phase !== state.phase ||
    result.state.step !== state.step;
  const verdict = !read
    ? null
    : target.question === "check"
      ? (result.grade?.verdict ?? null)
      : advanced && !result.flag
        ? "shown"
        : "not-shown";
  return {
    intent: result.intent.kind,
    verdict,
    keyIdeasFound: result.grade?.keyIdeasFound ?? [],
    keyIdeasMissing: result.grade?.keyIdeasMissing ?? [],
    ...(result.grade?.misconceptionId && { misconceptionId: result.grade.misconceptionId }),
    ...(result.flag && { flag: { kind: result.flag.kind, reason: result.flag.reason } }),
    reply: result.reply.text,
  };
}
