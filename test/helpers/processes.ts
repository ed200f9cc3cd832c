import { readFileSync } from "node:fs";
import type { RunningServer } from "./servers";

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** The process that serves: the launched process itself, or its deepest child when a wrapper
 * (npx, tsx, wrangler) runs the server in a child process of its own. */
export function servingPid(server: RunningServer): number {
  let pid = server.process.pid as number;
  for (let children = childrenOf(pid); children.length > 0; children = childrenOf(pid)) {
    pid = children[0] as number;
  }
  return pid;
}

/** Resident set size in KiB (`VmRSS` in /proc/<pid>/status). */
export function residentKiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line.replace(/\D+/g, ""));
}

/** SIGKILL to the server's whole process group, as a power cut or the OOM killer would. */
export function killHard(server: RunningServer): Promise<void> {
  return new Promise((done) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return done();
    server.process.once("exit", () => done());
    process.kill(-(server.process.pid as number), "SIGKILL");
  });
}
