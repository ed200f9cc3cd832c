import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
} from "@ai-sdk/provider";

export const FALLBACK_NOTICE =
  "(The tutor's online model is unavailable; answering from the lesson.)";

export interface FallbackOptions {
  /** The longest one call may take, from the request to its last part, in milliseconds (a
   * provider that sends a token now and then cannot keep a turn open). */
  timeoutMs: number;
  /** Told about each failure and how long the call had run, for logs; the learner only sees
   * the notice. */
  onFailure?: (error: unknown, elapsedMs: number) => void;
}

class ModelFailure extends Error {
  override name = "ModelFailure";
}

/**
 * A model that answers with `primary` and, when it fails (an error, an error status, a timeout,
 * a broken or unreadable stream, an empty answer), with `fallback` after a visible notice.
 * Once a turn has fallen back, its later steps (after a tool call) go straight to `fallback`.
 */
export function withFallback(
  primary: LanguageModelV3,
  fallback: LanguageModelV3,
  { timeoutMs, onFailure }: FallbackOptions,
): LanguageModelV3 {
  return {
    specificationVersion: "v3",
    provider: primary.provider,
    modelId: primary.modelId,
    supportedUrls: primary.supportedUrls,

    async doGenerate(options) {
      if (fellBackThisTurn(options)) return fallback.doGenerate(options);
      const deadline = new Deadline(options.abortSignal, timeoutMs);
      try {
        const result = await deadline.race(
          primary.doGenerate({ ...options, abortSignal: deadline.signal }),
        );
        if (result.finishReason.unified === "error" || result.content.length === 0) {
          throw new ModelFailure("the model returned no answer");
        }
        return result;
      } catch (error) {
        if (options.abortSignal?.aborted) throw error;
        onFailure?.(error, deadline.elapsedMs());
        return withNotice(await fallback.doGenerate(options));
      } finally {
        deadline.clear();
      }
    },

    async doStream(options) {
      if (fellBackThisTurn(options)) return fallback.doStream(options);
      const deadline = new Deadline(options.abortSignal, timeoutMs);
      const fail = async (error: unknown, primarySoFar: PrimarySoFar) => {
        deadline.abort();
        if (options.abortSignal?.aborted) throw error;
        onFailure?.(error, deadline.elapsedMs());
        return fallbackParts(fallback, options, primarySoFar);
      };
      let reader: ReadableStreamDefaultReader<LanguageModelV3StreamPart>;
      try {
        const result = await deadline.race(
          primary.doStream({ ...options, abortSignal: deadline.signal }),
        );
        reader = result.stream.getReader();
      } catch (error) {
        return {
          stream: streamOf(await fail(error, { started: false, answered: false, openText: [] })),
        };
      }

      const openText = new Set<string>();
      let started = false;
      let answered = false;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async pull(controller) {
          try {
            const { done, value: part } = await deadline.race(reader.read());
            if (done) throw new ModelFailure("the stream ended without finishing");
            if (part.type === "error") throw new ModelFailure(String(part.error));
            if (part.type === "finish") {
              if (part.finishReason.unified === "error" || !answered) {
                throw new ModelFailure("the model finished without an answer");
              }
              deadline.clear();
              controller.enqueue(part);
              controller.close();
              return;
            }
            if (part.type === "text-start") openText.add(part.id);
            if (part.type === "text-end") openText.delete(part.id);
            if (part.type === "stream-start") started = true;
            if (part.type === "text-delta" || part.type === "tool-call") answered = true;
            controller.enqueue(part);
          } catch (error) {
            reader.cancel().catch(() => {});
            try {
              const parts = await fail(error, { started, answered, openText });
              for (const part of parts) controller.enqueue(part);
              controller.close();
            } catch (abortError) {
              controller.error(abortError);
            }
          }
        },
        cancel(reason) {
          deadline.abort();
          return reader.cancel(reason);
        },
      });
      return { stream };
    },
  };
}

/** A step after the notice was given in this turn (the tool-call loop calls the model again). */
function fellBackThisTurn(options: LanguageModelV3CallOptions): boolean {
  const lastUser = options.prompt.findLastIndex((message) => message.role === "user");
  return options.prompt
    .slice(lastUser + 1)
    .some(
      (message) =>
        message.role === "assistant" &&
        message.content.some((part) => part.type === "text" && part.text.includes(FALLBACK_NOTICE)),
    );
}

function withNotice(result: LanguageModelV3GenerateResult): LanguageModelV3GenerateResult {
  return {
    ...result,
    content: [{ type: "text", text: `${FALLBACK_NOTICE}\n\n` }, ...result.content],
  };
}

/** What the primary's stream had already sent when it failed. */
interface PrimarySoFar {
  started: boolean;
  answered: boolean;
  openText: Iterable<string>;
}

/** Closes what the primary left open, gives the notice, then the fallback's whole answer. */
async function fallbackParts(
  fallback: LanguageModelV3,
  options: LanguageModelV3CallOptions,
  { started, answered, openText }: PrimarySoFar,
): Promise<LanguageModelV3StreamPart[]> {
  const parts: LanguageModelV3StreamPart[] = started
    ? []
    : [{ type: "stream-start", warnings: [] }];
  for (const id of openText) parts.push({ type: "text-end", id });
  const noticeId = "fallback-notice";
  parts.push(
    { type: "text-start", id: noticeId },
    { type: "text-delta", id: noticeId, delta: `${answered ? "\n\n" : ""}${FALLBACK_NOTICE}\n\n` },
    { type: "text-end", id: noticeId },
  );
  const { stream } = await fallback.doStream(options);
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const part = next.value;
    if (part.type !== "stream-start") parts.push(part);
  }
  return parts;
}

function streamOf(parts: LanguageModelV3StreamPart[]): ReadableStream<LanguageModelV3StreamPart> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

/** An abort signal for one call that fires on the caller's abort or `timeoutMs` after it began. */
class Deadline {
  private readonly controller = new AbortController();
  private readonly started = performance.now();
  readonly signal: AbortSignal;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly expired: Promise<never>;
  private expire: (error: Error) => void = () => {};

  constructor(
    outer: AbortSignal | undefined,
    private readonly timeoutMs: number,
  ) {
    this.signal = outer ? AbortSignal.any([outer, this.controller.signal]) : this.controller.signal;
    this.expired = this.arm();
  }

  /** Resolves like `promise`, or rejects once the deadline passes. */
  race<T>(promise: PromiseLike<T>): Promise<T> {
    return Promise.race([promise, this.expired]);
  }

  elapsedMs(): number {
    return Math.round(performance.now() - this.started);
  }

  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  abort(): void {
    this.clear();
    this.controller.abort(new ModelFailure("the model took too long"));
  }

  private arm(): Promise<never> {
    const expired = new Promise<never>((_, reject) => {
      this.expire = reject;
    });
    expired.catch(() => {});
    this.timer = setTimeout(() => {
      this.expire(new ModelFailure(`no answer within ${this.timeoutMs} ms`));
      this.controller.abort(new ModelFailure("the model took too long"));
    }, this.timeoutMs);
    return expired;
  }
}
