/** The sessions and curriculum API as this page reads it: the server's own types. */

export type { VoiceName as Voice } from "../../curriculum/schema";
export type {
  CreatedSession,
  Curriculum,
  LoadedSession,
  Reply,
  StateView as TutorState,
  Turn,
  VoiceSwitch,
} from "../../sessions/api";
