import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3Prompt,
  LanguageModelV3Source,
  LanguageModelV3StreamPart,
  LanguageModelV3ToolResultOutput,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { simulateReadableStream } from "ai";
import type { Lesson, VoiceName } from "../curriculum/schema";
import { readCalculationRequest } from "../tutor/calculation-request";
import { VOICES } from "../tutor/state";
import { definitionIn, lookupTerm } from "./glossary-lookup";
import { buildLessonIndex, findPassage, type LessonIndex } from "./lesson-index";

/** Key of the provider options every model call carries; other providers ignore it. */
export const TUTOR_OPTIONS_KEY = "tutor";
export const CALCULATOR_TOOL_NAME = "calculator";

export interface TutorCallOptions {
  voice: VoiceName;
  nodeId: string;
}

const NO_PASSAGE =
  "The lesson doesn't cover that directly. I can help with questions about model size, training data, compute, scaling laws and what changes as models grow.";

const USAGE: LanguageModelV3Usage = {
  inputTokens: {
    total: undefined,
    noCache: undefined,
    cacheRead: undefined,
    cacheWrite: undefined,
  },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};

type Answer =
  | { kind: "text"; text: string; source?: { nodeId: string; title: string } }
  | { kind: "tool-call"; input: string };

/**
 * A language model that needs no network. It answers the latest question from the lesson by
 * full-text search over the public curriculum (MiniSearch), in the learner's voice, naming the
 * node it quotes. A question with numbers becomes a call of the calculator tool, and the tool's
 * result, on the next step, becomes the answer.
 */
export function createOfflineModel(lesson: Lesson): LanguageModelV3 {
  const index = buildLessonIndex(lesson);
  let calls = 0;
  return {
    specificationVersion: "v3",
    provider: "offline",
    modelId: `lesson:${lesson.id}`,
    supportedUrls: {},
    async doGenerate(options) {
      const answer = planAnswer(index, options);
      const id = `offline-${++calls}`;
      return {
        content: contentOf(answer, id),
        finishReason: finishOf(answer),
        usage: USAGE,
        warnings: [],
      };
    },
    async doStream(options) {
      const answer = planAnswer(index, options);
      const id = `offline-${++calls}`;
      return {
        stream: simulateReadableStream({
          chunks: streamPartsOf(answer, id),
          chunkDelayInMs: null,
          initialDelayInMs: null,
        }),
      };
    },
  };
}

function planAnswer(index: LessonIndex, options: LanguageModelV3CallOptions): Answer {
  const toolOutputs = toolOutputsOfLatestStep(options.prompt);
  if (toolOutputs.length > 0)
    return { kind: "text", text: toolOutputs.map(describeToolOutput).join("\n\n") };

  const question = latestUserText(options.prompt);
  const offersCalculator = options.tools?.some((t) => t.name === CALCULATOR_TOOL_NAME) ?? false;
  const request = offersCalculator ? readCalculationRequest(question) : undefined;
  if (request) return { kind: "tool-call", input: JSON.stringify(request) };

  const { voice, nodeId } = tutorOptions(options);
  const term = lookupTerm(index.glossary, question);
  if (term) return { kind: "text", text: definitionIn(term, voice) };
  const passage = findPassage(index, question, { voice, nodeId });
  if (!passage) return { kind: "text", text: NO_PASSAGE };
  return {
    kind: "text",
    text: `From the lesson, “${passage.title}”: ${passage.text}`,
    source: { nodeId: passage.nodeId, title: passage.title },
  };
}

function tutorOptions(options: LanguageModelV3CallOptions): { voice: VoiceName; nodeId?: string } {
  const raw = options.providerOptions?.[TUTOR_OPTIONS_KEY];
  const voice = VOICES.find((v) => v === raw?.voice) ?? "plain";
  return typeof raw?.nodeId === "string" ? { voice, nodeId: raw.nodeId } : { voice };
}

function latestUserText(prompt: LanguageModelV3Prompt): string {
  const user = prompt.findLast((message) => message.role === "user");
  if (user?.role !== "user") return "";
  return user.content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n");
}

/** Tool results that arrived after the latest user message: this step must turn them into prose. */
function toolOutputsOfLatestStep(prompt: LanguageModelV3Prompt): LanguageModelV3ToolResultOutput[] {
  const lastUser = prompt.findLastIndex((message) => message.role === "user");
  return prompt
    .slice(lastUser + 1)
    .flatMap((message) =>
      message.role === "tool"
        ? message.content.flatMap((part) => (part.type === "tool-result" ? [part.output] : []))
        : [],
    );
}

function describeToolOutput(output: LanguageModelV3ToolResultOutput): string {
  switch (output.type) {
    case "json": {
      const value = output.value;
      const summary =
        value && typeof value === "object" && !Array.isArray(value) ? value.summary : undefined;
      return `The calculator gives: ${typeof summary === "string" ? summary : JSON.stringify(value)}`;
    }
    case "text":
      return `The calculator gives: ${output.value}`;
    case "error-text":
      return `The calculator could not work that out: ${output.value}`;
    case "error-json":
      return `The calculator could not work that out: ${JSON.stringify(output.value)}`;
    default:
      return "The calculator did not run.";
  }
}

function finishOf(answer: Answer): LanguageModelV3FinishReason {
  return answer.kind === "tool-call"
    ? { unified: "tool-calls", raw: "tool-calls" }
    : { unified: "stop", raw: "stop" };
}

function contentOf(answer: Answer, id: string): LanguageModelV3Content[] {
  if (answer.kind === "tool-call") {
    return [
      { type: "tool-call", toolCallId: id, toolName: CALCULATOR_TOOL_NAME, input: answer.input },
    ];
  }
  return [...sourcePartsOf(answer), { type: "text", text: answer.text }];
}

function sourcePartsOf(answer: Extract<Answer, { kind: "text" }>): LanguageModelV3Source[] {
  if (!answer.source) return [];
  return [
    {
      type: "source",
      sourceType: "document",
      id: answer.source.nodeId,
      mediaType: "text/plain",
      title: answer.source.title,
    },
  ];
}

/** A few words per chunk, like a provider's token stream. */
function chunksOf(text: string): string[] {
  const words = text.match(/\S+\s*/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += 3) chunks.push(words.slice(i, i + 3).join(""));
  return chunks;
}

function streamPartsOf(answer: Answer, id: string): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [{ type: "stream-start", warnings: [] }];
  if (answer.kind === "tool-call") {
    parts.push(
      { type: "tool-input-start", id, toolName: CALCULATOR_TOOL_NAME },
      { type: "tool-input-delta", id, delta: answer.input },
      { type: "tool-input-end", id },
      { type: "tool-call", toolCallId: id, toolName: CALCULATOR_TOOL_NAME, input: answer.input },
    );
  } else {
    parts.push(...sourcePartsOf(answer));
    parts.push({ type: "text-start", id });
    for (const delta of chunksOf(answer.text)) parts.push({ type: "text-delta", id, delta });
    parts.push({ type: "text-end", id });
  }
  parts.push({ type: "finish", usage: USAGE, finishReason: finishOf(answer) });
  return parts;
}
