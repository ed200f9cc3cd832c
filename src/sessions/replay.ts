import type { CalculationCard } from "../ai";
import type { Lesson } from "../curriculum/schema";
import { findStoredTurn, type MessageRow } from "../db/queries/sessions";
import type { Db } from "../db/types";
import type { Reply } from "../rendering";
import { loadOwnedSession } from "./store";
import type { TurnOutcome } from "./turn";
import { stateView } from "./views";

const metaOf = (row: MessageRow) =>
  row.meta ? (JSON.parse(row.meta) as { calculation?: CalculationCard; notice?: string }) : {};

/**
 * The stored answer to a learner message sent before with this client id (a resend, or the AI
 * SDK's `regenerate()`), with the session's state as it is now; undefined if it is not stored.
 * Only the session's owner gets it.
 */
export async function storedTurn(
  db: Db,
  lesson: Lesson,
  ids: { learnerId: string; sessionId: string },
  clientMessageId: string,
): Promise<TurnOutcome | undefined> {
  // A new message (the usual case) costs one indexed lookup; the owner is checked before
  // anything stored is shown.
  const rows = await findStoredTurn(db, ids.sessionId, clientMessageId);
  const answer = rows?.find((row) => row.kind === "answer");
  const reply = rows?.findLast((row) => row.kind !== "answer");
  if (!reply) return undefined;
  const { state } = await loadOwnedSession(db, ids.learnerId, ids.sessionId);
  const { calculation, notice } = answer ? metaOf(answer) : {};
  return {
    reply: { kind: reply.kind as Reply["kind"], text: reply.text },
    state: stateView(lesson, state),
    ...(answer && { answer: answer.text }),
    ...(calculation && { calculation }),
    ...(notice && { notice }),
  };
}
