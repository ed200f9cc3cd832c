import type { Lesson, VoiceName } from "../curriculum/schema";
import { insertSession } from "../db/queries/sessions";
import type { Db } from "../db/types";
import { tutorStart, tutorSwitchVoice } from "../rendering";
import { commitTurn, loadOwnedSession, snapshotOf } from "./store";
import { stateView } from "./views";

type Context = { db: Db; lesson: Lesson; now: () => number };

export async function openSession(context: Context, learnerId: string, voice: VoiceName) {
  const { db, lesson, now } = context;
  const { state, reply } = tutorStart(lesson, voice);
  const id = crypto.randomUUID();
  const opening = {
    role: "tutor" as const,
    kind: reply.kind,
    text: reply.text,
    nodeId: state.nodeId,
    meta: { voice, rung: 0 },
  };
  await insertSession(
    db,
    { id, learnerId, lessonId: lesson.id },
    snapshotOf(state),
    [opening],
    now(),
  );
  return {
    session: { id, nodeId: state.nodeId, voice },
    message: reply,
    state: stateView(lesson, state),
  };
}

/** The voice buttons: recorded as a learner action so teachers see the switch in the transcript. */
export async function changeVoice(
  context: Context,
  ids: { learnerId: string; sessionId: string },
  voice: VoiceName,
) {
  const { db, lesson, now } = context;
  const first = await loadOwnedSession(db, ids.learnerId, ids.sessionId);
  const outcome = await commitTurn(
    db,
    ids,
    first,
    (state) => {
      const result = tutorSwitchVoice(lesson, state, voice);
      const nodeId = result.state.nodeId;
      return {
        ...result,
        messages: [
          {
            role: "learner",
            kind: "voice",
            text: `(switched to the ${voice} voice)`,
            nodeId: state.nodeId,
            meta: { voice, via: "button" },
          },
          {
            role: "tutor",
            kind: result.reply.kind,
            text: result.reply.text,
            nodeId,
            meta: { voice, rung: result.state.rung },
          },
        ],
      };
    },
    now,
  );
  return { reply: outcome.reply, state: stateView(lesson, outcome.state) };
}
