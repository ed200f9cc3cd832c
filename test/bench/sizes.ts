/**
 * What a deployment ships: the Worker bundle as `wrangler deploy --dry-run` builds it (offline),
 * and the learner page's JavaScript and CSS, each raw and gzipped.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { assetUrl } from "../../src/views/assets";
import { tempDir } from "../helpers/servers";
import { round } from "./stats";

const ROOT = resolve(import.meta.dirname, "../..");
/** What the learner page loads, by source name (built under content-hashed names). */
export const LEARNER_PAGE_ASSETS = ["learn.js", "learn.css", "app.css"] as const;

export type FileSize =
  | { file: string; kib: number; gzipKiB: number }
  | { file: string; missing: true };

function sizeOf(path: string, file: string): FileSize {
  if (!existsSync(path)) return { file, missing: true };
  const bytes = readFileSync(path);
  return { file, kib: round(bytes.length / 1024), gzipKiB: round(gzipSync(bytes).length / 1024) };
}

/** Builds the Worker as a deployment would (its build command builds what is out of date first). */
function workerBundle(): FileSize {
  const out = tempDir("bench-worker-");
  try {
    const built = spawnSync(
      join(ROOT, "node_modules/.bin/wrangler"),
      ["deploy", "--dry-run", "--outdir", out.dir],
      {
        cwd: ROOT,
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
        encoding: "utf8",
      },
    );
    if (built.status !== 0) throw new Error(`wrangler dry run failed:\n${built.stderr}`);
    return sizeOf(join(out.dir, "worker.js"), "worker.js");
  } finally {
    out.remove();
  }
}

export function benchSizes() {
  const worker = workerBundle();
  return {
    worker,
    learnerPage: LEARNER_PAGE_ASSETS.map((file) =>
      sizeOf(join(ROOT, "dist/public", assetUrl(file)), file),
    ),
  };
}
