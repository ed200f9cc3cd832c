import type {
  LanguageModelV3,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { wrapLanguageModel } from "ai";
import { failureKind, type Log } from "../log";

export interface CallLogOptions {
  log: Log;
  /** What the call is for: answer, reading, voice. */
  purpose: string;
  /**
   * What stands in when the call fails (offline reading, offline wording): failures are logged
   * here with it. Without one, the caller logs failures itself (the answer's fallback model does,
   * since it also judges answers that arrive but say nothing).
   */
  fallback?: string;
}

const tokens = (usage: LanguageModelV3Usage | undefined) => ({
  inputTokens: usage?.inputTokens.total,
  outputTokens: usage?.outputTokens.total,
});

/** Logs every call of `model`: provider, model id, purpose, latency and tokens, and failures. */
export function withCallLog(model: LanguageModelV3, options: CallLogOptions): LanguageModelV3 {
  const { log, purpose, fallback } = options;
  const base = { provider: model.provider, model: model.modelId, purpose };
  const since = (started: number) => Math.round(performance.now() - started);
  const succeeded = (started: number, usage: LanguageModelV3Usage | undefined) =>
    log("model_call", { ...base, ms: since(started), ...tokens(usage) });
  const failed = (started: number, error: unknown) => {
    if (fallback)
      log("model_failure", { ...base, ...failureKind(error), ms: since(started), fallback });
  };

  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: "v3",
      async wrapGenerate({ doGenerate }) {
        const started = performance.now();
        try {
          const result = await doGenerate();
          succeeded(started, result.usage);
          return result;
        } catch (error) {
          failed(started, error);
          throw error;
        }
      },
      async wrapStream({ doStream, params }) {
        const started = performance.now();
        let result: Awaited<ReturnType<typeof doStream>>;
        try {
          result = await doStream();
        } catch (error) {
          failed(started, error);
          throw error;
        }
        let ended = false;
        const end = (error?: unknown, usage?: LanguageModelV3Usage) => {
          if (ended) return;
          ended = true;
          if (error === undefined) succeeded(started, usage);
          else failed(started, error);
        };
        const watched = result.stream.pipeThrough(
          new TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart>({
            transform(part, controller) {
              if (part.type === "error") end(part.error);
              if (part.type === "finish") end(undefined, part.usage);
              controller.enqueue(part);
            },
            flush() {
              end(new Error("the stream ended without finishing"));
            },
          }),
        );
        // A reader that stops early (a deadline, a learner who left) cancels the stream.
        const reader = watched.getReader();
        const stream = new ReadableStream<LanguageModelV3StreamPart>({
          async pull(controller) {
            try {
              const next = await reader.read();
              if (next.done) controller.close();
              else controller.enqueue(next.value);
            } catch (error) {
              end(error);
              controller.error(error);
            }
          },
          cancel(reason) {
            end(params.abortSignal?.reason ?? reason ?? new Error("cancelled"));
            return reader.cancel(reason);
          },
        });
        return { ...result, stream };
      },
    },
  });
}
