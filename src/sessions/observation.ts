import type { LessonNode } from "../curriculum/schema";
import { DEFAULT_BKT, type TutorState, updateMastery } from "../tutor";

/**
 * Whether the engine counted an answer as showing the node's idea, read off the mastery it
 * updated: one observation moves each of the node's knowledge components to exactly
 * `updateMastery(before, correct)`, and the two outcomes never coincide. Undefined when the
 * step observed nothing. Stored with guiding answers (check answers carry their verdict), so
 * mastery can be recomputed when a teacher corrects a grade.
 */
export function observedOutcome(
  node: LessonNode,
  before: TutorState,
  after: TutorState,
): boolean | undefined {
  const kc = node.kcs[0];
  if (kc === undefined || before.nodeId !== node.id) return undefined;
  const known = before.mastery[kc] ?? DEFAULT_BKT.prior;
  const now = after.mastery[kc];
  if (now === undefined || now === known) return undefined;
  const right = Math.abs(now - updateMastery(known, true));
  const wrong = Math.abs(now - updateMastery(known, false));
  return right < wrong;
}
