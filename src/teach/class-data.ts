import type { Lesson } from "../curriculum/schema";
import {
  countAnswers,
  countLearnerMessages,
  findClassLearner,
  listClassFlags,
  listCompletedSessions,
  listGradedAnswers,
  listLearnerActivity,
  listLearnerTranscript,
  listWrongAnswerExamples,
} from "../db/queries/class-progress";
import type { Db } from "../db/types";
import { EXAMPLES_PER_BUCKET } from "./answer-distribution";
import { buildClassReport, type ClassReport } from "./class-report";
import { type LearnerProgress, toLearnerProgress } from "./learner-progress";
import { lookupIn } from "./lesson-lookup";
import { type FlaggedMessage, flaggedMessages, transcriptOf } from "./teacher-messages";
import { type XapiStatement, xapiStatements } from "./xapi";

/** The teacher views' reads: a few aggregate queries, shaped by the pure modules beside this one. */

/** Enough to review a busy lesson; older flags stay in the transcripts. */
export const FLAGS_SHOWN = 200;

type OwnedClass = { id: string; name: string; code: string };

export async function loadClassReport(
  db: Db,
  klass: OwnedClass,
  lesson: Lesson,
): Promise<ClassReport> {
  const [learnerRows, answerCounts, exampleAnswers, messageCounts] = await Promise.all([
    listLearnerActivity(db, klass.id),
    countAnswers(db, klass.id),
    listWrongAnswerExamples(db, klass.id, EXAMPLES_PER_BUCKET),
    countLearnerMessages(db, klass.id),
  ]);
  return buildClassReport({
    klass,
    lesson,
    learnerRows,
    answerCounts,
    exampleAnswers,
    messageCounts,
  });
}

/** Learners' progress alone, for exports that need no answer distributions. */
export async function loadLearnerProgress(
  db: Db,
  classId: string,
  lesson: Lesson,
): Promise<LearnerProgress[]> {
  const lookup = lookupIn(lesson);
  return (await listLearnerActivity(db, classId)).map((row) =>
    toLearnerProgress(row, lesson, lookup),
  );
}

export async function loadFlags(
  db: Db,
  classId: string,
  lesson: Lesson,
): Promise<FlaggedMessage[]> {
  return flaggedMessages(await listClassFlags(db, classId, FLAGS_SHOWN), lesson);
}

/** Undefined when the learner is not in this class. */
export async function loadTranscript(db: Db, classId: string, learnerId: string, lesson: Lesson) {
  const learner = await findClassLearner(db, classId, learnerId);
  if (!learner) return undefined;
  const sessions = transcriptOf(await listLearnerTranscript(db, learner.id), lesson);
  return { learner, sessions };
}

export async function loadXapiStatements(
  db: Db,
  classId: string,
  lesson: Lesson,
  origin: string,
): Promise<XapiStatement[]> {
  const [answers, completions] = await Promise.all([
    listGradedAnswers(db, classId),
    listCompletedSessions(db, classId),
  ]);
  return xapiStatements({ origin, lesson, answers, completions });
}
