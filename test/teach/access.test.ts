import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lesson } from "../../src/curriculum/lesson";
import { makeTestApp } from "../helpers/app";
import { seedClass, signUpTeacher } from "../helpers/seed-class";

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

const nodeId = lesson.nodes[0]?.id ?? "";

/** Two teachers with a class each; the first class has a learner with a transcript. */
async function twoTeachers() {
  const owner = await signUpTeacher(t.client(), "owner@school.example");
  const other = await signUpTeacher(t.client(), "other@school.example");
  const mine = await seedClass(t.db, owner.teacherId, {
    name: "Owner's secret class",
    now: t.clock.now,
    learners: [
      {
        name: "Ada",
        sessions: [
          { nodeId, messages: [{ kind: "answer", text: "hello", nodeId, verdict: "correct" }] },
        ],
      },
    ],
  });
  const theirs = await seedClass(t.db, other.teacherId, {
    now: t.clock.now,
    learners: [{ name: "Zed" }],
  });
  const ada = mine.learners[0]?.id ?? "";
  const zed = theirs.learners[0]?.id ?? "";
  return { owner: owner.client, other: other.client, mine, theirs, ada, zed };
}

const routesOf = (classId: string, learnerId: string) => [
  `/api/classes/${classId}/progress`,
  `/api/classes/${classId}/export.csv`,
  `/api/classes/${classId}/xapi`,
  `/api/classes/${classId}/flags`,
  `/api/classes/${classId}/review`,
  `/api/classes/${classId}/review/bank.yaml`,
  `/teach/classes/${classId}/review`,
  `/api/classes/${classId}/learners/${learnerId}/transcript`,
  `/teach/classes/${classId}`,
  `/teach/classes/${classId}/learners/${learnerId}`,
];

describe("who may see a class", () => {
  it("lets the class's teacher see every view", async () => {
    const { owner, mine, ada } = await twoTeachers();
    for (const path of routesOf(mine.classId, ada)) {
      expect([path, (await owner.raw(path)).status]).toEqual([path, 200]);
    }
  });

  it("answers another teacher exactly as if the class did not exist", async () => {
    const { other, mine, ada } = await twoTeachers();
    const missing = crypto.randomUUID();
    for (const [path, unknownPath] of routesOf(mine.classId, ada).map(
      (p, i) => [p, routesOf(missing, ada)[i] ?? ""] as const,
    )) {
      const res = await other.raw(path);
      const text = await res.text();
      expect([path, res.status]).toEqual([path, 404]);
      expect(text).not.toContain("Owner's secret class");
      expect(text).not.toContain("Ada");
      const unknown = await other.raw(unknownPath);
      expect(await unknown.text()).toBe(text);
    }
  });

  it("refuses a learner with 403 and a visitor without a session with 401", async () => {
    const { mine, ada } = await twoTeachers();
    const learner = t.client();
    await learner.post("/api/learners", { name: "Sneaky", classCode: mine.code });
    for (const path of routesOf(mine.classId, ada)) {
      expect([path, (await learner.raw(path)).status]).toEqual([path, 403]);
      expect([path, (await t.client().raw(path)).status]).toEqual([path, 401]);
    }
  });

  it("shows no transcript of a learner from another class, even the teacher's own", async () => {
    const { owner, mine, zed } = await twoTeachers();
    const ownOther = await seedClass(t.db, (await owner.get("/api/auth/me")).body.teacher.id, {
      now: t.clock.now,
      learners: [{ name: "Yan" }],
    });
    for (const learnerId of [zed, ownOther.learners[0]?.id ?? "", crypto.randomUUID()]) {
      const api = await owner.get(`/api/classes/${mine.classId}/learners/${learnerId}/transcript`);
      expect(api.status).toBe(404);
      const page = await owner.raw(`/teach/classes/${mine.classId}/learners/${learnerId}`);
      expect(page.status).toBe(404);
    }
  });

  it("refuses malformed ids with 400", async () => {
    const { owner, mine } = await twoTeachers();
    expect((await owner.get("/api/classes/not-an-id/progress")).body.error.code).toBe(
      "invalid_input",
    );
    const bad = await owner.get(`/api/classes/${mine.classId}/learners/nope/transcript`);
    expect(bad.status).toBe(400);
    expect((await owner.raw("/teach/classes/not-an-id")).status).toBe(400);
  });

  it("answers page errors as pages and API errors as JSON", async () => {
    const { other, mine } = await twoTeachers();
    const page = await other.raw(`/teach/classes/${mine.classId}`);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain("Class not found.");
    const api = await other.get(`/api/classes/${mine.classId}/progress`);
    expect(api.body).toEqual({ error: { code: "not_found", message: "Class not found." } });
  });
});
