import type { LanguageModelV3 } from "@ai-sdk/provider";
import { type StepResult, stepCountIs, streamText, type ToolSet } from "ai";
import type { CalculationOutcome } from "../calculator";
import { toPublicCurriculum } from "../curriculum/public";
import type { Lesson, VoiceName } from "../curriculum/schema";
import type { CalculationRequest } from "../tutor";
import { FALLBACK_NOTICE } from "./fallback-model";
import { CALCULATOR_TOOL_NAME, TUTOR_OPTIONS_KEY } from "./offline-model";
import { fillTemplate, type PromptSet } from "./prompts";
import { calculatorTool } from "./tools/calculator-tool";

export interface QuestionAnswererDeps {
  model: LanguageModelV3;
  /** The rendered lesson; only its public text reaches the model. */
  lesson: Lesson;
  prompts: PromptSet;
  /** Defaults to the calculator under the name the offline model expects. */
  tools?: ToolSet;
}

export interface QuestionInput {
  question: string;
  nodeId: string;
  voice: VoiceName;
  /** The calculation the tutor read from the question: the model must call the calculator first. */
  calculation?: CalculationRequest;
  abortSignal?: AbortSignal;
}

export interface CalculationCard {
  op: string;
  input: unknown;
  result: unknown;
  summary: string;
}

export interface AnswerStream {
  /** The answer as it is written, steps separated by a blank line. */
  textStream: AsyncIterable<string>;
  /** The whole answer once the model is done; never rejects. */
  finished: Promise<{ text: string; calculation?: CalculationCard; notice?: string }>;
}

export const VOICE_GUIDES: Record<VoiceName, string> = {
  socratic:
    "reason step by step from what the learner already knows, like a teacher thinking aloud, and end on the conclusion rather than a question.",
  metaphor:
    "build the answer around one vivid everyday comparison, then say plainly what it means.",
  plain: "a direct, clear explanation in everyday words.",
};

const UNANSWERED = "Sorry, I couldn't answer that just now. Let's carry on with the lesson.";

/**
 * The system prompt for the model that talks to the learner: the lesson's public text for the
 * current node and nothing else, so no answer key, rubric or grading prompt can leak.
 */
export function answerSystemPrompt(
  lesson: Lesson,
  prompts: PromptSet,
  nodeId: string,
  voice: VoiceName,
): string {
  const node = toPublicCurriculum(lesson).nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`lesson "${lesson.id}" has no node "${nodeId}"`);
  return fillTemplate(prompts["tutor-answer"], {
    lessonTitle: lesson.title,
    nodeTitle: node.title,
    voiceGuide: VOICE_GUIDES[voice],
    nodeContext: answerContext(lesson, nodeId),
  });
}

/** A node's public text as a model that talks to learners may see it: questions and explanations. */
export function answerContext(lesson: Lesson, nodeId: string): string {
  const node = toPublicCurriculum(lesson).nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`lesson "${lesson.id}" has no node "${nodeId}"`);
  return [
    `Guiding questions: ${node.voices.socratic.join(" ")}`,
    `As a picture: ${node.voices.metaphor}`,
    `In plain words: ${node.voices.plain}`,
  ].join("\n\n");
}

/** Streams the model's answer to a free-form question, with the calculator as a tool. */
export function answerQuestion(deps: QuestionAnswererDeps, input: QuestionInput) {
  return streamText({
    model: deps.model,
    system: answerSystemPrompt(deps.lesson, deps.prompts, input.nodeId, input.voice),
    messages: [{ role: "user", content: input.question }],
    tools: deps.tools ?? { [CALCULATOR_TOOL_NAME]: calculatorTool },
    stopWhen: stepCountIs(3),
    prepareStep: ({ stepNumber }) =>
      input.calculation && stepNumber === 0
        ? { toolChoice: { type: "tool", toolName: CALCULATOR_TOOL_NAME } }
        : {},
    providerOptions: { [TUTOR_OPTIONS_KEY]: { voice: input.voice, nodeId: input.nodeId } },
    ...(input.abortSignal && { abortSignal: input.abortSignal }),
  });
}

/** `answerQuestion` bound to its dependencies, shaped for a turn: text as it comes, then the whole. */
export function createQuestionAnswerer(
  deps: QuestionAnswererDeps,
): (input: QuestionInput) => AnswerStream {
  return (input) => {
    const result = answerQuestion(deps, input);
    return {
      textStream: textOf(result.fullStream),
      finished: Promise.resolve(result.steps).then(summarizeSteps, () => ({ text: UNANSWERED })),
    };
  };
}

/** Steps' texts as one answer, a blank line between steps. */
const STEP_BREAK = "\n\n";
const breakAfter = (written: string) =>
  written === "" || written.endsWith(STEP_BREAK) ? "" : STEP_BREAK;

async function* textOf(
  parts: AsyncIterable<{ type: string; text?: string }>,
): AsyncIterable<string> {
  let written = "";
  let newStep = false;
  try {
    for await (const part of parts) {
      if (part.type === "start-step") newStep = true;
      if (part.type !== "text-delta" || !part.text) continue;
      const delta = (newStep ? breakAfter(written) : "") + part.text;
      newStep = false;
      written += delta;
      yield delta;
    }
  } catch {
    // The learner never sees a raw error; `finished` says the same as what is streamed here.
  }
  if (!written) yield UNANSWERED;
}

function summarizeSteps(steps: readonly StepResult<ToolSet>[]) {
  const text = steps.reduce(
    (written, s) => (s.text ? written + breakAfter(written) + s.text : written),
    "",
  );
  const outcome = steps
    .flatMap((s) => s.toolResults)
    .find((r) => r.toolName === CALCULATOR_TOOL_NAME)?.output as CalculationOutcome | undefined;
  return {
    text: text || UNANSWERED,
    ...(outcome && {
      calculation: {
        op: outcome.op,
        input: outcome.spec,
        result: outcome.result,
        summary: outcome.summary,
      },
    }),
    ...(text.includes(FALLBACK_NOTICE) && { notice: FALLBACK_NOTICE }),
  };
}
