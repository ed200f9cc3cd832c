import type { KnowledgeComponent } from "../curriculum/schema";
import type { LearnerProgress } from "./learner-progress";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const rounded = (value: number) => Math.round(value * 1000) / 1000;

/** One row per learner: progress, where they are, and mastery of every knowledge component. */
export function progressCsvRows(
  learners: readonly LearnerProgress[],
  kcs: readonly KnowledgeComponent[],
): (string | number | null)[][] {
  const header = [
    "learner_id",
    "name",
    "progress",
    "mastered_components",
    "current_node",
    "completed_at",
    "last_active_at",
    "flags",
    "wrong_answers_on_node",
    "hints_on_node",
    ...kcs.map((kc) => `mastery:${kc.id}`),
  ];
  const rows = learners.map((learner) => [
    learner.id,
    learner.name,
    rounded(learner.progress),
    learner.masteredCount,
    learner.nodeId,
    iso(learner.completedAt),
    iso(learner.lastActiveAt),
    learner.flags,
    learner.wrongAnswers,
    learner.hints,
    ...kcs.map((kc) => {
      const known = learner.mastery[kc.id];
      return known == null ? null : rounded(known);
    }),
  ]);
  return [header, ...rows];
}
