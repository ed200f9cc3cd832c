import { and, asc, desc, eq, isNotNull, lte, notInArray, type SQL, sql } from "drizzle-orm";
import { learners, messages, tutorSessions } from "../schema";
import type { Db } from "../types";

/**
 * Teacher views read a class with a handful of aggregate statements, never one per learner.
 * A learner's current session is the one updated most recently.
 */

/** Sessions of the class's learners, ranked newest first per learner (rank 1 = current). */
function rankedSessions(db: Db, classId: string) {
  return db.$with("ranked_sessions").as(
    db
      .select({
        sessionId: tutorSessions.id,
        learnerId: tutorSessions.learnerId,
        nodeId: tutorSessions.nodeId,
        mastery: tutorSessions.mastery,
        completedAt: tutorSessions.completedAt,
        rank: sql<number>`row_number() over (partition by ${tutorSessions.learnerId} order by ${tutorSessions.updatedAt} desc, ${tutorSessions.id} desc)`.as(
          "session_rank",
        ),
      })
      .from(tutorSessions)
      .innerJoin(learners, eq(learners.id, tutorSessions.learnerId))
      .where(eq(learners.classId, classId)),
  );
}

/** What teacher views read of a message. */
const messageContent = {
  nodeId: messages.nodeId,
  kind: messages.kind,
  text: messages.text,
  verdict: messages.verdict,
  misconceptionId: messages.misconceptionId,
  flag: messages.flag,
  meta: messages.meta,
  createdAt: messages.createdAt,
};

/** Messages of the class matching `condition`, with who wrote them. */
function classMessagesWhere(db: Db, classId: string, condition: SQL | undefined) {
  return db
    .select({
      id: messages.id,
      sessionId: messages.sessionId,
      lessonId: tutorSessions.lessonId,
      learnerId: learners.id,
      learnerName: learners.name,
      ...messageContent,
    })
    .from(messages)
    .innerJoin(tutorSessions, eq(tutorSessions.id, messages.sessionId))
    .innerJoin(learners, eq(learners.id, tutorSessions.learnerId))
    .where(and(eq(learners.classId, classId), condition));
}

const isLearnerMessage = eq(messages.role, "learner");
const isGradedAnswer = and(
  isLearnerMessage,
  eq(messages.kind, "answer"),
  isNotNull(messages.verdict),
);

/**
 * When the learner last did anything: their latest session write (turns, voice switches, new
 * sessions) or the time on their own row (joining; turns stored before this was derived),
 * whichever is later. Derived, so a turn does not also write the learner's row.
 */
const lastActiveAt = sql<number>`max(${learners.lastActiveAt}, coalesce((select max(${tutorSessions.updatedAt}) from ${tutorSessions} where ${tutorSessions.learnerId} = ${learners.id}), 0))`;

/**
 * Every learner of the class with their current session (if any), their flag count over all
 * sessions, and how much they have struggled on their current node: graded answers that were not
 * correct, and hint requests.
 */
export function listLearnerActivity(db: Db, classId: string) {
  const ranked = rankedSessions(db, classId);
  const onCurrentNode = sql`${messages.sessionId} = ${ranked.sessionId} and ${messages.nodeId} = ${ranked.nodeId} and ${isLearnerMessage}`;
  return db
    .with(ranked)
    .select({
      id: learners.id,
      name: learners.name,
      lastActiveAt,
      nodeId: ranked.nodeId,
      mastery: ranked.mastery,
      completedAt: ranked.completedAt,
      flags: sql<number>`(select count(*) from ${messages} inner join ${tutorSessions} on ${tutorSessions.id} = ${messages.sessionId} where ${tutorSessions.learnerId} = ${learners.id} and ${isLearnerMessage} and ${messages.flag} is not null)`,
      wrongAnswers: sql<number>`(select count(*) from ${messages} where ${onCurrentNode} and ${messages.kind} = 'answer' and ${messages.verdict} <> 'correct')`,
      hints: sql<number>`(select count(*) from ${messages} where ${onCurrentNode} and ${messages.kind} = 'hint')`,
    })
    .from(learners)
    .leftJoin(ranked, and(eq(ranked.learnerId, learners.id), eq(ranked.rank, 1)))
    .where(eq(learners.classId, classId))
    .orderBy(sql`${learners.name} collate nocase`, asc(learners.id));
}

export type LearnerActivityRow = Awaited<ReturnType<typeof listLearnerActivity>>[number];

/**
 * Learner messages of the class counted by learner, intent and flag, over all their sessions:
 * what tells hint-skipping, gaming and flagged learners apart (src/teach/attention.ts).
 */
export function countLearnerMessages(db: Db, classId: string) {
  return db
    .select({
      learnerId: learners.id,
      kind: messages.kind,
      flag: messages.flag,
      count: sql<number>`count(*)`,
    })
    .from(messages)
    .innerJoin(tutorSessions, eq(tutorSessions.id, messages.sessionId))
    .innerJoin(learners, eq(learners.id, tutorSessions.learnerId))
    .where(and(eq(learners.classId, classId), isLearnerMessage))
    .groupBy(learners.id, messages.kind, messages.flag);
}

export type LearnerMessageCountRow = Awaited<ReturnType<typeof countLearnerMessages>>[number];

/** Graded answers of the class counted by node, verdict and misconception. */
export function countAnswers(db: Db, classId: string) {
  return db
    .select({
      nodeId: messages.nodeId,
      verdict: sql<string>`${messages.verdict}`,
      misconceptionId: messages.misconceptionId,
      count: sql<number>`count(*)`,
    })
    .from(messages)
    .innerJoin(tutorSessions, eq(tutorSessions.id, messages.sessionId))
    .innerJoin(learners, eq(learners.id, tutorSessions.learnerId))
    .where(and(eq(learners.classId, classId), isGradedAnswer))
    .groupBy(messages.nodeId, messages.verdict, messages.misconceptionId);
}

export type AnswerCountRow = Awaited<ReturnType<typeof countAnswers>>[number];

/**
 * The newest `perBucket` wrong answers (a misconception, or not recognised) of each node,
 * verdict and misconception: what a teacher reads to see a wrong idea in learners' words.
 */
export function listWrongAnswerExamples(db: Db, classId: string, perBucket: number) {
  const bucket = sql`${messages.nodeId}, ${messages.verdict}, ${messages.misconceptionId}`;
  const ranked = db.$with("ranked_answers").as(
    db
      .select({
        nodeId: messages.nodeId,
        verdict: sql<string>`${messages.verdict}`.as("verdict"),
        misconceptionId: messages.misconceptionId,
        text: messages.text,
        learnerId: sql<string>`${learners.id}`.as("learner_id"),
        learnerName: sql<string>`${learners.name}`.as("learner_name"),
        rank: sql<number>`row_number() over (partition by ${bucket} order by ${messages.createdAt} desc, ${messages.seq} desc)`.as(
          "bucket_rank",
        ),
      })
      .from(messages)
      .innerJoin(tutorSessions, eq(tutorSessions.id, messages.sessionId))
      .innerJoin(learners, eq(learners.id, tutorSessions.learnerId))
      .where(
        and(
          eq(learners.classId, classId),
          isGradedAnswer,
          notInArray(messages.verdict, ["correct", "partial"]),
        ),
      ),
  );
  return db
    .with(ranked)
    .select()
    .from(ranked)
    .where(lte(ranked.rank, perBucket))
    .orderBy(asc(ranked.nodeId), asc(ranked.rank));
}

export type ExampleAnswerRow = Awaited<ReturnType<typeof listWrongAnswerExamples>>[number];

/** The class's flagged learner messages, newest first. */
export function listClassFlags(db: Db, classId: string, limit: number) {
  return classMessagesWhere(db, classId, and(isLearnerMessage, isNotNull(messages.flag)))
    .orderBy(desc(messages.createdAt), desc(messages.seq))
    .limit(limit);
}

/** Every graded answer of the class, oldest first, for exports. */
export function listGradedAnswers(db: Db, classId: string) {
  return classMessagesWhere(db, classId, isGradedAnswer).orderBy(
    asc(messages.createdAt),
    asc(messages.seq),
  );
}

export type ClassMessageRow = Awaited<ReturnType<typeof listGradedAnswers>>[number];

/** Sessions of the class that reached the end of their lesson. */
export function listCompletedSessions(db: Db, classId: string) {
  return db
    .select({
      sessionId: tutorSessions.id,
      lessonId: tutorSessions.lessonId,
      learnerId: learners.id,
      learnerName: learners.name,
      mastery: tutorSessions.mastery,
      completedAt: sql<number>`${tutorSessions.completedAt}`,
    })
    .from(tutorSessions)
    .innerJoin(learners, eq(learners.id, tutorSessions.learnerId))
    .where(and(eq(learners.classId, classId), isNotNull(tutorSessions.completedAt)))
    .orderBy(asc(tutorSessions.completedAt));
}

export type CompletedSessionRow = Awaited<ReturnType<typeof listCompletedSessions>>[number];

/** The learner, only if they belong to this class. */
export async function findClassLearner(db: Db, classId: string, learnerId: string) {
  const [row] = await db
    .select({ id: learners.id, name: learners.name, lastActiveAt })
    .from(learners)
    .where(and(eq(learners.id, learnerId), eq(learners.classId, classId)))
    .limit(1);
  return row;
}

/** All of one learner's messages, session by session, in order. */
export function listLearnerTranscript(db: Db, learnerId: string) {
  return db
    .select({
      sessionId: tutorSessions.id,
      lessonId: tutorSessions.lessonId,
      sessionStartedAt: tutorSessions.createdAt,
      completedAt: tutorSessions.completedAt,
      seq: messages.seq,
      role: messages.role,
      ...messageContent,
    })
    .from(messages)
    .innerJoin(tutorSessions, eq(tutorSessions.id, messages.sessionId))
    .where(eq(tutorSessions.learnerId, learnerId))
    .orderBy(asc(tutorSessions.createdAt), asc(tutorSessions.id), asc(messages.seq));
}

export type TranscriptRow = Awaited<ReturnType<typeof listLearnerTranscript>>[number];
