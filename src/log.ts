/**
 * Structured logs: one JSON object per line, an event name and flat fields. Callers pass ids,
 * routes, numbers and kinds only, never learner text, names or emails.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type Log = (event: string, fields?: LogFields) => void;

/** Writes each event as a JSON line (stdout by default). */
export const jsonLog =
  (write: (line: string) => void = (line) => console.log(line)): Log =>
  (event, fields = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }));

/** What a model or provider failure was, for a log line; never its message (it may quote text). */
export function failureKind(error: unknown): { kind: string; status?: number } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === "number") return { kind: "status", status };
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "TimeoutError" || /took too long|no answer within|timed? ?out/i.test(message))
    return { kind: "timeout" };
  if (name === "AbortError") return { kind: "aborted" };
  if (/fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|socket|network/i.test(message))
    return { kind: "network" };
  if (/json|parse|schema|validation|invalid/i.test(`${name} ${message}`))
    return { kind: "invalid_response" };
  if (/no answer|without an answer|without finishing/i.test(message)) return { kind: "no_answer" };
  return { kind: "error" };
}
