import type { LanguageModelV3 } from "@ai-sdk/provider";
import { generateText, Output } from "ai";
import { z } from "zod";
import type { LessonNode } from "../curriculum/schema";
import type { ModelReading } from "../reading/combine";
import { fillTemplate, type PromptSet } from "./prompts";

/** What the learner's message answers: the node's check question or one of its guiding questions. */
export type AnswerTarget = { kind: "check" } | { kind: "guiding"; step: number };

const Quote = z.object({ id: z.string(), quote: z.string() });
/** All the grading model may say. Nullable rather than optional: strict JSON-schema modes need every key. */
const CheckReadingSchema = z.object({
  keyIdeas: z.array(Quote),
  misconception: Quote.nullable(),
  confidence: z.number().min(0).max(1),
});
const GuidingReadingSchema = z.object({
  shown: z.boolean(),
  quote: z.string().nullable(),
  confidence: z.number().min(0).max(1),
});

export interface ReadWithModelInput {
  model: LanguageModelV3;
  prompts: PromptSet;
  node: LessonNode;
  target: AnswerTarget;
  answer: string;
  abortSignal?: AbortSignal;
}

/**
 * Asks the grading model for a structured reading of one answer, in a call of its own: the rubric
 * reaches only this call, never the model that talks to the learner. Undefined when the model
 * fails, times out or answers outside the schema; the offline reading then stands alone.
 */
export async function readWithModel(input: ReadWithModelInput): Promise<ModelReading | undefined> {
  const common = {
    model: input.model,
    prompt: input.answer,
    maxRetries: 0,
    ...(input.abortSignal && { abortSignal: input.abortSignal }),
  };
  try {
    if (input.target.kind === "guiding") {
      const step = input.target.step;
      const guiding = input.node.voices.socratic[step];
      if (!guiding) return undefined;
      const { output } = await generateText({
        ...common,
        system: fillTemplate(input.prompts["read-guiding"], {
          question: guiding.ask,
          goodAnswer: guiding.goodAnswer,
        }),
        output: Output.object({ schema: GuidingReadingSchema, name: "reading" }),
      });
      return { kind: "guiding", step, ...output };
    }
    const { question, rubric } = input.node.check;
    const { output } = await generateText({
      ...common,
      system: fillTemplate(input.prompts["read-check"], {
        question,
        keyIdeas: rubric.keyIdeas.map((idea) => `- ${idea.id}: ${idea.description}`).join("\n"),
        misconceptions: rubric.misconceptions.map((m) => `- ${m.id}: ${m.description}`).join("\n"),
      }),
      output: Output.object({ schema: CheckReadingSchema, name: "reading" }),
    });
    return { kind: "check", ...output };
  } catch {
    return undefined;
  }
}
