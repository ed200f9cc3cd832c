import type { Ai, D1Database, ExecutionContext } from "@cloudflare/workers-types";
import { drizzle } from "drizzle-orm/d1";
import { describeModel } from "../ai";
import { type App, createApp } from "../app";
import { loadSettings } from "../config";
import * as schema from "../db/schema";
import { jsonLog } from "../log";
import { tutorModels } from "./tutor-models";

export type WorkerEnv = { DB: D1Database; AI?: Ai } & Record<string, unknown>;

function stringVars(env: WorkerEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/** Built once per isolate: bindings and settings do not change while it lives. */
let app: App | undefined;

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext) {
    if (!app) {
      const settings = loadSettings(stringVars(env));
      console.log(describeModel(settings.model));
      const log = jsonLog();
      app = createApp({
        db: drizzle(env.DB, { schema }),
        settings,
        now: Date.now,
        log,
        clientAddress: (c) => c.req.header("cf-connecting-ip") ?? "unknown",
        ...tutorModels(settings, { log, ...(env.AI && { ai: env.AI }) }),
      });
    }
    return app.fetch(request, env, ctx);
  },
};
