import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How the server answers one chat-completions request. */
export type Behaviour =
  | { kind: "text"; chunks: string[] }
  | { kind: "tool-call"; name: string; args: unknown }
  | { kind: "json"; content: unknown }
  | { kind: "status"; status: number }
  | { kind: "hang" }
  | { kind: "break"; chunks: string[] }
  | { kind: "drip"; chunks: string[]; everyMs: number }
  | { kind: "garbage" };

export interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: { role: string; content: unknown }[];
  tools?: { function: { name: string } }[];
  tool_choice?: unknown;
}

export interface LocalOpenAIServer {
  baseURL: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

const USAGE = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };

/** One SSE chunk; the finishing one carries the usage, as OpenAI sends it. */
const chunk = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({
    id: "chatcmpl-local",
    object: "chat.completion.chunk",
    created: 0,
    model: "local",
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...(finish && { usage: USAGE }),
  })}\n\n`;

/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 (streaming SSE chat completions). Each request
 * is answered by `behave(request, index)`; a promise delays the answer until it resolves.
 */
export async function startLocalOpenAIServer(
  behave: (request: ChatRequest, index: number) => Behaviour | Promise<Behaviour>,
): Promise<LocalOpenAIServer> {
  const requests: ChatRequest[] = [];
  const server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as ChatRequest;
    requests.push(body);
    answer(res, await behave(body, requests.length - 1), body.stream === true);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, behaviour: Behaviour, stream: boolean): void {
  switch (behaviour.kind) {
    case "hang":
      return;
    case "status":
      res.writeHead(behaviour.status, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ error: { message: `status ${behaviour.status}`, type: "server_error" } }),
      );
      return;
    case "json":
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "chatcmpl-local",
          object: "chat.completion",
          created: 0,
          model: "local",
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: JSON.stringify(behaviour.content) },
              finish_reason: "stop",
            },
          ],
          usage: USAGE,
        }),
      );
      return;
  }
  if (!stream) throw new Error(`behaviour ${behaviour.kind} needs a streaming request`);
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  switch (behaviour.kind) {
    case "text":
      for (const text of behaviour.chunks) res.write(chunk({ role: "assistant", content: text }));
      res.write(chunk({}, "stop"));
      res.end("data: [DONE]\n\n");
      return;
    case "tool-call":
      res.write(
        chunk({
          role: "assistant",
          tool_calls: [
            {
              index: 0,
              id: "call_local",
              type: "function",
              function: { name: behaviour.name, arguments: JSON.stringify(behaviour.args) },
            },
          ],
        }),
      );
      res.write(chunk({}, "tool_calls"));
      res.end("data: [DONE]\n\n");
      return;
    case "drip":
      void (async () => {
        for (const text of behaviour.chunks) {
          await new Promise((r) => setTimeout(r, behaviour.everyMs));
          if (res.destroyed) return;
          res.write(chunk({ role: "assistant", content: text }));
        }
        res.write(chunk({}, "stop"));
        res.end("data: [DONE]\n\n");
      })();
      return;
    case "break":
      // Closing the connection inside the response leaves the chunked body unfinished.
      for (const text of behaviour.chunks) res.write(chunk({ role: "assistant", content: text }));
      res.socket?.end();
      return;
    case "garbage":
      res.write("data: {this is not json\n\n");
      res.write("data: \u0000\u0001 garbled bytes ]]\n\n");
      res.end("data: [DONE]\n\n");
      return;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (part: string) => {
      body += part;
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}
