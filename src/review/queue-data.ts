import type { Lesson } from "../curriculum/schema";
import { listUnreviewedAnswers } from "../db/queries/reviews";
import type { Db } from "../db/types";
import {
  REVIEW_BELOW_CONFIDENCE,
  REVIEW_QUEUE_LIMIT,
  type ReviewAnswer,
  toReviewAnswer,
} from "./queue";

/** The class's answers waiting for a teacher's verdict, oldest first. */
export async function loadReviewQueue(
  db: Db,
  classId: string,
  lesson: Lesson,
): Promise<ReviewAnswer[]> {
  const rows = await listUnreviewedAnswers(
    db,
    classId,
    REVIEW_BELOW_CONFIDENCE,
    REVIEW_QUEUE_LIMIT,
  );
  return rows.map((row) => toReviewAnswer(row, lesson));
}
