import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { describeModel } from "../ai";
import { createApp } from "../app";
import { loadSettings, SettingsError } from "../config";
import { IMMUTABLE_ASSET_CACHE } from "../views/assets";
import { openNodeDatabase } from "./node-db";
import { tutorModels } from "./tutor-models";

/** Built browser assets; this module runs from src/server (tsx) or dist/server (the bundle). */
const PUBLIC = resolve(import.meta.dirname, "../../dist/public");

async function main() {
  const settings = loadSettings(process.env);
  const { db, close } = await openNodeDatabase(settings.databaseUrl);
  const app = createApp({
    db,
    settings,
    now: Date.now,
    ...tutorModels(settings),
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
  const server = serve(
    { fetch: root.fetch, port: settings.port, hostname: "127.0.0.1" },
    (info) => {
      console.log(
        `Scale Tutor is serving http://localhost:${info.port} (database ${settings.databaseUrl})`,
      );
      console.log(describeModel(settings.model));
    },
  );
  const shutdown = () => server.close(() => void close());
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error) => {
  console.error(error instanceof SettingsError ? error.message : error);
  process.exit(1);
});
