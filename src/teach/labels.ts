/** Words and links of the class view, shared by the server render and the live refresh. */
import type { QuestionDistribution } from "./answer-distribution";
import type { AttentionItem } from "./attention";
import { countLabel } from "./format";
import type { LearnerProgress } from "./learner-progress";

export const transcriptPath = (classId: string, learnerId: string) =>
  `/teach/classes/${classId}/learners/${learnerId}`;

export const progressText = (learner: LearnerProgress, total: number) =>
  `${learner.masteredCount} of ${total} mastered`;

export function whereText(learner: LearnerProgress): string {
  if (learner.completedAt !== null) return "Finished the lesson";
  return learner.nodeTitle ?? "Not started";
}

export function struggleText(learner: LearnerProgress): string {
  const parts = [];
  if (learner.wrongAnswers > 0)
    parts.push(countLabel(learner.wrongAnswers, "wrong answer", "wrong answers"));
  if (learner.hints > 0) parts.push(countLabel(learner.hints, "hint", "hints"));
  return `${parts.join(" and ")} on “${learner.nodeTitle ?? ""}”`;
}

/** Why a learner needs attention, as one sentence. */
export const attentionText = (item: AttentionItem) =>
  item.reasons.map((reason) => reason.text).join("; ");

/** The questions nobody has answered, as one line instead of a card each; "" when none. */
export function unansweredText(questions: readonly QuestionDistribution[]): string {
  const titles = questions.filter((q) => q.attempts === 0).map((q) => q.title);
  return titles.length === 0 ? "" : `No answers yet: ${titles.join(" · ")}.`;
}

export function answersSummary(question: QuestionDistribution): string {
  if (question.attempts === 0) return "No answers yet.";
  const partial = question.partial > 0 ? `, ${question.partial} partly right` : "";
  return `${countLabel(question.attempts, "answer", "answers")}: ${question.correct} correct${partial}.`;
}

/** A bucket's share of a question's answers, 0 to 100, for bar widths. */
export const sharePercent = (count: number, attempts: number) =>
  attempts === 0 ? 0 : Math.round((count / attempts) * 100);

export const refreshedText = (seconds: number) =>
  `Updated just now; refreshes every ${seconds} seconds.`;

export const refreshFailedText = (message: string, seconds: number) =>
  `Could not refresh (${message}) Trying again in ${seconds} seconds.`;

/** A knowledge component's short title for a column header: its id in words ("same-objective"
 * reads "Same objective"); the description and id go in the tooltip. */
export function kcTitle(kcId: string): string {
  const words = kcId.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
