import { readFileSync, writeFileSync } from "node:fs";
import type { benchFirstToken } from "./first-token";
import type { benchMemory } from "./memory";
import { type benchReading, READING_AIM_MS } from "./reading";
import type { benchSizes, FileSize } from "./sizes";
import type { benchTurns } from "./turns";

export type BenchResults = {
  turns: Awaited<ReturnType<typeof benchTurns>>;
  reading: ReturnType<typeof benchReading>;
  firstToken: Awaited<ReturnType<typeof benchFirstToken>>;
  memory: Awaited<ReturnType<typeof benchMemory>>;
  sizes: ReturnType<typeof benchSizes>;
  /** The JSON the calculator and dashboard benches write (their own format). */
  calculator: unknown;
  dashboard: unknown;
};

export type Row = { measure: string; result: string; aim: string; met?: boolean };

/** The aims of the operations issue: a turn against the bare insert and against its floor. */
const TURN_RATIO_AIM = 0.25;
const FLOOR_RATIO_AIM = 0.5;
const P99_AIM_MS = 50;
const FIRST_TOKEN_AIM_MS = 5;

const number = (value: number) => Math.round(value).toLocaleString("en-US");

const gzipOf = (size: FileSize) =>
  "missing" in size ? `${size.file} missing` : `${size.file} ${size.gzipKiB} KiB`;

type OtherRow = { name: string; [figure: string]: unknown };

/** A row of another bench's `results`, by a word in its name, else its first non-baseline row. */
function pick(results: unknown, word: string): OtherRow | undefined {
  const rows = (results as { results?: OtherRow[] } | undefined)?.results ?? [];
  const measured = rows.filter((row) => !row.name.startsWith("baseline"));
  return measured.find((row) => row.name.includes(word)) ?? measured[0];
}

function turnRows(turns: BenchResults["turns"]): Row[] {
  const rows: Row[] = turns.levels.map(
    ({ learners, baseline, floor, tutor, ratio, floorRatio }) => ({
      measure: `Tutor turns, ${learners} learners back to back`,
      result: `${number(tutor.requestsPerSecond)} turns/s: ${floorRatio}× the floor (read a session, write 3 rows: ${number(floor.requestsPerSecond)}/s), ${ratio}× a bare insert (${number(baseline.requestsPerSecond)}/s); p50 ${tutor.p50Ms} ms, p99 ${tutor.p99Ms} ms`,
      aim: `≥ ${FLOOR_RATIO_AIM}× the floor, ≥ ${TURN_RATIO_AIM}× the insert`,
      met: floorRatio >= FLOOR_RATIO_AIM && ratio >= TURN_RATIO_AIM,
    }),
  );
  const { paced } = turns;
  rows.push(
    {
      measure: `${paced.learners} learners, a turn every ${paced.meanPauseMs / 1000} s each on average`,
      result: `${paced.turnsPerSecond} turns/s; p50 ${paced.p50Ms} ms, p99 ${paced.p99Ms} ms`,
      aim: `p99 < ${P99_AIM_MS} ms`,
      met: paced.p99Ms < P99_AIM_MS,
    },
    {
      measure: `Turns/s by kind, ${turns.byKind[0]?.connections ?? 0} learners`,
      result: turns.byKind
        .map((kind) => `${kind.kind} ${number(kind.requestsPerSecond)}`)
        .join(", "),
      aim: "",
    },
  );
  return rows;
}

export function summaryRows(results: Partial<BenchResults>): Row[] {
  const rows: Row[] = [];
  if (results.turns) rows.push(...turnRows(results.turns));
  const { reading, firstToken, memory, sizes } = results;
  if (reading) {
    rows.push({
      measure: `Reader plus engine, one step per answer (${number(reading.answers)} blind-written answers)`,
      result: `mean ${reading.readerMeanMs} ms, p99 ${reading.readerP99Ms} ms; ${reading.ratio}× the phrase-only grader it replaced (${reading.phraseGraderMeanMs} ms)`,
      aim: `< ${READING_AIM_MS} ms per turn`,
      met: reading.readerP99Ms < READING_AIM_MS,
    });
  }
  if (firstToken) {
    rows.push({
      measure: `First streamed token, provider answering after ${firstToken.providerDelayMs} ms`,
      result: `+${firstToken.addedMedianMs} ms added by the server (median of ${firstToken.runs})`,
      aim: `< ${FIRST_TOKEN_AIM_MS} ms`,
      met: firstToken.addedMedianMs < FIRST_TOKEN_AIM_MS,
    });
  }
  if (memory) {
    rows.push({
      measure: `Resident memory, idle → ${number(memory.sessions)} active sessions`,
      result: `${memory.idleMiB} MiB → ${memory.activeMiB} MiB (${memory.afterSecondRoundMiB} MiB after a second turn each)`,
      aim: "",
    });
  }
  if (sizes) {
    rows.push(
      { measure: "Worker bundle (gzip)", result: gzipOf(sizes.worker), aim: "" },
      {
        measure: "Learner page assets (gzip)",
        result: sizes.learnerPage.map(gzipOf).join(", "),
        aim: "",
      },
    );
  }
  const calculator = pick(results.calculator, "runCalculation");
  if (calculator) {
    rows.push({
      measure: `Calculator: ${calculator.name}`,
      result: `${number(Number(calculator.callsPerSecond))} calls/s`,
      aim: "",
    });
  }
  const dashboard = pick(results.dashboard, "progress");
  if (dashboard) {
    rows.push({
      measure: `Dashboard, class of 200: ${dashboard.name}`,
      result: `median ${dashboard.medianMs} ms, p95 ${dashboard.p95Ms} ms`,
      aim: "",
    });
  }
  return rows;
}

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/** Replaces what lies between the bench markers with the table and how it was made. */
export function writeReadmeTable(readmePath: string, rows: Row[], machine: string) {
  const readme = readFileSync(readmePath, "utf8");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error("README.md has no bench markers");
  const cell = (text: string) => text.replaceAll("|", "\\|");
  const table = [
    "| Measure | Result | Aim |",
    "| --- | --- | --- |",
    ...rows.map(({ measure, result, aim, met }) => {
      const verdict = met === undefined ? aim : `${aim} (${met ? "met" : "missed"})`;
      return `| ${cell(measure)} | ${cell(result)} | ${cell(verdict)} |`;
    }),
  ].join("\n");
  const section = [
    START,
    `Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}. The load`,
    "generator runs on the same machine, over loopback; details in `test/bench/results/*.json`.",
    "",
    table,
    END,
  ].join("\n");
  writeFileSync(readmePath, readme.slice(0, start) + section + readme.slice(end + END.length));
}
