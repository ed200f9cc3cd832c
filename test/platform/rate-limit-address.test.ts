import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../helpers/client";
import { type RunningServer, startNodeServer, tempDir } from "../helpers/servers";

describe("rate limits on the Node server", () => {
  const dir = tempDir("tutor-limits-");
  let server: RunningServer;
  beforeAll(async () => {
    server = await startNodeServer(`${dir.dir}/tutor.db`);
  });
  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });

  it("count guesses by the caller's address, which a forwarded-for header cannot change", async () => {
    const guesser = new TestClient((request) => fetch(request), server.url);
    const guess = (i: number) =>
      guesser.raw("/api/learners/resume", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i}` },
        body: JSON.stringify({ resumeCode: "AAAA-BBBB-CCCC" }),
      });
    for (let i = 0; i < 60; i++) expect((await guess(i)).status).toBe(404);
    expect((await guess(99)).status).toBe(429);
  });
});
