import { z } from "zod";
import type { Lesson } from "../curriculum/schema";
import type { LearnerActivityRow } from "../db/queries/class-progress";
import { DEFAULT_BKT, isMastered } from "../tutor/mastery";
import type { LessonLookup } from "./lesson-lookup";

/** Wrong answers plus hint requests on one node that mark a learner as stuck there. */
export const STUCK_AFTER_STRUGGLES = 3;

export type LearnerProgress = {
  id: string;
  name: string;
  /** Mastered knowledge components over all of the lesson's, 0 to 1. */
  progress: number;
  masteredCount: number;
  /** Null until the learner opens a session. */
  nodeId: string | null;
  nodeTitle: string | null;
  /** Per knowledge component of the lesson; null where no answer has practised it yet. */
  mastery: Record<string, number | null>;
  lastActiveAt: number;
  completedAt: number | null;
  flags: number;
  /** On the current node: graded answers that were not correct, and hint requests. */
  wrongAnswers: number;
  hints: number;
  stuck: boolean;
};

const MasterySchema = z.record(z.string(), z.number().min(0).max(1));

/** Mastery as stored; an unreadable value counts as nothing practised yet. */
export function parseMastery(json: string | null): Record<string, number> {
  if (!json) return {};
  try {
    return MasterySchema.catch({}).parse(JSON.parse(json));
  } catch {
    return {};
  }
}

/**
 * A session starts every component at the prior, and every observed answer moves it (BKT's
 * update never returns the prior it started from), so a component still at the prior, or
 * absent, was never practised: null, shown as "not practised", not as a low mastery.
 */
function practisedMastery(known: number | undefined): number | null {
  return known === undefined || known === DEFAULT_BKT.prior ? null : known;
}

export function toLearnerProgress(
  row: LearnerActivityRow,
  lesson: Lesson,
  lookup: LessonLookup,
): LearnerProgress {
  const stored = parseMastery(row.mastery);
  const mastery = Object.fromEntries(
    lesson.kcs.map((kc) => [kc.id, practisedMastery(stored[kc.id])]),
  );
  const masteredCount = lesson.kcs.filter((kc) => {
    const known = mastery[kc.id];
    return known != null && isMastered(known);
  }).length;
  const struggles = row.wrongAnswers + row.hints;
  return {
    id: row.id,
    name: row.name,
    progress: lesson.kcs.length === 0 ? 0 : masteredCount / lesson.kcs.length,
    masteredCount,
    nodeId: row.nodeId,
    nodeTitle: row.nodeId === null ? null : lookup.nodeTitle(row.nodeId),
    mastery,
    lastActiveAt: row.lastActiveAt,
    completedAt: row.completedAt,
    flags: row.flags,
    wrongAnswers: row.wrongAnswers,
    hints: row.hints,
    stuck: row.completedAt === null && struggles >= STUCK_AFTER_STRUGGLES,
  };
}

/** Stuck learners, the most struggling first; ties go to the one active most recently. */
export function rankStuck(learners: readonly LearnerProgress[]): LearnerProgress[] {
  const struggles = (learner: LearnerProgress) => learner.wrongAnswers + learner.hints;
  return learners
    .filter((learner) => learner.stuck)
    .sort((a, b) => struggles(b) - struggles(a) || b.lastActiveAt - a.lastActiveAt);
}
