/**
 * Resident memory of the Node server, idle and then with many active sessions (each learner has
 * joined, opened a session and taken a turn over HTTP). Read from /proc/<pid>/status.
 */
import { join } from "node:path";
import { inBatches, joinLearners, sendTurn, sleep, turnText } from "../helpers/load";
import { residentKiB, servingPid } from "../helpers/processes";
import { CROWD_FROM_ONE_ADDRESS, startNodeServer, tempDir } from "../helpers/servers";
import { round } from "./stats";

const mib = (kib: number) => round(kib / 1024);

export async function benchMemory(sessions: number) {
  const dir = tempDir("bench-memory-");
  const server = await startNodeServer(join(dir.dir, "tutor.db"), CROWD_FROM_ONE_ADDRESS);
  try {
    const pid = servingPid(server);
    await inBatches(20, 4, () => fetch(`${server.url}/healthz`).then((r) => r.arrayBuffer()));
    await sleep(500);
    const idleKiB = residentKiB(pid);
    const learners = await joinLearners(server.url, sessions);
    const everyoneTakesATurn = (turn: number) =>
      inBatches(sessions, 16, (i) =>
        sendTurn(server.url, learners[i] as (typeof learners)[number], turnText(i, turn), "json"),
      );
    await everyoneTakesATurn(0);
    await sleep(500);
    const activeKiB = residentKiB(pid);
    // A second round on the same sessions: memory that keeps growing would be held per turn.
    await everyoneTakesATurn(1);
    await sleep(500);
    const secondRoundKiB = residentKiB(pid);
    return {
      sessions,
      idleMiB: mib(idleKiB),
      activeMiB: mib(activeKiB),
      afterSecondRoundMiB: mib(secondRoundKiB),
    };
  } finally {
    await server.stop();
    dir.remove();
  }
}
