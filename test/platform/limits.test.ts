import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { learners } from "../../src/db/schema";
import { makeTestApp } from "../helpers/app";
import { statusTally, TestClient } from "../helpers/client";
import { signUpTeacher } from "../helpers/seed-class";

/**
 * The limits as callers meet them, with the caller's address under the test's control (the
 * real entries take it from the socket or Cloudflare, never from a header a client can set).
 */
let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeEach(async () => {
  t = await makeTestApp({ clientAddress: (c) => c.req.header("x-test-address") ?? "192.0.2.1" });
});
afterEach(() => t.close());

const MINUTE = 60_000;
const OWNER = "owner@school.example";
const PASSPHRASE = "a long passphrase";

/** A browser with no cookies, on `address`. */
function browserAt(address: string): TestClient {
  return new TestClient((request) => {
    request.headers.set("x-test-address", address);
    return t.app.fetch(request);
  });
}

const logIn = (client: TestClient, email: string, password: string) =>
  client.post("/api/auth/login", { email, password });

describe("log-in limits", () => {
  beforeEach(async () => {
    await signUpTeacher(browserAt("198.51.100.1"), OWNER);
  });

  it("keeps a stranger's failures from another address from locking the owner out", async () => {
    const stranger = browserAt("203.0.113.9");
    for (let i = 0; i < 5; i++) {
      expect((await logIn(stranger, OWNER, `guess number ${i}`)).status).toBe(401);
    }
    const refused = await logIn(stranger, OWNER, "guess number 5");
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "rate_limited" });
    expect(refused.body.error.message).toMatch(/wait up to 15 minutes/i);
    // The owner, on a new device at the school's address, gets straight in.
    expect((await logIn(browserAt("198.51.100.1"), OWNER, PASSPHRASE)).status).toBe(200);
  });

  it("slows guessing from many addresses per account, yet the owner's own browser gets in", async () => {
    const owner = browserAt("198.51.100.1");
    expect((await logIn(owner, OWNER, PASSPHRASE)).status).toBe(200);
    for (let address = 0; address < 10; address++) {
      for (let i = 0; i < 3; i++) {
        const guess = await logIn(browserAt(`203.0.113.${address}`), OWNER, `guess ${i}`);
        expect(guess.status).toBe(401);
      }
    }
    // The account's budget for unknown browsers is spent: even the right password waits...
    const newDevice = await logIn(browserAt("203.0.113.77"), OWNER, PASSPHRASE);
    expect(newDevice.status).toBe(429);
    // ...but a browser that has logged in to this account before is counted on its own.
    expect((await logIn(owner, OWNER, PASSPHRASE)).status).toBe(200);
    t.clock.now += 61 * MINUTE;
    expect((await logIn(browserAt("203.0.113.77"), OWNER, PASSPHRASE)).status).toBe(200);
  });

  it("lets a shared computer the owner once used spend only its own attempts", async () => {
    const laptop = browserAt("198.51.100.1");
    const shared = browserAt("198.51.100.1");
    expect((await logIn(laptop, OWNER, PASSPHRASE)).status).toBe(200);
    expect((await logIn(shared, OWNER, PASSPHRASE)).status).toBe(200);
    await shared.post("/api/auth/logout");
    for (let i = 0; i < 10; i++)
      expect((await logIn(shared, OWNER, `guess ${i}`)).status).toBe(401);
    expect((await logIn(shared, OWNER, PASSPHRASE)).status).toBe(429);
    expect((await logIn(laptop, OWNER, PASSPHRASE)).status).toBe(200);
  });

  it("gives no trust to a browser that logged in to another account", async () => {
    const stranger = browserAt("203.0.113.9");
    await signUpTeacher(stranger, "stranger@school.example");
    for (let i = 0; i < 5; i++)
      expect((await logIn(stranger, OWNER, `guess ${i}`)).status).toBe(401);
    expect((await logIn(stranger, OWNER, "guess 5")).status).toBe(429);
  });

  it("refuses one address trying many emails after 30 failures", async () => {
    const sprayer = browserAt("203.0.113.9");
    for (let i = 0; i < 30; i++) {
      expect((await logIn(sprayer, `person${i}@school.example`, "password123")).status).toBe(401);
    }
    expect((await logIn(sprayer, "person99@school.example", "password123")).status).toBe(429);
    expect((await logIn(browserAt("203.0.113.10"), "x@school.example", "pw12345678")).status).toBe(
      401,
    );
  });

  it("does not count right passwords against the limit", async () => {
    for (let i = 0; i < 12; i++) {
      expect((await logIn(browserAt("198.51.100.1"), OWNER, PASSPHRASE)).status).toBe(200);
    }
    for (let i = 0; i < 5; i++) {
      expect((await logIn(browserAt("198.51.100.1"), OWNER, `typo ${i}`)).status).toBe(401);
    }
    expect((await logIn(browserAt("198.51.100.1"), OWNER, PASSPHRASE)).status).toBe(429);
  });

  it("checks no more than five of 200 concurrent guesses from one address", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        logIn(browserAt("203.0.113.9"), OWNER, `concurrent guess ${i}`),
      ),
    );
    expect(statusTally(guesses)).toEqual({ 401: 5, 429: 195 });
  });

  it("checks no more than 30 of 200 concurrent guesses across emails from one address", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        logIn(browserAt("203.0.113.9"), `person${i}@school.example`, "password123"),
      ),
    );
    expect(statusTally(guesses)).toEqual({ 401: 30, 429: 170 });
  });
});

describe("class codes", () => {
  const SCHOOL = "198.51.100.20";
  let code: string;
  beforeEach(async () => {
    const teacher = (await signUpTeacher(t.client(), OWNER)).client;
    code = (await teacher.post("/api/classes", { name: "Year 9" })).body.class.code;
  });
  /** A code that is not the class's: the same shape, one letter changed. */
  const wrongCode = () => (code.startsWith("A") ? `B${code.slice(1)}` : `A${code.slice(1)}`);
  const join = (name: string, classCode: string, address = SCHOOL) =>
    browserAt(address).post("/api/learners", { name, classCode });

  it("lets a class of 35 behind one school address each mistype once and still join", async () => {
    for (let i = 1; i <= 35; i++) {
      expect((await join(`Learner ${i}`, wrongCode())).status).toBe(404);
      expect((await join(`Learner ${i}`, code)).status).toBe(201);
    }
  });

  it("slows the learner who keeps mistyping, not the classmates", async () => {
    for (let i = 0; i < 10; i++) expect((await join("Sam", wrongCode())).status).toBe(404);
    expect((await join("sam", wrongCode())).status).toBe(429);
    expect((await join("Ana", wrongCode())).status).toBe(404);
    expect((await join("Ana", code)).status).toBe(201);
  });

  it("caps an address at 60 wrong codes per 15 minutes and 300 a day", async () => {
    let guesses = 0;
    const guessUntilRefused = async () => {
      for (;;) {
        const res = await join(`Guesser ${Math.floor(guesses / 10)}`, wrongCode());
        if (res.status === 429) return;
        expect(res.status).toBe(404);
        guesses++;
      }
    };
    await guessUntilRefused();
    expect(guesses).toBe(60);
    for (let window = 0; window < 5; window++) {
      t.clock.now += 16 * MINUTE;
      await guessUntilRefused();
    }
    expect(guesses).toBe(300);
    // The day's cap holds after the 15-minute window, and another address is unaffected.
    t.clock.now += 16 * MINUTE;
    expect((await join("Someone", wrongCode())).status).toBe(429);
    expect((await join("Someone", wrongCode(), "198.51.100.21")).status).toBe(404);
    t.clock.now += 24 * 60 * MINUTE;
    expect((await join("Someone", wrongCode())).status).toBe(404);
  });

  it("looks up no more than 60 of 200 concurrent wrong codes from one address", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => join(`Guesser ${i}`, wrongCode())),
    );
    expect(statusTally(guesses)).toEqual({ 404: 60, 429: 140 });
  });
});

describe("resume codes", () => {
  const resume = (resumeCode: string, address = "198.51.100.30") =>
    browserAt(address).post("/api/learners/resume", { resumeCode });

  it("does not count right codes, and refuses the 61st wrong one", async () => {
    const { resumeCode } = (await browserAt("198.51.100.30").post("/api/learners", { name: "Ada" }))
      .body;
    for (let i = 0; i < 59; i++) expect((await resume("AAAA-BBBB-CCCC")).status).toBe(404);
    for (let i = 0; i < 5; i++) expect((await resume(resumeCode)).status).toBe(200);
    expect((await resume("AAAA-BBBB-CCCC")).status).toBe(404);
    expect((await resume("AAAA-BBBB-CCCC")).status).toBe(429);
    expect((await resume(resumeCode)).status).toBe(429);
    expect((await resume(resumeCode, "198.51.100.31")).status).toBe(200);
  });

  it("looks up no more than 60 of 200 concurrent guesses from one address", async () => {
    const guesses = await Promise.all(Array.from({ length: 200 }, () => resume("AAAA-BBBB-CCCC")));
    expect(statusTally(guesses)).toEqual({ 404: 60, 429: 140 });
  });
});

describe("guest sign-ups", () => {
  const guest = (name: string, address = "198.51.100.40") =>
    browserAt(address).post("/api/learners", { name });
  const learnerCount = async () => (await t.db.select({ n: count() }).from(learners))[0]?.n;

  it("allows 30 guests per address per minute", async () => {
    for (let i = 0; i < 30; i++) expect((await guest(`Guest ${i}`)).status).toBe(201);
    const refused = await guest("Guest 30");
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/wait a minute/i);
    expect((await guest("Elsewhere", "198.51.100.41")).status).toBe(201);
    t.clock.now += MINUTE;
    expect((await guest("Guest 30")).status).toBe(201);
    expect(await learnerCount()).toBe(32);
  });

  it("does not count learners joining a class as guests", async () => {
    const teacher = (await signUpTeacher(t.client(), OWNER)).client;
    const { code } = (await teacher.post("/api/classes", { name: "Year 9" })).body.class;
    for (let i = 0; i < 30; i++) expect((await guest(`Guest ${i}`)).status).toBe(201);
    const joined = await browserAt("198.51.100.40").post("/api/learners", {
      name: "Pupil",
      classCode: code,
    });
    expect(joined.status).toBe(201);
  });

  it("creates exactly 30 of 150 concurrent guests from one address, and no half records", async () => {
    const signUps = await Promise.all(Array.from({ length: 150 }, (_, i) => guest(`Guest ${i}`)));
    expect(statusTally(signUps)).toEqual({ 201: 30, 429: 120 });
    expect(await learnerCount()).toBe(30);
  });
});
