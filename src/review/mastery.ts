import type { Lesson } from "../curriculum/schema";
import { DEFAULT_BKT, updateMastery } from "../tutor/mastery";

/** A learner answer of a session as stored: check answers carry a verdict, guiding answers the
 * observed outcome (`meta.observed`); answers with neither were not observed by the engine. */
export type ObservedAnswer = {
  nodeId: string;
  verdict: string | null;
  observed?: boolean | undefined;
};

/**
 * Mastery replayed from the session's answers in order, one observation per answer for each
 * knowledge component its node teaches, exactly as the engine observed them, but with the grades
 * as they now stand (a teacher's verdict replaces the tutor's). Every component starts at the
 * prior, as a new session's state does.
 */
export function replayMastery(
  lesson: Lesson,
  answers: readonly ObservedAnswer[],
): Record<string, number> {
  const kcsOf = new Map(lesson.nodes.map((node) => [node.id, node.kcs]));
  const mastery = Object.fromEntries(lesson.kcs.map((kc) => [kc.id, DEFAULT_BKT.prior]));
  for (const answer of answers) {
    const correct = answer.verdict !== null ? answer.verdict === "correct" : answer.observed;
    if (correct === undefined) continue;
    for (const kc of kcsOf.get(answer.nodeId) ?? []) {
      mastery[kc] = updateMastery(mastery[kc] ?? DEFAULT_BKT.prior, correct);
    }
  }
  return mastery;
}
