/**
 * Rendering: what the learner finally sees. The engine's moves are worded offline, then pass the
 * pre-attempt guard and the no-repeat pass here, so every caller (the turn, the voice buttons,
 * the teacher's preview) shows the same thing.
 */
import type { Lesson, VoiceName } from "../curriculum/schema";
import {
  type ReplyKind,
  type StepOptions,
  type StepResult,
  startSession,
  step,
  switchVoice,
  type TurnResult,
  type TutorState,
} from "../tutor";
import { asksForRepeat, finishReply } from "./finish";
import { renderMoves } from "./offline";

export { asksForRepeat, finishReply } from "./finish";
export { answersCheck, withholdAnswer } from "./guard";
export { renderMoves } from "./offline";

/** A reply as the learner reads it. */
export interface Reply {
  text: string;
  kind: ReplyKind;
}

export type Rendered<T extends TurnResult> = T & { reply: Reply };

/** Replies that leave the pending question for something else (and so restate it). */
const MOVED_AWAY = new Set<ReplyKind>(["return", "redirect", "refusal", "explanation", "complete"]);

function rendered<T extends TurnResult>(lesson: Lesson, result: T, learnerText = ""): Rendered<T> {
  const draft = renderMoves(lesson, result.state, result.moves, result.state.shown.length);
  const { text, state } = finishReply(lesson, result.state, draft, {
    repeatRequested: asksForRepeat(learnerText),
    movedAway: MOVED_AWAY.has(result.kind),
    learnerText,
  });
  return { ...result, state, reply: { text, kind: result.kind } };
}

/** One learner message: the engine's step, then the reply as the learner will see it. */
export function tutorStep(
  lesson: Lesson,
  state: TutorState,
  text: string,
  options: StepOptions = {},
): Rendered<StepResult> {
  return rendered(lesson, step(lesson, state, text, options), text);
}

export const tutorStart = (lesson: Lesson, voice: VoiceName) =>
  rendered(lesson, startSession(lesson, voice));

export const tutorSwitchVoice = (lesson: Lesson, state: TutorState, voice: VoiceName) =>
  rendered(lesson, switchVoice(lesson, state, voice));
