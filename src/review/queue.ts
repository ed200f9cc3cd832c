import type { Lesson } from "../curriculum/schema";
import type { ReviewableAnswerRow } from "../db/queries/reviews";
import { parseMessageMeta } from "../teach/message-meta";

/** Answers read with less confidence than this join the review queue whatever their verdict. */
export const REVIEW_BELOW_CONFIDENCE = 0.6;
/** Enough for a busy lesson; the rest come up as the teacher works through these. */
export const REVIEW_QUEUE_LIMIT = 200;

/** One answer waiting for a teacher's verdict: `GET /api/classes/:id/review`. */
export type ReviewAnswer = {
  id: string;
  learnerId: string;
  learnerName: string;
  nodeId: string;
  /** The check question the answer replied to. */
  question: string;
  text: string;
  verdict: string;
  keyIdeasFound: string[];
  misconceptionId?: string;
  /** Set when the tutor flagged the answer (gaming). */
  flag?: string;
  at: number;
};

export function toReviewAnswer(row: ReviewableAnswerRow, lesson: Lesson): ReviewAnswer {
  const node = lesson.nodes.find((n) => n.id === row.nodeId);
  return {
    id: row.id,
    learnerId: row.learnerId,
    learnerName: row.learnerName,
    nodeId: row.nodeId,
    question: node?.check.question ?? "",
    text: row.text,
    verdict: row.verdict,
    keyIdeasFound: parseMessageMeta(row.meta).keyIdeasFound ?? [],
    ...(row.misconceptionId && { misconceptionId: row.misconceptionId }),
    ...(row.flag && { flag: row.flag }),
    at: row.createdAt,
  };
}

/** The queue grouped per question, in lesson order; questions with nothing waiting left out. */
export function groupByQuestion(answers: readonly ReviewAnswer[], lesson: Lesson) {
  return lesson.nodes.flatMap((node) => {
    const waiting = answers.filter((answer) => answer.nodeId === node.id);
    return waiting.length === 0 ? [] : [{ node, answers: waiting }];
  });
}
