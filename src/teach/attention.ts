import type { LearnerMessageCountRow } from "../db/queries/class-progress";
import { countLabel } from "./format";
import type { LearnerProgress } from "./learner-progress";

/** Finishing with fewer than this share of the lesson's ideas mastered needs a teacher's look. */
export const FINISHED_MASTERY_SHARE = 0.5;
/** Hint requests from which a learner who rarely tries an answer is skipping through hints… */
export const HINT_SKIP_MIN_HINTS = 5;
/** …namely one who asked for at least this many hints per answer tried. */
export const HINTS_PER_ANSWER = 3;
/** Answers flagged as gaming the grader before a learner is listed; one can be a misreading. */
export const GAMING_MIN = 2;

export type AttentionKind = "finished-unmastered" | "hint-skipping" | "gaming" | "flagged";

export type AttentionReason = { kind: AttentionKind; text: string };

/** A learner a teacher should look at, with every reason in words. */
export type AttentionItem = { learnerId: string; learnerName: string; reasons: AttentionReason[] };

/** Flags that say a learner tried to get round the tutor or abused it, with how to count them. */
const FLAGGED_AS: ReadonlyArray<[flag: string, one: string, many: string]> = [
  ["extraction", "attempt to get the answers", "attempts to get the answers"],
  ["injection", "attempt to override the tutor", "attempts to override the tutor"],
  ["abuse", "abusive message", "abusive messages"],
];

type MessageCounts = { hints: number; answers: number; flags: Map<string, number> };

function countsByLearner(rows: readonly LearnerMessageCountRow[]): Map<string, MessageCounts> {
  const byLearner = new Map<string, MessageCounts>();
  for (const row of rows) {
    let counts = byLearner.get(row.learnerId);
    if (!counts) {
      counts = { hints: 0, answers: 0, flags: new Map() };
      byLearner.set(row.learnerId, counts);
    }
    if (row.kind === "hint") counts.hints += row.count;
    if (row.kind === "answer") counts.answers += row.count;
    if (row.flag) counts.flags.set(row.flag, (counts.flags.get(row.flag) ?? 0) + row.count);
  }
  return byLearner;
}

function reasonsFor(
  learner: LearnerProgress,
  counts: MessageCounts | undefined,
  kcTotal: number,
): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (learner.completedAt !== null && learner.progress < FINISHED_MASTERY_SHARE) {
    reasons.push({
      kind: "finished-unmastered",
      text: `finished the lesson with ${learner.masteredCount} of ${kcTotal} ideas mastered`,
    });
  }
  if (!counts) return reasons;
  const { hints, answers } = counts;
  if (hints >= HINT_SKIP_MIN_HINTS && hints >= HINTS_PER_ANSWER * answers) {
    reasons.push({
      kind: "hint-skipping",
      text: `asked for ${countLabel(hints, "hint", "hints")} and tried ${countLabel(answers, "answer", "answers")}`,
    });
  }
  const gaming = counts.flags.get("gaming") ?? 0;
  if (gaming >= GAMING_MIN) {
    reasons.push({
      kind: "gaming",
      text: `${countLabel(gaming, "answer", "answers")} tried to game the grader instead of answering`,
    });
  }
  const flagged = FLAGGED_AS.flatMap(([flag, one, many]) => {
    const count = counts.flags.get(flag) ?? 0;
    return count > 0 ? [countLabel(count, one, many)] : [];
  });
  if (flagged.length > 0) reasons.push({ kind: "flagged", text: `flagged: ${flagged.join(", ")}` });
  return reasons;
}

/**
 * Learners who look done or busy but are not learning: finished without mastering, skipping
 * through hints, gaming the grader, or flagged. Most reasons first, then the most recently active.
 */
export function needsAttention(
  learners: readonly LearnerProgress[],
  messageCounts: readonly LearnerMessageCountRow[],
  kcTotal: number,
): AttentionItem[] {
  const counts = countsByLearner(messageCounts);
  return learners
    .map((learner) => ({ learner, reasons: reasonsFor(learner, counts.get(learner.id), kcTotal) }))
    .filter(({ reasons }) => reasons.length > 0)
    .sort(
      (a, b) =>
        b.reasons.length - a.reasons.length || b.learner.lastActiveAt - a.learner.lastActiveAt,
    )
    .map(({ learner, reasons }) => ({
      learnerId: learner.id,
      learnerName: learner.name,
      reasons,
    }));
}
