import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { makeTestApp } from "../helpers/app";
import type { TestClient } from "../helpers/client";
import { signUpTeacher } from "../helpers/seed-class";

/**
 * Hostile input on every route of the real app: never a 5xx; a refusal is a clear 4xx (JSON on
 * the API) and leaves every table as it was; input that is odd but legitimate (markup or SQL as
 * a name, long unicode) is accepted and stored exactly as sent.
 */
const t = await makeTestApp();
afterAll(() => t.close());

const HTML_NAME = "<img src=x onerror=alert(1)>";
const SQL_TEXT = "Robert'); DROP TABLE learners;--";

/** The people and records the cases aim at. */
async function makeFixture() {
  const teacher = (await signUpTeacher(t.client(), "teacher@school.example")).client;
  const klass = (await teacher.post("/api/classes", { name: "Year 11" })).body.class;
  const otherTeacher = (await signUpTeacher(t.client(), "other@school.example")).client;
  const learner = t.client();
  const joined = await learner.post("/api/learners", { name: "Ann", classCode: klass.code });
  const session = (await learner.post("/api/sessions", {})).body.session;
  const otherLearner = t.client();
  await otherLearner.post("/api/learners", { name: "Eve" });
  const otherSession = (await otherLearner.post("/api/sessions", {})).body.session;
  return {
    teacher,
    otherTeacher,
    learner,
    otherLearner,
    classId: klass.id as string,
    classCode: klass.code as string,
    learnerId: joined.body.learner.id as string,
    sessionId: session.id as string,
    otherSessionId: otherSession.id as string,
  };
}
const fx = await makeFixture();
type Fixture = typeof fx;
type Who = "anon" | "learner" | "teacher" | "otherLearner" | "otherTeacher";

/** A stranger: a client with no cookie (a fresh one each time, as clients keep what they are given). */
const stranger = () => t.client();

/** Rows per table, but the rate-limit counters (refused guesses are meant to count). */
async function rowCounts() {
  const tables = await t.db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name != 'rate_limits'`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await t.db.all<{ n: number }>(sql.raw(`select count(*) as n from "${name}"`));
    counts[name] = Number(row?.n);
  }
  return counts;
}

type Sent = { res: Response; body: any };
type Case = {
  name: string;
  send: (fx: Fixture) => Promise<Response>;
  /** The status this input deserves, and for a refusal the error code. */
  status: number;
  code?: string;
  /** For accepted input: what must now be stored. */
  stored?: (sent: Sent, fx: Fixture) => Promise<void>;
};

const client = (who: Who): TestClient => (who === "anon" ? stranger() : fx[who]);

function body(payload: unknown): RequestInit["body"] {
  if (typeof payload === "string" || payload instanceof Uint8Array) return payload;
  return JSON.stringify(payload);
}

/** A request with a JSON (or raw) body, as `who`. */
const send =
  (method: string, path: string | ((fx: Fixture) => string), who: Who, payload?: unknown) =>
  (f: Fixture) =>
    client(who).raw(typeof path === "function" ? path(f) : path, {
      method,
      ...(payload !== undefined && {
        body: body(payload),
        headers: { "content-type": "application/json" },
      }),
    });

const post = (path: string | ((fx: Fixture) => string), who: Who, payload: unknown) =>
  send("POST", path, who, payload);
const get = (path: string | ((fx: Fixture) => string), who: Who) => send("GET", path, who);

/** UTF-8 bytes around bytes that are not UTF-8. */
const withBytes = (before: string, bytes: number[], after: string) =>
  new Uint8Array([...Buffer.from(before), ...bytes, ...Buffer.from(after)]);

const messages = (f: Fixture) => `/api/sessions/${f.sessionId}/messages?stream=false`;
const invalid = { status: 400, code: "invalid_input" };

/** The learner's transcript ends with `text` as the learner's message. */
const lastLearnerMessageIs = (text: string) => async (_: Sent, f: Fixture) => {
  const read = await f.learner.get(`/api/sessions/${f.sessionId}`);
  const learnerTexts = read.body.transcript
    .filter((m: { role: string }) => m.role === "learner")
    .map((m: { text: string }) => m.text);
  expect(learnerTexts.at(-1)).toBe(text);
};

const fieldCases: Case[] = [
  // Teachers signing up.
  {
    name: "sign-up: email of the wrong type",
    send: post("/api/teachers", "anon", { email: 5, name: "A", password: "long enough pw" }),
    ...invalid,
  },
  { name: "sign-up: no fields", send: post("/api/teachers", "anon", {}), ...invalid },
  {
    name: "sign-up: 300-character email",
    send: post("/api/teachers", "anon", {
      email: `${"a".repeat(290)}@b.example`,
      name: "A",
      password: "long enough pw",
    }),
    ...invalid,
  },
  {
    name: "sign-up: email with a control character",
    send: post("/api/teachers", "anon", {
      email: "a\u0000@b.example",
      name: "A",
      password: "long enough pw",
    }),
    ...invalid,
  },
  {
    name: "sign-up: 81-character name",
    send: post("/api/teachers", "anon", {
      email: "n@b.example",
      name: "n".repeat(81),
      password: "long enough pw",
    }),
    ...invalid,
  },
  {
    name: "sign-up: name with a bell character",
    send: post("/api/teachers", "anon", {
      email: "n@b.example",
      name: "A\u0007",
      password: "long enough pw",
    }),
    ...invalid,
  },
  {
    name: "sign-up: name of spaces",
    send: post("/api/teachers", "anon", {
      email: "n@b.example",
      name: "   ",
      password: "long enough pw",
    }),
    ...invalid,
  },
  {
    name: "sign-up: 9-character password",
    send: post("/api/teachers", "anon", { email: "n@b.example", name: "A", password: "123456789" }),
    ...invalid,
  },
  {
    name: "sign-up: 201-character password",
    send: post("/api/teachers", "anon", {
      email: "n@b.example",
      name: "A",
      password: "p".repeat(201),
    }),
    ...invalid,
  },
  {
    name: "sign-up: password as an array",
    send: post("/api/teachers", "anon", {
      email: "n@b.example",
      name: "A",
      password: ["long enough pw"],
    }),
    ...invalid,
  },
  {
    name: "sign-up: an extra isAdmin field",
    send: post("/api/teachers", "anon", {
      email: "n@b.example",
      name: "A",
      password: "long enough pw",
      isAdmin: true,
    }),
    ...invalid,
  },
  {
    name: "sign-up: an email that is taken",
    send: post("/api/teachers", "anon", {
      email: "teacher@school.example",
      name: "A",
      password: "long enough pw",
    }),
    status: 409,
    code: "email_taken",
  },
  {
    name: "sign-up: markup as a name is kept as written",
    send: post("/api/teachers", "anon", {
      email: "markup@school.example",
      name: HTML_NAME,
      password: "long enough pw",
    }),
    status: 201,
    stored: async ({ body }) => expect(body.teacher.name).toBe(HTML_NAME),
  },
  {
    name: "sign-up: SQL as a name is kept as written",
    send: post("/api/teachers", "anon", {
      email: "sql@school.example",
      name: SQL_TEXT,
      password: "long enough pw",
    }),
    status: 201,
    stored: async ({ body }) => expect(body.teacher.name).toBe(SQL_TEXT),
  },
  // Logging in.
  {
    name: "log-in: not an email",
    send: post("/api/auth/login", "anon", { email: "' OR 1=1 --", password: "x" }),
    ...invalid,
  },
  {
    name: "log-in: empty password",
    send: post("/api/auth/login", "anon", { email: "teacher@school.example", password: "" }),
    ...invalid,
  },
  {
    name: "log-in: password as a number",
    send: post("/api/auth/login", "anon", {
      email: "teacher@school.example",
      password: 1234567890,
    }),
    ...invalid,
  },
  {
    name: "log-in: wrong password",
    send: post("/api/auth/login", "anon", {
      email: "teacher@school.example",
      password: "wrong password",
    }),
    status: 401,
    code: "invalid_credentials",
  },
  {
    name: "log-in: SQL as the password",
    send: post("/api/auth/login", "anon", {
      email: "teacher@school.example",
      password: "' OR '1'='1",
    }),
    status: 401,
    code: "invalid_credentials",
  },
  {
    name: "log-in: SQL in the email's local part",
    send: post("/api/auth/login", "anon", {
      email: "x'or'1'='1@school.example",
      password: "long enough pw",
    }),
    ...invalid,
  },
  {
    name: "log-in: an apostrophe in an unknown email",
    send: post("/api/auth/login", "anon", {
      email: "o'brien@school.example",
      password: "long enough pw",
    }),
    status: 401,
    code: "invalid_credentials",
  },
  {
    name: "log-in: an extra field",
    send: post("/api/auth/login", "anon", {
      email: "teacher@school.example",
      password: "x",
      role: "admin",
    }),
    ...invalid,
  },
  // Classes.
  {
    name: "class: 81-character name",
    send: post("/api/classes", "teacher", { name: "c".repeat(81) }),
    ...invalid,
  },
  {
    name: "class: name as an object",
    send: post("/api/classes", "teacher", { name: { $gt: "" } }),
    ...invalid,
  },
  {
    name: "class: name with a NUL",
    send: post("/api/classes", "teacher", { name: "Year\u000011" }),
    ...invalid,
  },
  {
    name: "class: created by a learner",
    send: post("/api/classes", "learner", { name: "Mine" }),
    status: 403,
    code: "forbidden",
  },
  {
    name: "class: created by nobody",
    send: post("/api/classes", "anon", { name: "Mine" }),
    status: 401,
    code: "unauthorized",
  },
  {
    name: "class: markup as a name is kept as written",
    send: post("/api/classes", "teacher", { name: HTML_NAME }),
    status: 201,
    stored: async ({ body }) => expect(body.class.name).toBe(HTML_NAME),
  },
  // Learners joining.
  { name: "join: name as a number", send: post("/api/learners", "anon", { name: 42 }), ...invalid },
  {
    name: "join: 41-character name",
    send: post("/api/learners", "anon", { name: "a".repeat(41) }),
    ...invalid,
  },
  {
    name: "join: name with a NUL",
    send: post("/api/learners", "anon", { name: "Ann\u0000" }),
    ...invalid,
  },
  {
    name: "join: name with a lone surrogate",
    send: post("/api/learners", "anon", { name: "A\ud800B" }),
    ...invalid,
  },
  {
    name: "join: class code of the wrong shape",
    send: post("/api/learners", "anon", { name: "Ann", classCode: "ABC" }),
    ...invalid,
  },
  {
    name: "join: SQL as the class code",
    send: post("/api/learners", "anon", { name: "Ann", classCode: "' OR 1=1" }),
    ...invalid,
  },
  {
    name: "join: class code as a number",
    send: post("/api/learners", "anon", { name: "Ann", classCode: 123456 }),
    ...invalid,
  },
  {
    name: "join: unknown class code",
    send: post("/api/learners", "anon", { name: "Ann", classCode: "ZZZZZZ" }),
    status: 404,
    code: "unknown_class_code",
  },
  {
    name: "join: __proto__ field",
    send: post("/api/learners", "anon", '{"name":"Ann","__proto__":{"isTeacher":true}}'),
    ...invalid,
  },
  {
    name: "join: markup as a name is kept as written, and escaped on the teacher's page",
    send: (f) =>
      stranger().raw("/api/learners", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: HTML_NAME, classCode: f.classCode }),
      }),
    status: 201,
    stored: async ({ body }, f) => {
      expect(body.learner.name).toBe(HTML_NAME);
      const page = await f.teacher.raw(`/teach/classes/${f.classId}`);
      const html = await page.text();
      expect(html).not.toContain(HTML_NAME);
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    },
  },
  {
    name: "join: a name with 35 characters of emoji is kept as written",
    send: post("/api/learners", "anon", { name: `Ada ${"👩‍🔬".repeat(7)}` }),
    status: 201,
    stored: async ({ body }) => expect(body.learner.name).toBe(`Ada ${"👩‍🔬".repeat(7)}`),
  },
  // Resuming.
  {
    name: "resume: code of the wrong shape",
    send: post("/api/learners/resume", "anon", { resumeCode: "ABCD" }),
    ...invalid,
  },
  {
    name: "resume: SQL as the code",
    send: post("/api/learners/resume", "anon", { resumeCode: "'; DROP TABLE learners; --" }),
    ...invalid,
  },
  {
    name: "resume: 1,000-character code",
    send: post("/api/learners/resume", "anon", { resumeCode: "A".repeat(1000) }),
    ...invalid,
  },
  {
    name: "resume: code as an object",
    send: post("/api/learners/resume", "anon", { resumeCode: { length: 12 } }),
    ...invalid,
  },
  {
    name: "resume: unknown code",
    send: post("/api/learners/resume", "anon", { resumeCode: "ABCD-EFGH-JKMN" }),
    status: 404,
    code: "unknown_resume_code",
  },
  // Opening sessions.
  {
    name: "session: unknown voice",
    send: post("/api/sessions", "learner", { voice: "pirate" }),
    ...invalid,
  },
  {
    name: "session: voice as a number",
    send: post("/api/sessions", "learner", { voice: 1 }),
    ...invalid,
  },
  {
    name: "session: an extra nodeId field",
    send: post("/api/sessions", "learner", { nodeId: "takeaway" }),
    ...invalid,
  },
  {
    name: "session: opened by nobody",
    send: post("/api/sessions", "anon", {}),
    status: 401,
    code: "unauthorized",
  },
  {
    name: "session: opened by a teacher",
    send: post("/api/sessions", "teacher", {}),
    status: 403,
    code: "forbidden",
  },
  // Messages.
  {
    name: "message: 2,001 characters",
    send: post(messages, "learner", { text: "x".repeat(2001) }),
    ...invalid,
  },
  { name: "message: empty", send: post(messages, "learner", { text: "" }), ...invalid },
  {
    name: "message: only spaces and line breaks",
    send: post(messages, "learner", { text: "  \n\t " }),
    ...invalid,
  },
  {
    name: "message: a bell character",
    send: post(messages, "learner", { text: "hi\u0007" }),
    ...invalid,
  },
  {
    name: "message: an escape sequence",
    send: post(messages, "learner", { text: "\u001b[2Jcleared" }),
    ...invalid,
  },
  {
    name: "message: a lone surrogate",
    send: post(messages, "learner", { text: "why \udc00 scale?" }),
    ...invalid,
  },
  { name: "message: text as a number", send: post(messages, "learner", { text: 42 }), ...invalid },
  {
    name: "message: text as an array",
    send: post(messages, "learner", { text: ["hint"] }),
    ...invalid,
  },
  {
    name: "message: text as an object",
    send: post(messages, "learner", { text: { toString: "hint" } }),
    ...invalid,
  },
  { name: "message: no text", send: post(messages, "learner", {}), ...invalid },
  {
    name: "message: an extra role field",
    send: post(messages, "learner", { text: "hint", role: "tutor" }),
    ...invalid,
  },
  {
    name: "message: stream=maybe",
    send: post((f) => `/api/sessions/${f.sessionId}/messages?stream=maybe`, "learner", {
      text: "hint",
    }),
    ...invalid,
  },
  {
    name: "message: to another learner's session",
    send: post((f) => `/api/sessions/${f.otherSessionId}/messages?stream=false`, "learner", {
      text: "hint",
    }),
    status: 404,
    code: "not_found",
  },
  {
    name: "message: to a session that does not exist",
    send: post("/api/sessions/00000000-0000-4000-8000-000000000000/messages", "learner", {
      text: "hint",
    }),
    status: 404,
    code: "not_found",
  },
  {
    name: "message: from a teacher",
    send: post(messages, "teacher", { text: "hint" }),
    status: 403,
    code: "forbidden",
  },
  {
    name: "message: from nobody",
    send: post(messages, "anon", { text: "hint" }),
    status: 401,
    code: "unauthorized",
  },
  {
    name: "message: SQL is kept as written",
    send: post(messages, "learner", { text: SQL_TEXT }),
    status: 200,
    stored: lastLearnerMessageIs(SQL_TEXT),
  },
  {
    name: "message: markup is kept as written",
    send: post(messages, "learner", { text: "<script>alert(1)</script>" }),
    status: 200,
    stored: lastLearnerMessageIs("<script>alert(1)</script>"),
  },
  {
    name: "message: 2,000 runic characters are kept as written",
    send: post(messages, "learner", { text: "ᚠ".repeat(2000) }),
    status: 200,
    stored: lastLearnerMessageIs("ᚠ".repeat(2000)),
  },
  {
    name: "message: stacked combining marks are kept as written",
    send: post(messages, "learner", { text: `s${"\u0301".repeat(1500)}cale?` }),
    status: 200,
    stored: lastLearnerMessageIs(`s${"\u0301".repeat(1500)}cale?`),
  },
  {
    name: "message: right-to-left override and zero-width characters are kept as written",
    send: post(messages, "learner", { text: "why does \u202escale\u202c mat\u200bter?" }),
    status: 200,
    stored: lastLearnerMessageIs("why does \u202escale\u202c mat\u200bter?"),
  },
  // Voice switches.
  {
    name: "voice: unknown voice",
    send: send("PATCH", (f) => `/api/sessions/${f.sessionId}`, "learner", { voice: "shouty" }),
    ...invalid,
  },
  {
    name: "voice: null",
    send: send("PATCH", (f) => `/api/sessions/${f.sessionId}`, "learner", { voice: null }),
    ...invalid,
  },
  {
    name: "voice: voice with a NUL",
    send: send("PATCH", (f) => `/api/sessions/${f.sessionId}`, "learner", { voice: "plain\u0000" }),
    ...invalid,
  },
  {
    name: "voice: an extra state field",
    send: send("PATCH", (f) => `/api/sessions/${f.sessionId}`, "learner", {
      voice: "plain",
      state: {},
    }),
    ...invalid,
  },
  {
    name: "voice: another learner's session",
    send: send("PATCH", (f) => `/api/sessions/${f.otherSessionId}`, "learner", { voice: "plain" }),
    status: 404,
    code: "not_found",
  },
  // Reading sessions.
  {
    name: "read: another learner's session",
    send: get((f) => `/api/sessions/${f.otherSessionId}`, "learner"),
    status: 404,
    code: "not_found",
  },
  {
    name: "read: id of 1,000 characters",
    send: get(`/api/sessions/${"a".repeat(1000)}`, "learner"),
    ...invalid,
  },
  {
    name: "read: encoded path traversal as the id",
    send: get("/api/sessions/..%2F..%2F..%2Fetc%2Fpasswd", "learner"),
    ...invalid,
  },
  {
    name: "read: SQL as the id",
    send: get("/api/sessions/1'%20OR%20'1'%3D'1", "learner"),
    ...invalid,
  },
  {
    name: "read: path traversal past the API",
    send: get("/api/sessions/../../../etc/passwd", "learner"),
    status: 404,
    code: "not_found",
  },
  // Teachers' class views.
  {
    name: "class view: another teacher's class",
    send: get((f) => `/api/classes/${f.classId}/progress`, "otherTeacher"),
    status: 404,
    code: "not_found",
  },
  {
    name: "class view: read by a learner",
    send: get((f) => `/api/classes/${f.classId}/progress`, "learner"),
    status: 403,
    code: "forbidden",
  },
  {
    name: "class view: read by nobody",
    send: get((f) => `/api/classes/${f.classId}/xapi`, "anon"),
    status: 401,
    code: "unauthorized",
  },
  {
    name: "class view: encoded traversal as the class id",
    send: get("/api/classes/..%2F..%2Fteachers/progress", "teacher"),
    ...invalid,
  },
  {
    name: "class view: SQL as the learner id",
    send: get((f) => `/api/classes/${f.classId}/learners/1%20OR%201%3D1/transcript`, "teacher"),
    ...invalid,
  },
  {
    name: "class view: a learner of another class",
    send: get((f) => `/api/classes/${f.classId}/learners/${f.sessionId}/transcript`, "teacher"),
    status: 404,
    code: "not_found",
  },
  {
    name: "class view: CSV of another teacher's class",
    send: get((f) => `/api/classes/${f.classId}/export.csv`, "otherTeacher"),
    status: 404,
    code: "not_found",
  },
  // The calculator.
  {
    name: "calculator: parameters past a double",
    send: get("/api/calculator/compute?params=1e400&tokens=1T", "anon"),
    ...invalid,
  },
  {
    name: "calculator: negative parameters",
    send: get("/api/calculator/compute?params=-5&tokens=1T", "anon"),
    ...invalid,
  },
  {
    name: "calculator: NaN",
    send: get("/api/calculator/compute?params=NaN&tokens=1T", "anon"),
    ...invalid,
  },
  {
    name: "calculator: Infinity",
    send: get("/api/calculator/compute?params=Infinity&tokens=1T", "anon"),
    ...invalid,
  },
  {
    name: "calculator: unknown fit",
    send: get("/api/calculator/loss?params=70B&tokens=1.4T&fit=astrology", "anon"),
    ...invalid,
  },
  {
    name: "calculator: markup as the GPU",
    send: get("/api/calculator/training?flops=1e23&gpu=%3Cscript%3E&gpus=8", "anon"),
    ...invalid,
  },
  {
    name: "calculator: a __proto__ parameter",
    send: get("/api/calculator/compute?__proto__=1&params=70B&tokens=1T", "anon"),
    ...invalid,
  },
  {
    name: "calculator: 5,000-digit parameters",
    send: get(`/api/calculator/compute?params=${"9".repeat(5000)}&tokens=1T`, "anon"),
    ...invalid,
  },
  {
    name: "calculator: SQL as the tokens",
    send: get("/api/calculator/compute?params=70B&tokens=1%27%20OR%201%3D1", "anon"),
    ...invalid,
  },
  {
    name: "calculator: zero GPUs",
    send: get("/api/calculator/training?flops=1e23&gpu=h100&gpus=0", "anon"),
    ...invalid,
  },
  // Bodies that are not the JSON they claim to be.
  {
    name: "body: truncated JSON",
    send: post("/api/learners", "anon", '{"name": "Ann",'),
    status: 400,
    code: "bad_json",
  },
  {
    name: "body: JSON with trailing garbage",
    send: post("/api/learners", "anon", '{"name":"Ann"} trailing'),
    status: 400,
    code: "bad_json",
  },
  {
    name: "body: single-quoted JSON",
    send: post("/api/learners", "anon", "{'name':'Ann'}"),
    status: 400,
    code: "bad_json",
  },
  {
    name: "body: a comment in JSON",
    send: post("/api/learners", "anon", '{"name":"Ann" /* hi */}'),
    status: 400,
    code: "bad_json",
  },
  { name: "body: empty", send: post("/api/learners", "anon", ""), status: 400, code: "bad_json" },
  { name: "body: an array", send: post("/api/learners", "anon", '["Ann"]'), ...invalid },
  { name: "body: null", send: post("/api/learners", "anon", "null"), ...invalid },
  { name: "body: a string", send: post("/api/learners", "anon", '"Ann"'), ...invalid },
  {
    name: "body: 5,000 levels of nesting",
    send: post("/api/learners", "anon", `{"name":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`),
    ...invalid,
  },
  {
    name: "body: 20,000 nested arrays",
    send: post("/api/learners", "anon", `${"[".repeat(20000)}${"]".repeat(20000)}`),
    ...invalid,
  },
  {
    name: "body: 70 KB",
    send: post("/api/learners", "anon", { name: "a".repeat(70_000) }),
    status: 413,
    code: "body_too_large",
  },
  {
    // The chat route takes up to 1 MiB (useChat resends the conversation); past it, 413.
    name: "body: 2 MB message",
    send: post(messages, "learner", { text: "a".repeat(2_000_000) }),
    status: 413,
    code: "body_too_large",
  },
  {
    name: "body: a content-length of 1 GB",
    send: () =>
      stranger().raw("/api/learners", {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": "1000000000" },
        body: '{"name":"Ann"}',
      }),
    status: 413,
    code: "body_too_large",
  },
  {
    name: "body: XML",
    send: () =>
      stranger().raw("/api/learners", {
        method: "POST",
        headers: { "content-type": "application/xml" },
        body: "<name>Ann</name>",
      }),
    status: 415,
    code: "unsupported_media_type",
  },
  {
    name: "body: a JSON patch type",
    send: () =>
      stranger().raw("/api/learners", {
        method: "POST",
        headers: { "content-type": "application/json-patch+json" },
        body: '{"name":"Ann"}',
      }),
    status: 415,
    code: "unsupported_media_type",
  },
  {
    name: "body: bytes that are not UTF-8 in a name",
    send: post("/api/learners", "anon", withBytes('{"name":"A', [0xff, 0xfe], 'B"}')),
    status: 400,
    code: "bad_encoding",
  },
  {
    name: "body: a truncated UTF-8 sequence in a message",
    send: post(messages, "learner", withBytes('{"text":"why ', [0xe2, 0x82], ' scale?"}')),
    status: 400,
    code: "bad_encoding",
  },
];

const crossSite = { origin: "https://evil.example" };
const csrfCases: Case[] = [
  {
    name: "cross-site form post to join",
    send: () =>
      stranger().raw("/api/learners", {
        method: "POST",
        headers: { ...crossSite, "content-type": "application/x-www-form-urlencoded" },
        body: "name=Mallory",
      }),
    status: 403,
    code: "forbidden",
  },
  {
    name: "cross-site multipart post to sign up",
    send: () =>
      stranger().raw("/api/teachers", {
        method: "POST",
        headers: { ...crossSite, "content-type": "multipart/form-data; boundary=x" },
        body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nm@evil.example\r\n--x--',
      }),
    status: 403,
    code: "forbidden",
  },
  {
    name: "cross-site text/plain post with a learner's cookie",
    send: (f) =>
      f.learner.raw(`/api/sessions/${f.sessionId}/messages?stream=false`, {
        method: "POST",
        headers: { ...crossSite, "content-type": "text/plain" },
        body: '{"text":"hint"}',
      }),
    status: 403,
    code: "forbidden",
  },
  {
    name: "cross-site form post with a teacher's cookie",
    send: (f) =>
      f.teacher.raw("/api/classes", {
        method: "POST",
        headers: { ...crossSite, "content-type": "application/x-www-form-urlencoded" },
        body: "name=Pwned",
      }),
    status: 403,
    code: "forbidden",
  },
  {
    name: "form post marked Sec-Fetch-Site: cross-site",
    send: (f) =>
      f.learner.raw(`/api/sessions/${f.sessionId}`, {
        method: "PATCH",
        headers: {
          "sec-fetch-site": "cross-site",
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "voice=plain",
      }),
    status: 403,
    code: "forbidden",
  },
  {
    name: "form post without an Origin header (no CSRF token exists to forge)",
    send: (f) =>
      f.teacher.raw("/api/auth/logout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "",
      }),
    status: 403,
    code: "forbidden",
  },
  {
    name: "form post from the site itself (the API takes JSON only)",
    send: (f) =>
      f.learner.raw("/api/sessions", {
        method: "POST",
        headers: {
          origin: "http://localhost",
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "voice=plain",
      }),
    status: 415,
    code: "unsupported_media_type",
  },
];

/** Cookies that must count as no session at all. */
const cookieCases: Case[] = [
  {
    name: "cookie: a forged signature",
    send: () => stranger().raw("/api/sessions", { headers: { cookie: "st_session=abc.Zm9yZ2Vk" } }),
    status: 401,
    code: "unauthorized",
  },
  {
    name: "cookie: garbage",
    send: () => stranger().raw("/api/sessions", { headers: { cookie: "st_session=%%%;;;==" } }),
    status: 401,
    code: "unauthorized",
  },
  {
    name: "cookie: 8 KB",
    send: () =>
      stranger().raw("/api/sessions", { headers: { cookie: `st_session=${"a".repeat(8000)}` } }),
    status: 401,
    code: "unauthorized",
  },
  {
    name: "cookie: SQL as the session id",
    send: () => stranger().raw("/api/sessions", { headers: { cookie: "st_session=' OR '1'='1" } }),
    status: 401,
    code: "unauthorized",
  },
];

/** Every route the app serves, each with the generic hostile inputs. */
const routes = [
  ...new Map(
    t.app.routes.filter((r) => r.method !== "ALL").map((r) => [`${r.method} ${r.path}`, r]),
  ).values(),
];
/** Routes that read no body: junk in it changes nothing (and log-out would end the fixture's sessions). */
const TAKES_NO_BODY = new Set(["POST /api/auth/logout"]);
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const ID_ATTACKS = [
  ["path traversal", "..%2F..%2F..%2Fetc%2Fpasswd"],
  ["SQL", "1%27%20OR%20%271%27%3D%271"],
  ["markup", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"],
] as const;

type RouteCase = Omit<Case, "status" | "stored"> & {
  /** Set where the answer is known exactly; otherwise any 4xx will do. */
  status?: number;
  /** A stranger's forged cookie on a public route may well get a 2xx. */
  mayAccept?: boolean;
};

function casesFor(method: string, path: string): RouteCase[] {
  const route = `${method} ${path}`;
  /** The path with real ids: the fixture's session for session routes, its class otherwise. */
  const real = (f: Fixture) =>
    path
      .replace(":id", path.startsWith("/api/sessions") ? f.sessionId : f.classId)
      .replace(":learnerId", f.learnerId);
  const body = UNSAFE.has(method) ? "{}" : undefined;
  const cases: RouteCase[] = [
    {
      name: `${route}: a forged session cookie`,
      send: (f) =>
        stranger().raw(real(f), {
          method,
          headers: { cookie: "st_session=forged.c2lnbmF0dXJl", "content-type": "application/json" },
          ...(body !== undefined && { body }),
        }),
      mayAccept: true,
    },
  ];
  for (const [what, value] of path.includes(":") ? ID_ATTACKS : []) {
    for (const who of ["learner", "teacher"] as const) {
      cases.push({
        name: `${route}: ${what} in the ids, as a ${who}`,
        send: send(method, path.replace(/:[A-Za-z]+/g, value), who, body),
      });
    }
  }
  if (UNSAFE.has(method) && !TAKES_NO_BODY.has(route)) {
    for (const who of ["learner", "teacher"] as const) {
      cases.push({
        name: `${route}: malformed JSON, as a ${who}`,
        send: send(method, real, who, '{"oops":'),
      });
    }
  }
  if (UNSAFE.has(method)) {
    cases.push({
      name: `${route}: a cross-site form post`,
      send: (f) =>
        f.learner.raw(real(f), {
          method,
          headers: { ...crossSite, "content-type": "application/x-www-form-urlencoded" },
          body: "a=b",
        }),
      status: 403,
      code: "forbidden",
    });
  }
  return cases;
}

const routeCases = routes.flatMap(({ method, path }) =>
  casesFor(method, path).map((c) => ({
    ...c,
    route: `${method} ${path}`,
    api: path.startsWith("/api"),
  })),
);

/** Sends a case: never a 5xx; a refusal leaves every table as it was and (on the API) says why. */
async function sendAndCheck(c: Pick<Case, "send">, api = true) {
  const before = await rowCounts();
  const res = await c.send(fx);
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  const body = res.headers.get("content-type")?.includes("application/json")
    ? JSON.parse(text)
    : text;
  if (res.status >= 400) {
    expect(await rowCounts()).toEqual(before);
    if (api) {
      expect(body.error.code).toEqual(expect.any(String));
      expect(body.error.message.length).toBeGreaterThan(5);
    }
  }
  return { res, body };
}

describe("hostile input, field by field", () => {
  it.each([...fieldCases, ...csrfCases, ...cookieCases])("$name", async (c) => {
    const sent = await sendAndCheck(c);
    expect(sent.res.status).toBe(c.status);
    if (c.code) expect(sent.body.error.code).toBe(c.code);
    if (c.stored) await c.stored(sent, fx);
  });
});

describe("hostile input on every route", () => {
  it.each(routeCases)("$name", async (c) => {
    const sent = await sendAndCheck(c, c.api);
    if (c.status) expect(sent.res.status).toBe(c.status);
    if (c.code) expect(sent.body.error.code).toBe(c.code);
    if (!c.mayAccept) expect(sent.res.status).toBeGreaterThanOrEqual(400);
  });
});

describe("sessions that have ended", () => {
  it("refuses a cookie whose session expired", async () => {
    const learner = stranger();
    await learner.post("/api/learners", { name: "Old" });
    const started = t.clock.now;
    t.clock.now += 15 * 24 * 60 * 60 * 1000;
    try {
      const { res } = await sendAndCheck({ send: () => learner.raw("/api/sessions") });
      expect(res.status).toBe(401);
    } finally {
      t.clock.now = started;
    }
  });

  it("refuses the cookie of a teacher who has logged out", async () => {
    const login = await stranger().raw("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "other@school.example", password: "a long passphrase" }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    const loggedOut = await stranger().raw("/api/auth/logout", {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: "{}",
    });
    expect(loggedOut.status).toBe(200);
    const { res } = await sendAndCheck({
      send: () => stranger().raw("/api/classes", { headers: { cookie } }),
    });
    expect(res.status).toBe(401);
  });
});

it("tries a hundred hostile inputs or more, across every route", () => {
  const cases = fieldCases.length + csrfCases.length + cookieCases.length + routeCases.length;
  expect(cases).toBeGreaterThanOrEqual(100);
  expect(new Set(routeCases.map((c) => c.route)).size).toBe(routes.length);
});
