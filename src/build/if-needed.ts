/**
 * `npm start`'s first step: runs `npm run build` unless every build output is newer than every
 * file it is built from, so a second start is instant and an edited lesson is never served stale.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const SOURCES = ["src", "curriculum", "prompts", "migrations", "package-lock.json"];
const OUTPUTS = [
  "dist/curriculum.json",
  "dist/prompts.json",
  "dist/assets.json",
  "dist/server/node.mjs",
];

function newestIn(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}

const outputs = OUTPUTS.map((p) => join(root, p));
const built =
  outputs.every((p) => existsSync(p)) &&
  Math.min(...outputs.map((p) => statSync(p).mtimeMs)) >
    Math.max(
      ...SOURCES.map((p) => join(root, p))
        .filter(existsSync)
        .map(newestIn),
    );

if (!built) {
  const run = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  process.exitCode = run.status ?? 1;
}
