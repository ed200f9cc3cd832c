/**
 * Tutor turns over HTTP with the offline model: closed-loop throughput and latency at several
 * numbers of concurrent learners, set against a bare insert route on the same database settings
 * measured in the same run; the same by kind of turn; and latency when learners pause between
 * turns as people do.
 */
import { join, resolve } from "node:path";
import {
  driveLearners,
  fiveHundreds,
  joinLearners,
  type SimulatedLearner,
  TURN_MIX,
  turnText,
} from "../helpers/load";
import {
  CROWD_FROM_ONE_ADDRESS,
  freePort,
  launch,
  startNodeServer,
  tempDir,
} from "../helpers/servers";
import { learnerMessagesPerSession } from "../helpers/sqlite-file";
import { hammer, type Target } from "./load-generator";
import { percentile, round } from "./stats";

const ROOT = resolve(import.meta.dirname, "../..");
const WARM_UP_SECONDS = 2;

export type TurnOptions = {
  /** Concurrent learners for the closed-loop runs. */
  learnerCounts: number[];
  seconds: number;
  /** Learners in the run with pauses, and their mean pause between turns. */
  paced: { learners: number; meanPauseMs: number; seconds: number };
  /** Learners and seconds for each kind of turn on its own. */
  byKind: { learners: number; seconds: number };
};

async function withBaselineServer<T>(databaseFile: string, use: (url: string) => Promise<T>) {
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await launch(
    join(ROOT, "node_modules/.bin/tsx"),
    ["test/bench/baseline-server.ts"],
    { PORT: String(port), DATABASE_URL: `file:${databaseFile}` },
    url,
    30_000,
  );
  try {
    return await use(url);
  } finally {
    await server.stop();
  }
}

/** One connection per learner on a baseline route: `/rows` (one insert) or `/floor` (a turn's
 * minimum: read a session row, write three rows in one batch). */
const baselineTargets = (route: "rows" | "floor", count: number): Target[] =>
  Array.from({ length: count }, (_, i) => ({
    path: `/${route}?connection=${i}`,
    body: () => JSON.stringify({ text: turnText(i, 0) }),
  }));

/** One connection per learner; `say(i)` is what learner i sends next. */
const turnTargets = (learners: SimulatedLearner[], say: (i: number) => string): Target[] =>
  learners.map((learner, i) => ({
    path: `/api/sessions/${learner.sessionId}/messages`,
    headers: { cookie: learner.cookie },
    body: () => JSON.stringify({ text: say(i) }),
  }));

/** One load level: the bare insert, the turn's floor, then the tutor right after them, so all
 * three see the same machine. */
async function level(baselineUrl: string, tutorUrl: string, targets: Target[], seconds: number) {
  const baseline = await hammer(baselineUrl, baselineTargets("rows", targets.length), seconds);
  const floor = await hammer(baselineUrl, baselineTargets("floor", targets.length), seconds);
  const tutor = await hammer(tutorUrl, targets, seconds);
  return {
    learners: targets.length,
    baseline,
    floor,
    tutor,
    ratio: round(tutor.requestsPerSecond / baseline.requestsPerSecond, 3),
    floorRatio: round(tutor.requestsPerSecond / floor.requestsPerSecond, 3),
  };
}

async function measure(baselineUrl: string, databaseFile: string, options: TurnOptions) {
  const server = await startNodeServer(databaseFile, CROWD_FROM_ONE_ADDRESS);
  try {
    const most = Math.max(...options.learnerCounts, options.paced.learners);
    const learners = await joinLearners(server.url, most);
    const turnsSent = learners.map(() => 0);
    const mixed = turnTargets(learners, (i) => {
      const turn = turnsSent[i] ?? 0;
      turnsSent[i] = turn + 1;
      return turnText(i, turn);
    });
    await level(baselineUrl, server.url, mixed.slice(0, options.byKind.learners), WARM_UP_SECONDS);

    const levels = [];
    for (const count of options.learnerCounts) {
      levels.push(await level(baselineUrl, server.url, mixed.slice(0, count), options.seconds));
    }

    const kinds = [...new Map(TURN_MIX.map((turn) => [turn.kind, turn.text]))];
    const byKind = [];
    for (const [kind, text] of kinds) {
      const only = turnTargets(learners.slice(0, options.byKind.learners), () => text);
      byKind.push({ kind, ...(await hammer(server.url, only, options.byKind.seconds)) });
    }

    const { paced } = options;
    const deadline = performance.now() + paced.seconds * 1000;
    const run = await driveLearners(server.url, learners.slice(0, paced.learners), {
      stop: () => performance.now() > deadline,
      pauseMs: () => Math.random() * 2 * paced.meanPauseMs,
    });

    const answered =
      levels.reduce((sum, { tutor }) => sum + tutor.ok, 0) +
      byKind.reduce((sum, kind) => sum + kind.ok, 0) +
      run.turns;
    const stored = [...(await learnerMessagesPerSession(databaseFile)).values()].reduce(
      (a, b) => a + b,
      0,
    );
    return {
      levels,
      byKind,
      paced: {
        ...paced,
        turnsPerSecond: round(run.turns / (run.elapsedMs / 1000)),
        p50Ms: round(percentile(run.latenciesMs, 50)),
        p99Ms: round(percentile(run.latenciesMs, 99)),
        fiveHundreds: fiveHundreds(run.statuses),
      },
      /** Turns answered while measuring, against learner messages in the database (which also
       * holds the warm-up's turns and those cut off when a run ended). */
      answered,
      stored,
    };
  } finally {
    await server.stop();
  }
}

export async function benchTurns(options: TurnOptions) {
  const dir = tempDir("bench-turns-");
  try {
    return await withBaselineServer(join(dir.dir, "baseline.db"), (baselineUrl) =>
      measure(baselineUrl, join(dir.dir, "tutor.db"), options),
    );
  } finally {
    dir.remove();
  }
}
