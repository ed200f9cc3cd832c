/**
 * Rendering: what the learner finally sees. The engine's reply passes the pre-attempt guard and
 * the no-repeat pass here, so every caller (the turn, the voice buttons, the teacher's preview)
 * shows the same thing.
 */
import type { Lesson, VoiceName } from "../curriculum/schema";
import {
  type StepOptions,
  type StepResult,
  startSession,
  step,
  switchVoice,
  type TurnResult,
  type TutorState,
} from "../tutor";
import { asksForRepeat, finishReply } from "./finish";

export { asksForRepeat, finishReply } from "./finish";
export { answersCheck, withholdAnswer } from "./guard";

/** Replies that leave the pending question for something else (and so restate it). */
const MOVED_AWAY = new Set(["return", "redirect", "refusal", "explanation", "complete"]);

function finished<T extends TurnResult>(lesson: Lesson, result: T, learnerText = ""): T {
  const { text, state } = finishReply(lesson, result.state, result.reply.text, {
    repeatRequested: asksForRepeat(learnerText),
    movedAway: MOVED_AWAY.has(result.reply.kind),
  });
  return { ...result, state, reply: { ...result.reply, text } };
}

/** One learner message: the engine's step, then the reply as the learner will see it. */
export function tutorStep(
  lesson: Lesson,
  state: TutorState,
  text: string,
  options: StepOptions = {},
): StepResult {
  return finished(lesson, step(lesson, state, text, options), text);
}

export const tutorStart = (lesson: Lesson, voice: VoiceName): TurnResult =>
  finished(lesson, startSession(lesson, voice));

export const tutorSwitchVoice = (lesson: Lesson, state: TutorState, voice: VoiceName) =>
  finished(lesson, switchVoice(lesson, state, voice));
