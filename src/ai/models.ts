import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import type { Ai } from "@cloudflare/workers-types";
import { createWorkersAI } from "workers-ai-provider";
import type { ModelProvider, Settings } from "../config";
import type { Lesson } from "../curriculum/schema";
import { failureKind, type Log } from "../log";
import { withCallLog } from "./call-log";
import { withFallback } from "./fallback-model";
import { createOfflineModel } from "./offline-model";

export type ModelSettings = Settings["model"];

export interface ModelDeps {
  /** The rendered lesson: the offline model answers from it. */
  lesson: Lesson;
  /** The Workers AI binding, on Workers only. */
  ai?: Ai;
  /** For tests and proxies; the providers' own fetch otherwise. */
  fetch?: typeof globalThis.fetch;
  /** Where model calls and provider failures are logged. */
  log?: Log;
}

/**
 * Used when MODEL_NAME is not set: each provider's current small, fast model (checked against the
 * providers' model lists in November 2026). Provider ids retire (Anthropic retired
 * `claude-3-5-haiku-latest` on 2026-02-19), so this is the one place to move them.
 */
export const DEFAULT_MODEL_NAMES: Record<Exclude<ModelProvider, "offline">, string> = {
  openai: "gpt-5.4-mini",
  anthropic: "claude-haiku-4-5",
  "openai-compatible": "llama3.1",
  "workers-ai": "@cf/meta/llama-3.1-8b-instruct",
};

/** The model id in use: MODEL_NAME, or the provider's default. */
export function modelNameOf(settings: ModelSettings): string {
  return settings.provider === "offline"
    ? "offline"
    : (settings.name ?? DEFAULT_MODEL_NAMES[settings.provider]);
}

/** One start-up line saying which model answers learners. */
export function describeModel(settings: ModelSettings): string {
  if (settings.provider === "offline")
    return "Model: offline (the lesson's own text; set MODEL_PROVIDER to use a language model)";
  const source = settings.name ? "MODEL_NAME" : "the provider's default; MODEL_NAME overrides it";
  return `Model: ${settings.provider} ${modelNameOf(settings)} (${source}), offline fallback`;
}

export class ModelSettingsError extends Error {
  override name = "ModelSettingsError";
}

/**
 * The model the tutor talks with. Offline by default; any other provider is wrapped so that a
 * failure, a timeout or a garbled stream is answered by the offline model with a notice.
 */
export function selectModel(settings: ModelSettings, deps: ModelDeps): LanguageModelV3 {
  const offline = createOfflineModel(deps.lesson);
  if (settings.provider === "offline") return offline;
  const provider = providerModel(settings.provider, settings, deps);
  const { log } = deps;
  if (!log) return withFallback(provider, offline, { timeoutMs: settings.timeoutMs });
  return withFallback(withCallLog(provider, { log, purpose: "answer" }), offline, {
    timeoutMs: settings.timeoutMs,
    onFailure: (error, ms) =>
      log("model_failure", {
        provider: provider.provider,
        model: provider.modelId,
        purpose: "answer",
        ...failureKind(error),
        ms,
        fallback: "offline model",
      }),
  });
}

/** The configured provider's model, unwrapped (model-assisted grading uses it directly). */
export function providerModel(
  provider: Exclude<ModelProvider, "offline">,
  settings: ModelSettings,
  deps: Omit<ModelDeps, "lesson">,
): LanguageModelV3 {
  const name = modelNameOf({ ...settings, provider });
  const fetch = deps.fetch && { fetch: deps.fetch };
  switch (provider) {
    case "openai":
      return createOpenAI({ apiKey: settings.apiKey, baseURL: settings.baseUrl, ...fetch }).chat(
        name,
      );
    case "anthropic":
      return createAnthropic({ apiKey: settings.apiKey, baseURL: settings.baseUrl, ...fetch })(
        name,
      );
    case "openai-compatible": {
      if (!settings.baseUrl)
        throw new ModelSettingsError("MODEL_BASE_URL is required for openai-compatible");
      return createOpenAICompatible({
        name: "openai-compatible",
        baseURL: settings.baseUrl,
        apiKey: settings.apiKey,
        ...fetch,
      }).chatModel(name);
    }
    case "workers-ai": {
      if (!deps.ai)
        throw new ModelSettingsError("workers-ai needs the AI binding (it runs on Workers only)");
      return createWorkersAI({ binding: deps.ai })(name);
    }
  }
}
