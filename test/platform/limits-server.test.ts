import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusTally, TestClient } from "../helpers/client";
import { signUpTeacher } from "../helpers/seed-class";
import { type RunningServer, startNodeServer, tempDir } from "../helpers/servers";
import { readDatabaseFile } from "../helpers/sqlite-file";

describe("rate limits on the Node server", () => {
  const dir = tempDir("tutor-limits-");
  const databaseFile = `${dir.dir}/tutor.db`;
  let server: RunningServer;
  beforeAll(async () => {
    server = await startNodeServer(databaseFile);
  });
  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });

  const browser = () => new TestClient((request) => fetch(request), server.url);
  const storedRows = (sql: string) => readDatabaseFile(databaseFile, (query) => query(sql));

  it("count guesses by the caller's address, which a forwarded-for header cannot change", async () => {
    const guesser = browser();
    const guess = (i: number) =>
      guesser.raw("/api/learners/resume", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i}` },
        body: JSON.stringify({ resumeCode: "AAAA-BBBB-CCCC" }),
      });
    for (let i = 0; i < 60; i++) expect((await guess(i)).status).toBe(404);
    expect((await guess(99)).status).toBe(429);
  });

  it("checks 5 of 150 concurrent password guesses, and the owner's browser still gets in", async () => {
    const owner = (await signUpTeacher(browser(), "owner@school.example")).client;
    const guesses = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        browser().post("/api/auth/login", {
          email: "owner@school.example",
          password: `concurrent guess ${i}`,
        }),
      ),
    );
    expect(statusTally(guesses)).toEqual({ 401: 5, 429: 145 });
    const [counter] = await storedRows(
      "select count from rate_limits where key like 'login:account-address:owner@%'",
    );
    expect(Number(counter?.count)).toBe(5);
    const back = await owner.post("/api/auth/login", {
      email: "owner@school.example",
      password: "a long passphrase",
    });
    expect(back.status).toBe(200);
  });

  it("creates 30 of 150 concurrent guest accounts from one address", async () => {
    const signUps = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        browser().post("/api/learners", { name: `Guest ${i}` }),
      ),
    );
    expect(statusTally(signUps)).toEqual({ 201: 30, 429: 120 });
    const [row] = await storedRows("select count(*) as n from learners");
    expect(Number(row?.n)).toBe(30);
  });
});
