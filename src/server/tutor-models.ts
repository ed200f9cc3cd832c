import prompts from "../../dist/prompts.json" with { type: "json" };
import {
  createQuestionAnswerer,
  type ModelDeps,
  parsePromptSet,
  providerModel,
  readWithModel,
  selectModel,
} from "../ai";
import { withCallLog } from "../ai/call-log";
import { voiceReply } from "../ai/voice-reply";
import type { Settings } from "../config";
import { lesson } from "../curriculum/lesson";
import type { Deps } from "../env";
import { privateGramsOf } from "../rendering/private-text";

/**
 * The models behind a tutor turn, from settings: the model that answers learners (offline unless
 * configured, with the offline one as fallback) and, when a provider is configured, a separate
 * reading call that sees the rubric and returns only a structured reading.
 */
export function tutorModels(
  settings: Settings,
  runtime: Omit<ModelDeps, "lesson"> = {},
): Pick<Deps, "answerQuestion" | "readWithModel" | "voice"> {
  const promptSet = parsePromptSet(prompts);
  const model = selectModel(settings.model, { lesson, ...runtime });
  const answerQuestion = createQuestionAnswerer({ model, lesson, prompts: promptSet });
  const { provider } = settings.model;
  if (provider === "offline") return { answerQuestion };
  const grader = providerModel(provider, settings.model, runtime);
  const { log } = runtime;
  const logged = (purpose: string, fallback: string) =>
    log ? withCallLog(grader, { log, purpose, fallback }) : grader;
  const reader = logged("reading", "offline reading");
  const voicer = logged("voice", "offline wording");
  return {
    answerQuestion,
    readWithModel: (node, target, answer, abortSignal) =>
      readWithModel({
        model: reader,
        prompts: promptSet,
        node,
        target,
        answer,
        abortSignal: abortSignal ?? AbortSignal.timeout(settings.model.timeoutMs),
      }),
    ...(settings.model.voicesReplies && {
      voice: {
        words: (input) => voiceReply({ model: voicer, lesson, prompts: promptSet }, input),
        privateGrams: privateGramsOf(lesson, Object.values(promptSet)),
      },
    }),
  };
}
