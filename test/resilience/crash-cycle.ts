import { expect } from "vitest";
import { driveLearners, fiveHundreds, type SimulatedLearner, sendTurn } from "../helpers/load";
import { killHard } from "../helpers/processes";
import { CROWD_FROM_ONE_ADDRESS, type RunningServer, startNodeServer } from "../helpers/servers";
import { integrityCheck, learnerMessagesPerSession } from "../helpers/sqlite-file";
import { expectAcknowledgedTurnsStored } from "./acknowledged-turns";

/** The server a test is talking to; a crash replaces it, and the test stops whichever is last. */
export type LiveServer = { current: RunningServer };

/**
 * One crash: the learners take turns until `turnsBeforeKill` are acknowledged, the server is
 * killed with SIGKILL in the middle of that load, and a new server starts on the same database
 * file. Then: the file passes SQLite's integrity check, every acknowledged turn is there, every
 * session resumes where its learner left it, and every learner can carry on.
 */
export async function crashAndRecover(
  live: LiveServer,
  databaseFile: string,
  learners: SimulatedLearner[],
  turnsBeforeKill: number,
) {
  const stored = await learnerMessagesPerSession(databaseFile);
  const before = learners.map((learner) => stored.get(learner.sessionId) ?? 0);
  let acknowledged = 0;
  let reached: () => void = () => {};
  const enoughLoad = new Promise<void>((resolve) => {
    reached = resolve;
  });
  let killed = false;
  const load = driveLearners(live.current.url, learners, {
    stop: () => killed,
    onTurn: (result) => {
      if (result.acknowledged && ++acknowledged >= turnsBeforeKill) reached();
    },
  });
  await enoughLoad;
  await killHard(live.current);
  killed = true;
  const run = await load;

  expect(fiveHundreds(run.statuses)).toBe(0);
  expect(run.turns).toBeGreaterThanOrEqual(turnsBeforeKill);
  expect(await integrityCheck(databaseFile)).toBe("ok");

  live.current = await startNodeServer(databaseFile, CROWD_FROM_ONE_ADDRESS);
  await expectAcknowledgedTurnsStored(live.current.url, learners, run.logs, before);
  for (const learner of learners) {
    const next = await sendTurn(live.current.url, learner, "Can I have a hint?", "json");
    expect(next).toMatchObject({ acknowledged: true, status: 200 });
  }
}
