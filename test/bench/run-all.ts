/**
 * `npm run bench`: every benchmark, one after the other (they share two cores, so never at once).
 * Prints a table, writes test/bench/results/*.json and the table into README.md between the
 * bench markers. `npm run bench -- turns sizes` runs only the parts named (README untouched).
 * BENCH_SECONDS sets the length of each closed-loop load run (default 8).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { benchFirstToken } from "./first-token";
import { benchMemory } from "./memory";
import { benchReading } from "./reading";
import { type BenchResults, summaryRows, writeReadmeTable } from "./report";
import { benchSizes } from "./sizes";
import { benchTurns } from "./turns";

const ROOT = resolve(import.meta.dirname, "../..");
const RESULTS = join(import.meta.dirname, "results");
const seconds = Number(process.env.BENCH_SECONDS ?? 8);

/** The other teams' benches: run as they are, read from the JSON they write. */
function otherBench(name: "calculator" | "dashboard"): unknown {
  const script = join(import.meta.dirname, `${name}.bench.ts`);
  if (!existsSync(script)) return undefined;
  const run = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [script], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (run.status !== 0) throw new Error(`${name}.bench.ts exited with ${run.status}`);
  return JSON.parse(readFileSync(join(RESULTS, `${name}.json`), "utf8"));
}

const parts = {
  turns: () =>
    benchTurns({
      learnerCounts: [50, 200],
      seconds,
      paced: { learners: 400, meanPauseMs: 2_000, seconds: 2 * seconds },
      byKind: { learners: 50, seconds: Math.max(2, seconds / 2) },
    }),
  reading: async () => benchReading(),
  firstToken: () => benchFirstToken(30, 100),
  memory: () => benchMemory(1_000),
  sizes: async () => benchSizes(),
  calculator: async () => otherBench("calculator"),
  dashboard: async () => otherBench("dashboard"),
} satisfies Record<keyof BenchResults, () => Promise<unknown>>;

type Part = keyof typeof parts;
const WRITES_ITS_OWN = new Set<Part>(["calculator", "dashboard"]);
const named = process.argv.slice(2);
const unknown = named.filter((n) => !(n in parts));
if (unknown.length > 0) throw new Error(`unknown parts: ${unknown.join(", ")}`);
const chosen = (named.length > 0 ? named : Object.keys(parts)) as Part[];

/** Other work on the machine when the run began (the figures are only as quiet as it was). */
const loadAtStart = loadavg()[0]?.toFixed(1);
mkdirSync(RESULTS, { recursive: true });
const results: Partial<BenchResults> = {};
for (const part of chosen) {
  console.log(`\n== ${part}`);
  const result = await parts[part]();
  Object.assign(results, { [part]: result });
  if (!WRITES_ITS_OWN.has(part)) {
    writeFileSync(join(RESULTS, `${part}.json`), `${JSON.stringify(result, null, 2)}\n`);
  }
}

const machine = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, load average ${loadAtStart} at the start`;
if (results.turns && results.turns.stored < results.turns.answered) {
  console.error(
    `Only ${results.turns.stored} of ${results.turns.answered} answered turns are in the database.`,
  );
  process.exitCode = 1;
}
const rows = summaryRows(results);
console.log(`\n${machine}\n`);
console.table(rows.map(({ measure, result, aim }) => ({ measure, result, aim })));
writeFileSync(
  join(RESULTS, "summary.json"),
  `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`,
);
if (named.length === 0) {
  writeReadmeTable(join(ROOT, "README.md"), rows, machine);
  console.log("README.md updated between the bench markers.");
}
