import type { Context } from "hono";
import type { Settings } from "./config";
import type { Db } from "./db/types";
import type { Log } from "./log";
import type { AnswerQuestion, ReadWithModel } from "./sessions/turn";
import type { ReplyVoice } from "./sessions/voice";

/** Everything the app needs from its runtime; the Node and Worker entries each build one. */
export type Deps = {
  db: Db;
  settings: Settings;
  /**
   * The caller's network address, for rate limits: the socket's peer on Node, Cloudflare's
   * `cf-connecting-ip` on Workers. Never a header a client can set.
   */
  clientAddress: (c: Context) => string;
  /** Milliseconds since the epoch; injected so tests control time. */
  now: () => number;
  /** Answers free-form questions with the configured model (the offline one by default). */
  answerQuestion: AnswerQuestion;
  /** Present when a provider is configured: the grading model's reading of every answer. */
  readWithModel?: ReadWithModel;
  /** Present when a provider voices replies (MODEL_VOICE, on by default with a provider). */
  voice?: ReplyVoice;
  /** Structured log lines (requests); absent in tests that do not read them. */
  log?: Log;
};

export type Principal = { kind: "teacher"; id: string } | { kind: "learner"; id: string };

export type AppEnv = {
  Variables: {
    deps: Deps;
    principal: Principal | null;
    authSessionId: string | null;
  };
};
