/** The dialogue engine: pure functions over (lesson, state, learner text). No I/O. */
export { type CalculationRequest, readCalculationRequest } from "./calculation-request";
export {
  type AnswerTarget,
  answerTargetOf,
  CHECK_ATTEMPTS,
  GUIDING_ATTEMPTS,
  GUIDING_HELP_REQUESTS,
  HELP_REQUESTS,
  type ReplyKind,
  requestHint,
  type StepOptions,
  type StepResult,
  startSession,
  step,
  switchVoice,
  type TurnResult,
} from "./engine";
export { quoteOf } from "./evidence";
export {
  type Classification,
  classifyIntent,
  type Intent,
  type IntentContext,
  type IntentKind,
} from "./intent";
export { shortQuestion, vocabularyOf } from "./lesson-view";
export { DEFAULT_BKT, isMastered, MASTERY_THRESHOLD, updateMastery } from "./mastery";
export type { Move, MoveKind } from "./moves";
export { enterNode, progress } from "./navigation";
export type { Flag, FlagKind } from "./safety";
export {
  type NodeOutcome,
  parseTutorState,
  TUTOR_STATE_VERSION,
  type TutorState,
  TutorStateSchema,
  VOICES,
} from "./state";
