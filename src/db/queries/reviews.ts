import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { answerReviews, learners, messages, tutorSessions } from "../schema";
import type { Db } from "../types";

/** What exemplar matching reads of a review. */
const exemplarColumns = {
  nodeId: answerReviews.nodeId,
  normalisedText: answerReviews.normalisedText,
  verdict: answerReviews.verdict,
  misconceptionId: answerReviews.misconceptionId,
  keyIdeas: answerReviews.keyIdeas,
};

/** Reviews of the learner's class at one node, newest first (none for a guest). */
export function listLearnerClassExemplars(db: Db, learnerId: string, nodeId: string) {
  return db
    .select(exemplarColumns)
    .from(answerReviews)
    .innerJoin(learners, eq(learners.classId, answerReviews.classId))
    .where(and(eq(learners.id, learnerId), eq(answerReviews.nodeId, nodeId)))
    .orderBy(desc(answerReviews.createdAt));
}

/** Reviews of the class, newest first, with the answer as the learner wrote it. */
export function listClassExemplars(db: Db, classId: string) {
  return db
    .select({ ...exemplarColumns, text: messages.text })
    .from(answerReviews)
    .innerJoin(messages, eq(messages.id, answerReviews.messageId))
    .where(eq(answerReviews.classId, classId))
    .orderBy(desc(answerReviews.createdAt));
}

export type ExemplarRow = Awaited<ReturnType<typeof listClassExemplars>>[number];

const classAnswerColumns = {
  id: messages.id,
  sessionId: messages.sessionId,
  learnerId: learners.id,
  learnerName: learners.name,
  nodeId: messages.nodeId,
  text: messages.text,
  verdict: sql<string>`${messages.verdict}`,
  misconceptionId: messages.misconceptionId,
  flag: messages.flag,
  meta: messages.meta,
  createdAt: messages.createdAt,
};

/** Learner messages with who wrote them and any review; a query's `where` picks which. */
function answersWithLearners(db: Db) {
  return db
    .select(classAnswerColumns)
    .from(messages)
    .innerJoin(tutorSessions, eq(tutorSessions.id, messages.sessionId))
    .innerJoin(learners, eq(learners.id, tutorSessions.learnerId))
    .leftJoin(answerReviews, eq(answerReviews.messageId, messages.id))
    .$dynamic();
}

/** Graded check answers of the class's learners. */
const gradedAnswerOf = (classId: string) =>
  and(
    eq(learners.classId, classId),
    eq(messages.role, "learner"),
    eq(messages.kind, "answer"),
    isNotNull(messages.verdict),
  );

/**
 * Graded answers no teacher has reviewed that the tutor could not read confidently: not
 * recognised, partly right, caught gaming, or read with confidence under `minConfidence`.
 * Oldest first, at most `limit`.
 */
export function listUnreviewedAnswers(
  db: Db,
  classId: string,
  minConfidence: number,
  limit: number,
) {
  const confidence = sql<number>`json_extract(${messages.meta}, '$.confidence')`;
  return answersWithLearners(db)
    .where(
      and(
        gradedAnswerOf(classId),
        isNull(answerReviews.messageId),
        or(
          inArray(messages.verdict, ["unrecognised", "partial"]),
          eq(messages.flag, "gaming"),
          lt(confidence, minConfidence),
        ),
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.seq))
    .limit(limit);
}

export type ReviewableAnswerRow = Awaited<ReturnType<typeof listUnreviewedAnswers>>[number];

/** One graded answer of the class, reviewed or not. */
export async function findClassAnswer(db: Db, classId: string, messageId: string) {
  const [row] = await answersWithLearners(db)
    .where(and(gradedAnswerOf(classId), eq(messages.id, messageId)))
    .limit(1);
  return row;
}

/** The session's learner answers in order, with what mastery replays from, and its snapshot. */
export async function loadSessionAnswers(db: Db, sessionId: string) {
  const [session, answers] = await Promise.all([
    db
      .select({ state: tutorSessions.state, messageCount: tutorSessions.messageCount })
      .from(tutorSessions)
      .where(eq(tutorSessions.id, sessionId))
      .limit(1),
    db
      .select({
        id: messages.id,
        nodeId: messages.nodeId,
        verdict: messages.verdict,
        meta: messages.meta,
      })
      .from(messages)
      .where(
        and(
          eq(messages.sessionId, sessionId),
          eq(messages.role, "learner"),
          eq(messages.kind, "answer"),
        ),
      )
      .orderBy(asc(messages.seq)),
  ]);
  return session[0] && { ...session[0], answers };
}

export type NewReview = typeof answerReviews.$inferInsert;

/**
 * Stores a teacher's verdict: the review row (replacing an earlier one, keeping the tutor's own
 * reading), the message's grade, and the session's recomputed mastery, in one atomic batch.
 * The mastery is only written if no turn landed since the session was read (`expectedCount`
 * messages); false then: the caller recomputes and saves again (every statement is idempotent).
 */
export async function saveReview(
  db: Db,
  review: NewReview,
  session: { id: string; expectedCount: number; state: string; mastery: string },
): Promise<boolean> {
  const { verdict, misconceptionId = null } = review;
  const [, , updated] = await db.batch([
    db
      .insert(answerReviews)
      .values(review)
      .onConflictDoUpdate({
        target: answerReviews.messageId,
        set: {
          teacherId: review.teacherId,
          verdict,
          misconceptionId,
          keyIdeas: review.keyIdeas ?? "[]",
          createdAt: review.createdAt,
        },
      }),
    db.update(messages).set({ verdict, misconceptionId }).where(eq(messages.id, review.messageId)),
    db
      .update(tutorSessions)
      .set({ state: session.state, mastery: session.mastery })
      .where(
        and(
          eq(tutorSessions.id, session.id),
          eq(tutorSessions.messageCount, session.expectedCount),
        ),
      )
      .returning({ id: tutorSessions.id }),
  ]);
  return updated.length > 0;
}
