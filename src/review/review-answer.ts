import type { Lesson, LessonNode } from "../curriculum/schema";
import { findClassAnswer, loadSessionAnswers, saveReview } from "../db/queries/reviews";
import type { Db } from "../db/types";
import { parseMessageMeta } from "../teach/message-meta";
import { exemplarKey } from "./exemplars";
import { replayMastery } from "./mastery";

/** What a teacher says of an answer: `POST /api/classes/:id/review/:messageId`. */
export type TeacherVerdict = {
  verdict: "correct" | "partial" | "misconception" | "unrecognised";
  misconceptionId?: string | undefined;
  keyIdeas?: string[] | undefined;
};

export type ReviewOutcome =
  | { kind: "not-found" }
  | { kind: "invalid"; issues: { path: string; message: string }[] }
  | { kind: "busy" }
  | {
      kind: "reviewed";
      review: { messageId: string; learnerId: string; nodeId: string } & Required<
        Pick<TeacherVerdict, "verdict" | "keyIdeas">
      > & { misconceptionId: string | null };
      mastery: Record<string, number>;
    };

/** Turns landing while a verdict is saved: re-read this often before giving up. */
const SAVE_ATTEMPTS = 5;

/** The verdict checked against the node's rubric; the key ideas filled in where implied. */
function checkVerdict(node: LessonNode, input: TeacherVerdict, tutorIdeas: string[]) {
  const { rubric } = node.check;
  const ideaIds = rubric.keyIdeas.map((idea) => idea.id);
  const issues: { path: string; message: string }[] = [];
  const unknownIdea = input.keyIdeas?.find((id) => !ideaIds.includes(id));
  if (unknownIdea) {
    issues.push({
      path: "keyIdeas",
      message: `"${unknownIdea}" is not a key idea of this question`,
    });
  }
  if (input.verdict === "misconception") {
    if (!rubric.misconceptions.some((m) => m.id === input.misconceptionId)) {
      issues.push({
        path: "misconceptionId",
        message: "must name a misconception of this question",
      });
    }
  } else if (input.misconceptionId !== undefined) {
    issues.push({ path: "misconceptionId", message: "only a misconception verdict names one" });
  }
  const keyIdeas =
    input.keyIdeas ??
    (input.verdict === "correct"
      ? ideaIds
      : input.verdict === "partial"
        ? tutorIdeas.filter((id) => ideaIds.includes(id))
        : []);
  if (input.verdict === "partial" && keyIdeas.length === 0) {
    issues.push({ path: "keyIdeas", message: "a partial answer shows at least one key idea" });
  }
  return { issues, keyIdeas };
}

/**
 * A teacher's verdict on a graded answer of their class: it replaces the stored grade (every
 * report reads that), the learner's mastery is replayed from the corrected grades, and the answer
 * becomes a class exemplar (src/review/exemplars.ts).
 */
export async function reviewAnswer(
  db: Db,
  lesson: Lesson,
  input: { classId: string; teacherId: string; messageId: string; verdict: TeacherVerdict },
  now: number,
): Promise<ReviewOutcome> {
  const answer = await findClassAnswer(db, input.classId, input.messageId);
  const node = answer && lesson.nodes.find((n) => n.id === answer.nodeId);
  if (!answer || !node) return { kind: "not-found" };
  const tutorIdeas = parseMessageMeta(answer.meta).keyIdeasFound ?? [];
  const { issues, keyIdeas } = checkVerdict(node, input.verdict, tutorIdeas);
  if (issues.length > 0) return { kind: "invalid", issues };
  const { verdict } = input.verdict;
  const misconceptionId = input.verdict.misconceptionId ?? null;

  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const session = await loadSessionAnswers(db, answer.sessionId);
    if (!session) return { kind: "not-found" };
    const mastery = replayMastery(
      lesson,
      session.answers.map((a) => ({
        nodeId: a.nodeId,
        verdict: a.id === answer.id ? verdict : a.verdict,
        ...(a.verdict === null && { observed: parseMessageMeta(a.meta).observed }),
      })),
    );
    const saved = await saveReview(
      db,
      {
        messageId: answer.id,
        classId: input.classId,
        teacherId: input.teacherId,
        nodeId: answer.nodeId,
        normalisedText: exemplarKey(answer.text),
        verdict,
        misconceptionId,
        keyIdeas: JSON.stringify(keyIdeas),
        tutorVerdict: answer.verdict,
        tutorMisconceptionId: answer.misconceptionId,
        createdAt: now,
      },
      {
        id: answer.sessionId,
        expectedCount: session.messageCount,
        state: JSON.stringify({ ...parseObject(session.state), mastery }),
        mastery: JSON.stringify(mastery),
      },
    );
    if (saved) {
      return {
        kind: "reviewed",
        review: {
          messageId: answer.id,
          learnerId: answer.learnerId,
          nodeId: answer.nodeId,
          verdict,
          misconceptionId,
          keyIdeas,
        },
        mastery,
      };
    }
  }
  return { kind: "busy" };
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
