import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_SECRET } from "../helpers/app";
import { TestClient } from "../helpers/client";
import { freePort, providerServerForFile, tempDir } from "../helpers/servers";
import { readUiStream } from "../helpers/ui-stream";

/** The Node server's stdout and stderr, as an operator reads them. */
const ROOT = resolve(import.meta.dirname, "../..");
const servers = providerServerForFile("tutor-logs-", {
  chunks: ["Scale ", "changes what models can do."],
  env: { MODEL_NAME: "local-log-model", MODEL_TIMEOUT_MS: "2000" },
});
const { script } = servers;
const dir = tempDir("tutor-logs-other-");
afterAll(() => dir.remove());

type LogLine = { event: string; [field: string]: unknown };

/** Every JSON line the server wrote since `from` characters of its output. */
const linesSince = (from: number): LogLine[] =>
  servers.server
    .output()
    .slice(from)
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);

async function say(learner: TestClient, sessionId: string, text: string) {
  const res = await learner.raw(`/api/sessions/${sessionId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
  });
  return readUiStream(res);
}

describe("logs", () => {
  it("say which provider and model serve, at start-up", () => {
    expect(servers.server.output()).toContain(
      "Model: openai-compatible local-log-model (MODEL_NAME), offline fallback",
    );
  });

  it("log requests and model calls as JSON lines without the learner's words or name", async () => {
    const from = servers.server.output().length;
    const learner = new TestClient((request) => fetch(request), servers.server.url);
    const name = "Zanzibar Quillfeather";
    await learner.post("/api/learners", { name });
    const opened = await learner.post("/api/sessions", {});
    const sessionId = opened.body.session.id as string;
    const question = "Why would my capybara Flumbert care how big a language model is?";
    const answer = "Flumbert thinks bigger models memorise more marmalade recipes";
    const asked = await say(learner, sessionId, question);
    expect(asked.text("answer")).toContain("Scale changes what models can do.");
    await say(learner, sessionId, answer);

    await expect
      .poll(() => linesSince(from).filter((l) => l.event === "model_call").length)
      .toBeGreaterThan(0);
    const lines = linesSince(from);
    const turns = lines.filter(
      (l) => l.event === "request" && l.route === "/api/sessions/:id/messages",
    );
    expect(turns).toHaveLength(2);
    for (const turn of turns) {
      expect(turn).toMatchObject({ method: "POST", status: 200 });
      expect(turn.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof turn.ms).toBe("number");
    }
    expect(lines).toContainEqual(
      expect.objectContaining({
        event: "model_call",
        provider: "openai-compatible.chat",
        model: "local-log-model",
        purpose: "answer",
        inputTokens: 1,
        outputTokens: 1,
      }),
    );
    // The grading model's reading failed (503): the offline reading stood in, and the log says so.
    expect(lines).toContainEqual(
      expect.objectContaining({
        event: "model_failure",
        purpose: "reading",
        kind: "status",
        status: 503,
        fallback: "offline reading",
      }),
    );
    const written = servers.server.output().slice(from);
    for (const word of ["Zanzibar", "Quillfeather", "capybara", "Flumbert", "marmalade"]) {
      expect(written).not.toContain(word);
    }
  });

  it("log every provider failure with its kind, latency and what stood in", async () => {
    const from = servers.server.output().length;
    const learner = new TestClient((request) => fetch(request), servers.server.url);
    await learner.post("/api/learners", { name: "Robin" });
    const opened = await learner.post("/api/sessions", {});
    script.push({ kind: "status", status: 500 });
    await say(learner, opened.body.session.id, "What is a scaling law?");
    await expect
      .poll(() => linesSince(from).filter((l) => l.event === "model_failure"))
      .toContainEqual(
        expect.objectContaining({
          provider: "openai-compatible.chat",
          model: "local-log-model",
          purpose: "answer",
          kind: "status",
          status: 500,
          fallback: "offline model",
          ms: expect.any(Number),
        }),
      );
  });
});

/** Runs the bundled server until it exits; its exit code and what it wrote to stderr. */
function startFailing(env: Record<string, string>) {
  const run = spawnSync(process.execPath, [join(ROOT, "dist/server/node.mjs")], {
    cwd: ROOT,
    env: { ...process.env, APP_ENV: "test", SESSION_SECRET: TEST_SECRET, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: run.status, stderr: run.stderr.trim() };
}

describe("start-up errors", () => {
  const expectOneLine = (stderr: string, ...mentions: string[]) => {
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
    for (const mention of mentions) expect(stderr).toContain(mention);
  };

  it("name a database URL the server cannot use", () => {
    const run = startFailing({
      DATABASE_URL: "postgres://db.example/tutor",
      PORT: String(freePort()),
    });
    expect(run.status).toBe(1);
    expectOneLine(run.stderr, "DATABASE_URL=postgres://db.example/tutor", "file:");
  });

  it("name a database file that cannot be written", () => {
    // A file stands where the database's folder would be made: no user, root included, can write it.
    const blocked = `file:${join(ROOT, "package.json")}/tutor.db`;
    const run = startFailing({ DATABASE_URL: blocked, PORT: String(freePort()) });
    expect(run.status).toBe(1);
    expectOneLine(run.stderr, `DATABASE_URL=${blocked}`, "cannot be created or written");
  });

  it("name a port in use", async () => {
    const port = freePort();
    const holder = createServer();
    await new Promise<void>((done) => holder.listen(port, "127.0.0.1", done));
    try {
      const run = startFailing({ DATABASE_URL: `file:${dir.dir}/port.db`, PORT: String(port) });
      expect(run.status).toBe(1);
      expectOneLine(run.stderr, `port ${port}`, "PORT");
    } finally {
      holder.close();
    }
  });

  it("name a model URL without http(s)", () => {
    const run = startFailing({
      DATABASE_URL: `file:${dir.dir}/model.db`,
      MODEL_PROVIDER: "openai-compatible",
      MODEL_BASE_URL: "localhost:9350",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("MODEL_BASE_URL: must be an http(s) URL");
  });
});
