import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { preparedPerDb } from "../prepared";
import { messages, tutorSessions } from "../schema";
import type { Db } from "../types";

export type SessionRow = typeof tutorSessions.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

/** What a turn writes per message; ids, sequence numbers and times are filled in here. */
export type NewMessage = Pick<MessageRow, "role" | "kind" | "text" | "nodeId"> &
  Partial<Pick<MessageRow, "verdict" | "misconceptionId" | "flag" | "clientMessageId">> & {
    meta?: Record<string, unknown>;
  };

/** The session's snapshot after a turn. */
export type SessionSnapshot = {
  nodeId: string;
  voice: string;
  state: unknown;
  mastery: Record<string, number>;
  finished: boolean;
};

/** The stored row of one message at position `seq` of a session. */
export function messageRow(sessionId: string, seq: number, message: NewMessage, createdAt: number) {
  return {
    id: crypto.randomUUID(),
    sessionId,
    seq,
    role: message.role,
    kind: message.kind,
    text: message.text,
    nodeId: message.nodeId,
    verdict: message.verdict ?? null,
    misconceptionId: message.misconceptionId ?? null,
    flag: message.flag ?? null,
    meta: message.meta ? JSON.stringify(message.meta) : null,
    clientMessageId: message.clientMessageId ?? null,
    createdAt,
  };
}

function messageRows(sessionId: string, firstSeq: number, list: NewMessage[], now: number) {
  return list.map((message, i) => messageRow(sessionId, firstSeq + i, message, now));
}

function snapshotColumns(snapshot: SessionSnapshot, now: number) {
  return {
    nodeId: snapshot.nodeId,
    voice: snapshot.voice,
    state: JSON.stringify(snapshot.state),
    mastery: JSON.stringify(snapshot.mastery),
    updatedAt: now,
  };
}

/** Creates a session and its opening messages in one atomic batch. */
export async function insertSession(
  db: Db,
  session: { id: string; learnerId: string; lessonId: string },
  snapshot: SessionSnapshot,
  opening: NewMessage[],
  now: number,
) {
  await db.batch([
    db.insert(tutorSessions).values({
      ...session,
      ...snapshotColumns(snapshot, now),
      messageCount: opening.length,
      completedAt: snapshot.finished ? now : null,
      createdAt: now,
    }),
    db.insert(messages).values(messageRows(session.id, 0, opening, now)),
  ]);
}

const ownedSessionQuery = preparedPerDb((db) =>
  db
    .select()
    .from(tutorSessions)
    .where(
      and(
        eq(tutorSessions.id, sql.placeholder("sessionId")),
        eq(tutorSessions.learnerId, sql.placeholder("learnerId")),
      ),
    )
    .limit(1)
    .prepare(),
);

/** The session, only if it belongs to this learner. */
export async function findOwnedSession(
  db: Db,
  learnerId: string,
  sessionId: string,
): Promise<SessionRow | undefined> {
  return ownedSessionQuery(db).get({ learnerId, sessionId });
}

export async function findLatestSession(db: Db, learnerId: string) {
  const [row] = await db
    .select()
    .from(tutorSessions)
    .where(eq(tutorSessions.learnerId, learnerId))
    .orderBy(desc(tutorSessions.updatedAt))
    .limit(1);
  return row;
}

export function listMessages(db: Db, sessionId: string) {
  return db
    .select()
    .from(messages)
    .where(eq(messages.sessionId, sessionId))
    .orderBy(asc(messages.seq));
}

/** The session's last `count` messages, oldest first: the conversation a voicing model sees. */
export async function listRecentMessages(db: Db, sessionId: string, count: number) {
  const rows = await db
    .select({ role: messages.role, text: messages.text })
    .from(messages)
    .where(eq(messages.sessionId, sessionId))
    .orderBy(desc(messages.seq))
    .limit(count);
  return rows.reverse();
}

/**
 * The turn a learner message with this client id started, if it is stored: the learner's message
 * and the tutor's messages that answered it (up to the next learner message).
 */
export async function findStoredTurn(db: Db, sessionId: string, clientMessageId: string) {
  const [sent] = await db
    .select({ seq: messages.seq })
    .from(messages)
    .where(and(eq(messages.sessionId, sessionId), eq(messages.clientMessageId, clientMessageId)))
    .limit(1);
  if (!sent) return undefined;
  // A turn stores at most two tutor messages (an answer and the reply), then the next turn begins.
  const after = await db
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, sessionId), gt(messages.seq, sent.seq)))
    .orderBy(asc(messages.seq))
    .limit(3);
  const next = after.findIndex((m) => m.role === "learner");
  return next === -1 ? after : after.slice(0, next);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(e.message)) return true;
  }
  return false;
}

/**
 * Appends a turn's messages and the new snapshot in one atomic batch, if nobody else wrote to
 * the session since it was read (`expectedCount` messages). The messages take the next sequence
 * numbers, which are unique per session: a concurrent writer's batch fails whole and this
 * returns false, so the caller can re-read and try again. Nothing is half-written either way.
 */
export async function appendTurn(
  db: Db,
  turn: {
    sessionId: string;
    learnerId: string;
    expectedCount: number;
    messages: NewMessage[];
    snapshot: SessionSnapshot;
  },
  now: number,
): Promise<boolean> {
  const { sessionId, expectedCount, snapshot } = turn;
  try {
    await db.batch([
      db.insert(messages).values(messageRows(sessionId, expectedCount, turn.messages, now)),
      db
        .update(tutorSessions)
        .set({
          ...snapshotColumns(snapshot, now),
          messageCount: expectedCount + turn.messages.length,
          ...(snapshot.finished && {
            completedAt: sql`coalesce(${tutorSessions.completedAt}, ${now})`,
          }),
        })
        .where(and(eq(tutorSessions.id, sessionId), eq(tutorSessions.messageCount, expectedCount))),
    ]);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export function listSessions(db: Db, learnerId: string) {
  return db
    .select({
      id: tutorSessions.id,
      nodeId: tutorSessions.nodeId,
      voice: tutorSessions.voice,
      updatedAt: tutorSessions.updatedAt,
      completedAt: tutorSessions.completedAt,
    })
    .from(tutorSessions)
    .where(eq(tutorSessions.learnerId, learnerId))
    .orderBy(desc(tutorSessions.updatedAt));
}
