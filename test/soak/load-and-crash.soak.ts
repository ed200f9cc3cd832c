import { join } from "node:path";
import { afterEach, inject, it } from "vitest";
import { joinLearners } from "../helpers/load";
import { CROWD_FROM_ONE_ADDRESS, startNodeServer, tempDir } from "../helpers/servers";
import { crashAndRecover, type LiveServer } from "../resilience/crash-cycle";
import { expectSustainedLoadServed } from "../resilience/sustained-load";

/**
 * The resilience suite's load and crash runs at a larger scale and for longer: half of
 * SOAK_SECONDS of sustained load by 200 learners, half of repeated SIGKILLs under load.
 */
const SOAK_MS = inject("soakMs");
let live: LiveServer | undefined;
let dir: ReturnType<typeof tempDir> | undefined;

afterEach(async () => {
  await live?.current.stop();
  live = undefined;
  dir?.remove();
});

function databaseFile(name: string) {
  dir = tempDir(`soak-${name}-`);
  return join(dir.dir, "tutor.db");
}

it("serves 200 learners for a long run without a 5xx and stores every turn once", async () => {
  const file = databaseFile("load");
  live = { current: await startNodeServer(file, CROWD_FROM_ONE_ADDRESS) };
  await expectSustainedLoadServed(live.current.url, file, 200, SOAK_MS / 2);
});

it("survives SIGKILL after SIGKILL under load, losing no acknowledged turn", async () => {
  const file = databaseFile("crash");
  const server = { current: await startNodeServer(file, CROWD_FROM_ONE_ADDRESS) };
  live = server;
  const learners = await joinLearners(server.current.url, 100);
  const deadline = Date.now() + SOAK_MS / 2;
  do {
    const turnsBeforeKill = 50 + Math.floor(Math.random() * 250);
    await crashAndRecover(server, file, learners, turnsBeforeKill);
  } while (Date.now() < deadline);
});
