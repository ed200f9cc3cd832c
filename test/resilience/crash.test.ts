import { join } from "node:path";
import { afterAll, it } from "vitest";
import { joinLearners } from "../helpers/load";
import { CROWD_FROM_ONE_ADDRESS, startNodeServer, tempDir } from "../helpers/servers";
import { crashAndRecover, type LiveServer } from "./crash-cycle";

/** The Node server killed with SIGKILL under load, then restarted on the same database. */
const dir = tempDir("resilience-crash-");
let live: LiveServer | undefined;

afterAll(async () => {
  await live?.current.stop();
  dir.remove();
});

it("keeps every acknowledged turn and resumes every session after a SIGKILL mid-load", async () => {
  const databaseFile = join(dir.dir, "tutor.db");
  live = { current: await startNodeServer(databaseFile, CROWD_FROM_ONE_ADDRESS) };
  const learners = await joinLearners(live.current.url, 30);
  await crashAndRecover(live, databaseFile, learners, 60);
});
