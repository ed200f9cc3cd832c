import { resolve } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { describeModel } from "../ai";
import { createApp } from "../app";
import { loadSettings, SettingsError } from "../config";
import { jsonLog } from "../log";
import { IMMUTABLE_ASSET_CACHE } from "../views/assets";
import { openNodeDatabase } from "./node-db";
import { databaseStartupError, listenStartupError, StartupError } from "./startup-errors";
import { tutorModels } from "./tutor-models";

/** Built browser assets; this module runs from src/server (tsx) or dist/server (the bundle). */
const PUBLIC = resolve(import.meta.dirname, "../../dist/public");

async function openDatabase(url: string) {
  try {
    return await openNodeDatabase(url);
  } catch (error) {
    throw databaseStartupError(url, error);
  }
}

/** Serves `fetch` on the port, resolving once it listens (a port in use rejects). */
function listen(fetch: Hono["fetch"], port: number) {
  return new Promise<ServerType>((resolve, reject) => {
    const server = serve({ fetch, port, hostname: "127.0.0.1" }, () => resolve(server));
    server.once("error", (error) => reject(listenStartupError(port, error)));
  });
}

async function main() {
  const settings = loadSettings(process.env);
  const { db, close } = await openDatabase(settings.databaseUrl);
  const log = jsonLog();
  const app = createApp({
    db,
    settings,
    now: Date.now,
    log,
    ...tutorModels(settings, { log }),
    clientAddress: (c) => getConnInfo(c).remote.address ?? "unknown",
  });
  const root = new Hono()
    // Workers compress at Cloudflare's edge; on Node the server does (never event streams).
    .use(compress())
    .use(
      "/assets/*",
      serveStatic({
        root: PUBLIC,
        precompressed: true,
        onFound: (_path, c) => c.header("Cache-Control", IMMUTABLE_ASSET_CACHE),
      }),
    )
    .route("/", app);
  const server = await listen(root.fetch, settings.port).catch(async (error) => {
    await close();
    throw error;
  });
  console.log(
    `Scale Tutor is serving http://localhost:${settings.port} (database ${settings.databaseUrl})`,
  );
  console.log(describeModel(settings.model));
  const shutdown = () => server.close(() => void close());
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error) => {
  const known = error instanceof SettingsError || error instanceof StartupError;
  console.error(known ? error.message : error);
  process.exit(1);
});
