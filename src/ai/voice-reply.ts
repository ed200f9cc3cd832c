import type { LanguageModelV3 } from "@ai-sdk/provider";
import { streamText } from "ai";
import type { Lesson, VoiceName } from "../curriculum/schema";
import type { Move } from "../tutor";
import { answerContext, VOICE_GUIDES } from "./answer-question";
import { fillTemplate, type PromptSet } from "./prompts";

export interface VoiceReplyInput {
  nodeId: string;
  voice: VoiceName;
  /** The conversation so far, oldest first (the last few turns). */
  recent: readonly { role: string; text: string }[];
  /** What the engine decided the reply does. */
  moves: readonly Move[];
  /** The same, as the offline renderer words it. */
  draft: string;
  abortSignal?: AbortSignal;
}

export interface VoiceReplyDeps {
  model: LanguageModelV3;
  lesson: Lesson;
  prompts: PromptSet;
}

/**
 * Streams the model's wording of the tutor's next reply: the node's public text, the recent
 * conversation and the engine's draft, nothing else (no rubric, answer bank or sample answers).
 * The caller guards what it streams (src/rendering/stream-guard.ts) and falls back to the draft.
 * Errors surface from the stream; no retries: the turn has one deadline.
 */
export function voiceReply(deps: VoiceReplyDeps, input: VoiceReplyInput): AsyncIterable<string> {
  const node = deps.lesson.nodes.find((n) => n.id === input.nodeId);
  const result = streamText({
    model: deps.model,
    system: fillTemplate(deps.prompts["tutor-voice"], {
      lessonTitle: deps.lesson.title,
      nodeTitle: node?.title ?? "",
      voiceGuide: VOICE_GUIDES[input.voice],
      nodeContext: answerContext(deps.lesson, input.nodeId),
      moves: describeMoves(input.moves),
      draft: input.draft,
    }),
    messages: input.recent.map((m) => ({
      role: m.role === "learner" ? ("user" as const) : ("assistant" as const),
      content: m.text,
    })),
    maxRetries: 0,
    onError: () => {},
    ...(input.abortSignal && { abortSignal: input.abortSignal }),
  });
  return result.textStream;
}

/** The moves as a list the model reads: what each does, with the text it carries. */
export function describeMoves(moves: readonly Move[]): string {
  return moves
    .map(({ kind, ...fields }) => {
      const details = Object.entries(fields).map(([key, value]) => `${key}: ${String(value)}`);
      return `- ${kind}${details.length > 0 ? ` (${details.join("; ")})` : ""}`;
    })
    .join("\n");
}
