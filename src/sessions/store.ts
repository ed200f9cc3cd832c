import {
  appendTurn,
  findOwnedSession,
  findStoredTurn,
  type NewMessage,
  type SessionRow,
} from "../db/queries/sessions";
import type { Db } from "../db/types";
import { parseTutorState, type TutorState } from "../tutor";
import { sessionBusy, sessionNotFound } from "./errors";

/** Concurrent writers (two tabs) retry this often before the learner is told to reload. */
const WRITE_ATTEMPTS = 5;

export async function loadOwnedSession(db: Db, learnerId: string, sessionId: string) {
  const row = await findOwnedSession(db, learnerId, sessionId);
  if (!row) throw sessionNotFound();
  return { row, state: parseTutorState(JSON.parse(row.state)) };
}

export const snapshotOf = (state: TutorState) => ({
  nodeId: state.nodeId,
  voice: state.voice,
  state,
  mastery: state.mastery,
  finished: state.finished,
});

/** Which session a turn writes to, for whom, and the client's id for the learner's message. */
export type TurnIds = {
  learnerId: string;
  sessionId: string;
  clientMessageId?: string | undefined;
};

/** The learner's message with this client id is already stored: the caller answers with it. */
export class TurnAlreadyStored extends Error {
  override name = "TurnAlreadyStored";
}

/**
 * Applies `decide` to the session's current state and stores its messages and new state in one
 * atomic write. If another tab wrote in between, it re-reads and decides again on the fresh
 * state, so neither tab's turn is lost and the state never forks.
 */
export async function commitTurn<T extends { state: TutorState }>(
  db: Db,
  ids: TurnIds,
  first: { row: SessionRow; state: TutorState },
  decide: (state: TutorState) => T & { messages: NewMessage[] },
  now: () => number,
): Promise<T> {
  let current = first;
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const outcome = decide(current.state);
    const { clientMessageId } = ids;
    const stored = await appendTurn(
      db,
      {
        ...ids,
        expectedCount: current.row.messageCount,
        messages: outcome.messages.map((m) =>
          m.role === "learner" && clientMessageId ? { ...m, clientMessageId } : m,
        ),
        snapshot: snapshotOf(outcome.state),
      },
      now(),
    );
    if (stored) return outcome;
    // The same message, resent while its first send was still being answered, landed first.
    if (clientMessageId && (await findStoredTurn(db, ids.sessionId, clientMessageId))) {
      throw new TurnAlreadyStored();
    }
    current = await loadOwnedSession(db, ids.learnerId, ids.sessionId);
  }
  throw sessionBusy();
}
