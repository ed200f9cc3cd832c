/**
 * The sessions API's response bodies, written once: the routes return them (checked with
 * `satisfies`), the browser code and the tests read them with `import type`.
 */
import type { PublicCurriculum } from "../curriculum/public";
import type { Reply } from "../rendering";
import type { changeVoice, openSession } from "./open";
import type { TurnOutcome } from "./turn";
import type { StateView, sessionView, transcriptView } from "./views";

export type { Reply, StateView };

/** `POST /api/sessions` */
export type CreatedSession = Awaited<ReturnType<typeof openSession>>;

/** `GET /api/sessions/:id` */
export type LoadedSession = {
  session: ReturnType<typeof sessionView>;
  state: StateView;
  transcript: ReturnType<typeof transcriptView>;
};

/** `PATCH /api/sessions/:id` */
export type VoiceSwitch = Awaited<ReturnType<typeof changeVoice>>;

/**
 * The `data-turn` part of the message stream (and the `?stream=false` body), sent once the turn
 * is stored. A free-form question also gets the `answer` (with any calculation, and a notice when
 * the offline model stood in), stored as its own message before the reply.
 */
export type Turn = TurnOutcome;

/** `GET /api/curriculum` */
export type Curriculum = PublicCurriculum;
