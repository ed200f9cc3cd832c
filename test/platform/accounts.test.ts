import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTestApp } from "../helpers/app";

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

const teacherInput = { email: "Lee@School.example", name: "Mr Lee", password: "a long passphrase" };
const credentials = { email: teacherInput.email, password: teacherInput.password };

describe("teacher accounts", () => {
  it("signs up, stores the email in lower case and logs the teacher in", async () => {
    const client = t.client();
    const res = await client.post("/api/teachers", teacherInput);
    expect(res.status).toBe(201);
    expect(res.body.teacher.email).toBe("lee@school.example");
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(res.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);
    expect((await client.get("/api/auth/me")).body.teacher.name).toBe("Mr Lee");
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    await t.client().post("/api/teachers", teacherInput);
    const again = await t
      .client()
      .post("/api/teachers", { ...teacherInput, email: "LEE@school.example" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("email_taken");
  });

  it("logs in with the right password and not with a wrong one", async () => {
    await t.client().post("/api/teachers", teacherInput);
    const wrong = await t
      .client()
      .post("/api/auth/login", { email: teacherInput.email, password: "not the passphrase" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: "invalid_credentials" });
    const unknown = await t
      .client()
      .post("/api/auth/login", { email: "nobody@school.example", password: "whatever123" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    const right = t.client();
    expect((await right.post("/api/auth/login", credentials)).status).toBe(200);
    expect(right.hasSession()).toBe(true);
  });

  it("refuses log-in to an email from an address after five failures, until the window passes", async () => {
    await t.client().post("/api/teachers", teacherInput);
    for (let i = 0; i < 5; i++) {
      const res = await t
        .client()
        .post("/api/auth/login", { email: teacherInput.email, password: `wrong guess ${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await t.client().post("/api/auth/login", credentials);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("rate_limited");
    t.clock.now += 16 * 60 * 1000;
    expect((await t.client().post("/api/auth/login", credentials)).status).toBe(200);
  });

  it("ends the session on log-out, so the old cookie no longer works", async () => {
    const client = t.client();
    await client.post("/api/teachers", teacherInput);
    const stolen = t.client();
    const session = await client.post("/api/auth/login", credentials);
    const value =
      session.headers.get("set-cookie")?.split(";")[0]?.split("=").slice(1).join("=") ?? "";
    stolen.setCookie("st_session", value);
    expect((await stolen.get("/api/classes")).status).toBe(200);
    expect((await client.post("/api/auth/logout")).status).toBe(200);
    expect((await stolen.get("/api/classes")).status).toBe(401);
    expect((await client.get("/api/classes")).status).toBe(401);
  });

  it("expires sessions after fourteen days", async () => {
    const client = t.client();
    await client.post("/api/teachers", teacherInput);
    t.clock.now += 15 * 24 * 60 * 60 * 1000;
    expect((await client.get("/api/classes")).status).toBe(401);
  });

  it("ignores a forged session cookie", async () => {
    const client = t.client();
    client.setCookie("st_session", "made-up-id.c2lnbmF0dXJl");
    const res = await client.get("/api/classes");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
  });
});

describe("classes and who may see them", () => {
  async function teacherWithClass(email: string, className: string) {
    const client = t.client();
    await client.post("/api/teachers", { email, name: "T", password: "a long passphrase" });
    const created = await client.post("/api/classes", { name: className });
    return { client, klass: created.body.class };
  }

  it("gives each class a distinct six-character join code", async () => {
    const { client } = await teacherWithClass("a@school.example", "One");
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++)
      codes.add((await client.post("/api/classes", { name: `Class ${i}` })).body.class.code);
    expect(codes.size).toBe(20);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
  });

  it("shows a teacher only their own classes", async () => {
    const a = await teacherWithClass("a@school.example", "A's class");
    const b = await teacherWithClass("b@school.example", "B's class");
    const listed = await b.client.get("/api/classes");
    expect(listed.body.classes.map((c: { name: string }) => c.name)).toEqual(["B's class"]);
    expect(JSON.stringify(listed.body)).not.toContain(a.klass.id);
  });

  it("keeps learners and strangers out of teacher routes", async () => {
    const { klass } = await teacherWithClass("a@school.example", "A's class");
    const learner = t.client();
    await learner.post("/api/learners", { name: "Pat", classCode: klass.code });
    const asLearner = await learner.post("/api/classes", { name: "Sneaky" });
    expect(asLearner.status).toBe(403);
    expect(asLearner.body.error.code).toBe("forbidden");
    expect((await learner.get("/api/classes")).status).toBe(403);
    const anonymous = await t.client().post("/api/classes", { name: "Sneaky" });
    expect(anonymous.status).toBe(401);
  });
});

describe("learners", () => {
  it("starts a guest with no class and a resume code", async () => {
    const res = await t.client().post("/api/learners", { name: "Guest learner" });
    expect(res.status).toBe(201);
    expect(res.body.learner.classId).toBeNull();
    expect(res.body.resumeCode).toMatch(/^\w{4}-\w{4}-\w{4}$/);
  });

  it("resumes with the code typed loosely, on a new device", async () => {
    const joined = await t.client().post("/api/learners", { name: "Ada" });
    const typed = ` ${joined.body.resumeCode.toLowerCase().replaceAll("-", " ")} `;
    const device = t.client();
    const res = await device.post("/api/learners/resume", { resumeCode: typed });
    expect(res.status).toBe(200);
    expect(res.body.learner).toMatchObject({ id: joined.body.learner.id, name: "Ada" });
    expect((await device.get("/api/auth/me")).body.learner.id).toBe(joined.body.learner.id);
  });

  it("refuses an unknown resume code and throttles guessing", async () => {
    const guesser = t.client();
    for (let i = 0; i < 60; i++) {
      const res = await guesser.post("/api/learners/resume", { resumeCode: "AAAA-BBBB-CCCC" });
      expect(res.status).toBe(404);
    }
    expect(
      (await guesser.post("/api/learners/resume", { resumeCode: "AAAA-BBBB-CCCC" })).status,
    ).toBe(429);
  });

  it("keeps a learner's name exactly as typed, markup included", async () => {
    const name = "<img src=x onerror=alert(1)>";
    const res = await t.client().post("/api/learners", { name });
    expect(res.body.learner.name).toBe(name);
  });
});

describe("session housekeeping", () => {
  it("clears sessions that have run out when someone logs in", async () => {
    const { authSessions } = await import("../../src/db/schema");
    const client = t.client();
    await client.post("/api/teachers", teacherInput);
    t.clock.now += 15 * 24 * 60 * 60 * 1000;
    await t.client().post("/api/auth/login", credentials);
    const rows = await t.db.select().from(authSessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.expiresAt).toBeGreaterThan(t.clock.now);
  });
});
