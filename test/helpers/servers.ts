import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";
import {
  type Behaviour,
  type LocalOpenAIServer,
  startLocalOpenAIServer,
} from "../ai/local-openai-server";
import { TEST_SECRET } from "./app";

const ROOT = resolve(import.meta.dirname, "../..");

export type RunningServer = {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
};

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output()}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Server did not become healthy in ${timeoutMs} ms:\n${output()}`);
}

/** Spawns `command` in a process group of its own and waits until `url`/healthz answers. */
export function launch(
  command: string,
  args: string[],
  env: Record<string, string>,
  url: string,
  timeoutMs: number,
) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  const output = () => log;
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", () => done());
      // The whole process group: npx and wrangler start children of their own.
      process.kill(-(child.pid as number), "SIGTERM");
    });
  return waitForHealth(url, child, output, timeoutMs).then(
    () => ({ url, process: child, output, stop }),
    async (error) => {
      await stop();
      throw error;
    },
  );
}

let nextPort = 18_000 + Math.floor(Math.random() * 2_000);
export const freePort = () => nextPort++;

export function tempDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Settings for load runs: they simulate a crowd of learners who in real use come from many
 * addresses, yet here all come from 127.0.0.1, past the per-address guest sign-up limit.
 */
export const CROWD_FROM_ONE_ADDRESS = { GUEST_SIGNUPS_PER_MINUTE: "1000000" };

/** The bundled server under plain `node`, as `npm start` runs it (after `npm run build`), on a
 * database file of the test's own. */
export function startNodeServer(databaseFile: string, env: Record<string, string> = {}) {
  const port = freePort();
  return launch(
    process.execPath,
    ["dist/server/node.mjs"],
    {
      PORT: String(port),
      DATABASE_URL: `file:${databaseFile}`,
      APP_ENV: "test",
      SESSION_SECRET: TEST_SECRET,
      ...env,
    },
    `http://127.0.0.1:${port}`,
    30_000,
  );
}

/** The Worker build under `wrangler dev` with a local D1 that has the migrations applied. */
export async function startWorkerServer(persistDir: string) {
  const wrangler = join(ROOT, "node_modules/.bin/wrangler");
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" } as Record<
    string,
    string
  >;
  await new Promise<void>((done, fail) => {
    const apply = spawn(
      wrangler,
      ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir],
      {
        cwd: ROOT,
        env,
        stdio: "ignore",
      },
    );
    apply.once("exit", (code) =>
      code === 0 ? done() : fail(new Error(`migrations apply exited ${code}`)),
    );
  });
  const port = freePort();
  return launch(
    wrangler,
    [
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      persistDir,
      "--var",
      `SESSION_SECRET:${TEST_SECRET}`,
      "--var",
      "APP_ENV:test",
    ],
    env,
    `http://127.0.0.1:${port}`,
    90_000,
  );
}

/**
 * A Node server on a fresh database for one test file: started before its tests, stopped (and its
 * files removed) after them. Read `url` inside the tests, once the server is up.
 */
export function serverForFile(prefix: string): { readonly url: string } {
  const dir = tempDir(prefix);
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startNodeServer(`${dir.dir}/tutor.db`);
  });
  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });
  return {
    get url() {
      if (!server) throw new Error("the server is not up yet");
      return server.url;
    },
  };
}

/**
 * A Node server configured with a local OpenAI-compatible provider, for one test file. The
 * provider follows `script` first (a behaviour per request); then it streams `chunks` as an answer
 * and fails a reading request (not streamed) with 503, so the offline reading stands.
 */
export function providerServerForFile(
  prefix: string,
  options: { chunks: string[]; env: Record<string, string> },
) {
  const dir = tempDir(prefix);
  const script: Behaviour[] = [];
  let provider: LocalOpenAIServer | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    provider = await startLocalOpenAIServer(
      (request) =>
        script.shift() ??
        (request.stream
          ? { kind: "text", chunks: options.chunks }
          : { kind: "status", status: 503 }),
    );
    server = await startNodeServer(`${dir.dir}/tutor.db`, {
      MODEL_PROVIDER: "openai-compatible",
      MODEL_BASE_URL: provider.baseURL,
      ...options.env,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.close();
    dir.remove();
  });
  const up = <T>(value: T | undefined): T => {
    if (!value) throw new Error("the servers are not up yet");
    return value;
  };
  return {
    script,
    get server() {
      return up(server);
    },
    get provider() {
      return up(provider);
    },
  };
}
