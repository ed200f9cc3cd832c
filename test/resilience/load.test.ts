import { join } from "node:path";
import { afterAll, beforeAll, it } from "vitest";
import {
  CROWD_FROM_ONE_ADDRESS,
  type RunningServer,
  startNodeServer,
  tempDir,
} from "../helpers/servers";
import { expectSustainedLoadServed } from "./sustained-load";

/** Many learners at once against the real Node server (`npm start`'s), for a bounded time. */
const dir = tempDir("resilience-load-");
const databaseFile = join(dir.dir, "tutor.db");
let server: RunningServer;

beforeAll(async () => {
  server = await startNodeServer(databaseFile, CROWD_FROM_ONE_ADDRESS);
});
afterAll(async () => {
  await server?.stop();
  dir.remove();
});

it("answers every turn of 40 concurrent learners, without a 5xx, and stores each once", async () => {
  await expectSustainedLoadServed(server.url, databaseFile, 40, 2_000);
});
