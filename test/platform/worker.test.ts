import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lesson } from "../../src/curriculum/lesson";
import { statusTally, TestClient } from "../helpers/client";
import { learnerWithSession } from "../helpers/learner";
import { type RunningServer, startWorkerServer, tempDir } from "../helpers/servers";
import { strongLearner } from "../tutor/learners";
import { signUpCreateJoinReadBack } from "./flow";

describe("the Worker build on a local D1", () => {
  const dir = tempDir("tutor-worker-");
  let server: RunningServer;

  beforeAll(async () => {
    server = await startWorkerServer(dir.dir);
  });
  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });

  const client = () => new TestClient((request) => fetch(request), server.url);

  it("answers its health check with the database up", async () => {
    const health = await client().get("/healthz");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "ok", database: "ok" });
  });

  it("signs up a teacher, creates a class, joins a learner and reads it back", async () => {
    await signUpCreateJoinReadBack(client);
  });

  it("refuses bad input with the same JSON errors as Node", async () => {
    const bad = await client().post("/api/learners", { name: "Kim", classCode: "ZZZZZZ" });
    expect(bad.status).toBe(404);
    expect(bad.body.error.code).toBe("unknown_class_code");
  });

  it("checks no more than 60 of 100 concurrent resume-code guesses on D1", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 100 }, () =>
        client().post("/api/learners/resume", { resumeCode: "AAAA-BBBB-CCCC" }),
      ),
    );
    expect(statusTally(guesses)).toEqual({ 404: 60, 429: 40 });
  });

  it("serves the same lesson graph as Node, without answer keys", async () => {
    const res = await client().get("/api/curriculum");
    expect(res.status).toBe(200);
    expect(res.body.nodes.map((n: { id: string }) => n.id)).toEqual(lesson.nodes.map((n) => n.id));
    const served = JSON.stringify(res.body);
    for (const node of lesson.nodes) {
      for (const sample of node.check.rubric.samples.correct) expect(served).not.toContain(sample);
    }
  });

  it("runs a tutor turn with the offline model and stores it in D1", async () => {
    const learner = client();
    const { session } = await learnerWithSession(learner);
    const id = session.session.id;
    const turn = await learner.post(`/api/sessions/${id}/messages?stream=false`, {
      text: "Why do bigger models need more data?",
    });
    expect(turn.status).toBe(200);
    expect(turn.body.answer.length).toBeGreaterThan(40);
    const read = await learner.get(`/api/sessions/${id}`);
    expect(read.body.transcript.map((m: { role: string }) => m.role)).toEqual([
      "tutor",
      "learner",
      "tutor",
      "tutor",
    ]);
  });

  it("answers the calculator API", async () => {
    const res = await client().get("/api/calculator/compute?params=175B&tokens=300B");
    expect(res.status).toBe(200);
    expect(res.body.flops).toBeCloseTo(3.15e23, -21);
  });

  it("shows a teacher the class's progress, graded answers included, and exports it", async () => {
    const teacher = client();
    await teacher.post("/api/teachers", {
      email: `w-${crypto.randomUUID()}@school.example`,
      name: "W",
      password: "a long passphrase",
    });
    const klass = (await teacher.post("/api/classes", { name: "Worker class" })).body.class;
    const learner = client();
    await learner.post("/api/learners", { name: "Lou", classCode: klass.code });
    const opened = (await learner.post("/api/sessions", {})).body;
    const node = lesson.nodes.find((n) => n.id === lesson.start);
    if (!node) throw new Error("no start node");
    let state = opened.state;
    while (state.phase === "socratic") {
      const turn = await learner.post(`/api/sessions/${opened.session.id}/messages?stream=false`, {
        text: strongLearner(node, state),
      });
      state = turn.body.state;
    }
    const misconception = node.check.rubric.misconceptions[0];
    const wrong = node.check.rubric.samples.misconceptions[misconception?.id ?? ""]?.[0] ?? "";
    await learner.post(`/api/sessions/${opened.session.id}/messages?stream=false`, { text: wrong });
    const progress = await teacher.get(`/api/classes/${klass.id}/progress`);
    expect(progress.status).toBe(200);
    expect(progress.body.learners).toEqual([
      expect.objectContaining({ name: "Lou", nodeId: lesson.start }),
    ]);
    const csv = await teacher.raw(`/api/classes/${klass.id}/export.csv`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("Lou");
    const page = await teacher.raw(`/teach/classes/${klass.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Lou");
  });
});
