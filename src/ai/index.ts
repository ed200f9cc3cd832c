/** Models and model calls: selection, the offline model, the fallback, answering and grading. */
export {
  type AnswerStream,
  answerQuestion,
  answerSystemPrompt,
  type CalculationCard,
  createQuestionAnswerer,
  type QuestionAnswererDeps,
  type QuestionInput,
} from "./answer-question";
export { FALLBACK_NOTICE, type FallbackOptions, withFallback } from "./fallback-model";
export {
  DEFAULT_MODEL_NAMES,
  describeModel,
  type ModelDeps,
  type ModelSettings,
  ModelSettingsError,
  modelNameOf,
  providerModel,
  selectModel,
} from "./models";
export { CALCULATOR_TOOL_NAME, createOfflineModel, TUTOR_OPTIONS_KEY } from "./offline-model";
export { fillTemplate, type PromptSet, parsePromptSet } from "./prompts";
export { type AnswerTarget, type ReadWithModelInput, readWithModel } from "./read-with-model";
