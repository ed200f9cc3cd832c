import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { lesson } from "../../src/curriculum/lesson";
import { AnswerBankSchema } from "../../src/curriculum/schema";
import { makeTestApp } from "../helpers/app";
import { learnerAtCheck } from "../helpers/learner";
import { signUpTeacher } from "../helpers/seed-class";

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

/** A right answer (same task, scale separates) the offline reader takes as only partly right. */
const MISREAD =
  "Both continue your sentence. The keyboard one is a pocket version, the chatbot is enormous.";
/** The same answer as a classmate types it: a misspelt word, other case and punctuation. */
const CLASSMATE =
  "both continue your sentence - the keyboard one is a pocket version the chatbot is enormus";

const send = (client: ReturnType<typeof t.client>, id: string, text: string) =>
  client.post(`/api/sessions/${id}/messages?stream=false`, { text });

/** A teacher's class with two learners at the start node's check question; Ada's answer misread. */
async function classWithMisreadAnswer() {
  const { client: teacher } = await signUpTeacher(t.client(), "teacher@school.example");
  const created = await teacher.post("/api/classes", { name: "Period 2" });
  const { id: classId, code } = created.body.class;
  const ada = await learnerAtCheck(t.client(), "Ada", code);
  const bo = await learnerAtCheck(t.client(), "Bo", code);
  const answered = await send(ada.client, ada.id, MISREAD);
  expect(answered.status).toBe(200);
  return { teacher, classId, ada, bo };
}

const masteryOf = async (teacher: ReturnType<typeof t.client>, classId: string, name: string) => {
  const progress = await teacher.get(`/api/classes/${classId}/progress`);
  return progress.body.learners.find((l: { name: string }) => l.name === name);
};

describe("the review queue", () => {
  it("lists an answer the tutor read as partly right, with the question and what it found", async () => {
    const { teacher, classId, ada } = await classWithMisreadAnswer();
    const queue = await teacher.get(`/api/classes/${classId}/review`);
    expect(queue.status).toBe(200);
    expect(queue.body.answers).toEqual([
      {
        id: expect.any(String),
        learnerId: ada.learnerId,
        learnerName: "Ada",
        nodeId: lesson.start,
        question: ada.node.check.question,
        text: MISREAD,
        verdict: "partial",
        keyIdeasFound: ["scale-separates"],
        at: expect.any(Number),
      },
    ]);
  });

  it("replaces the grade everywhere, recomputes mastery and reads a classmate's same answer as right", async () => {
    const { teacher, classId, ada, bo } = await classWithMisreadAnswer();
    const before = await masteryOf(teacher, classId, "Ada");
    const [answer] = (await teacher.get(`/api/classes/${classId}/review`)).body.answers;

    const reviewed = await teacher.post(`/api/classes/${classId}/review/${answer.id}`, {
      verdict: "correct",
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.review).toMatchObject({
      verdict: "correct",
      keyIdeas: ["same-task", "scale-separates"],
    });

    const after = await masteryOf(teacher, classId, "Ada");
    for (const kc of ada.node.kcs) expect(after.mastery[kc]).toBeGreaterThan(before.mastery[kc]);
    expect((await teacher.get(`/api/classes/${classId}/review`)).body.answers).toEqual([]);

    const transcript = await teacher.get(
      `/api/classes/${classId}/learners/${ada.learnerId}/transcript`,
    );
    const graded = transcript.body.sessions[0].messages.find(
      (m: { text: string }) => m.text === MISREAD,
    );
    expect(graded.marks.map((m: { type: string }) => m.type)).toEqual(["correct"]);
    const xapi = await teacher.get(`/api/classes/${classId}/xapi`);
    const statement = xapi.body.find(
      (s: { result?: { response?: string } }) => s.result?.response === MISREAD,
    );
    expect(statement.result.success).toBe(true);
    const csv = await (await teacher.raw(`/api/classes/${classId}/export.csv`)).text();
    const [header = "", ...rows] = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
    const adaRow = (rows.find((line) => line.includes(",Ada,")) ?? "").split(",");
    const kc = ada.node.kcs[0] ?? "";
    const column = header.split(",").indexOf(`mastery:${kc}`);
    expect(Number(adaRow[column])).toBeCloseTo(after.mastery[kc], 3);

    // Bo writes the same answer with a typo: read with the teacher's verdict, so he moves on.
    const bos = await send(bo.client, bo.id, CLASSMATE);
    expect(bos.body.state.nodeId).not.toBe(lesson.start);
    const bosTranscript = await teacher.get(
      `/api/classes/${classId}/learners/${bo.learnerId}/transcript`,
    );
    const bosAnswer = bosTranscript.body.sessions[0].messages.find(
      (m: { text: string }) => m.text === CLASSMATE,
    );
    expect(bosAnswer.marks.map((m: { type: string }) => m.type)).toContain("correct");
    // A different answer is still read by the tutor.
    const guest = await learnerAtCheck(t.client(), "Guest");
    const guests = await send(guest.client, guest.id, CLASSMATE);
    expect(guests.body.state.nodeId).toBe(lesson.start);
  });

  it("shows the class's verdict in the teacher's answer preview for that class only", async () => {
    const { teacher, classId } = await classWithMisreadAnswer();
    const [answer] = (await teacher.get(`/api/classes/${classId}/review`)).body.answers;
    await teacher.post(`/api/classes/${classId}/review/${answer.id}`, { verdict: "correct" });
    const body = { nodeId: lesson.start, question: "check", text: CLASSMATE };
    const inClass = await teacher.post("/api/preview/answer", { ...body, classId });
    expect(inClass.body.verdict).toBe("correct");
    const anywhere = await teacher.post("/api/preview/answer", body);
    expect(anywhere.body.verdict).toBe("partial");
    const { client: other } = await signUpTeacher(t.client(), "other@school.example");
    const notTheirs = await other.post("/api/preview/answer", { ...body, classId });
    expect(notTheirs.status).toBe(404);
  });

  it("does not carry a verdict to an answer with words added", async () => {
    const { teacher, classId, bo } = await classWithMisreadAnswer();
    const [answer] = (await teacher.get(`/api/classes/${classId}/review`)).body.answers;
    await teacher.post(`/api/classes/${classId}/review/${answer.id}`, {
      verdict: "misconception",
      misconceptionId: "different-task",
    });
    const reply = await send(bo.client, bo.id, `${MISREAD} Not really.`);
    const feedback = lesson.nodes
      .find((node) => node.id === lesson.start)
      ?.check.rubric.misconceptions.find((m) => m.id === "different-task")?.feedback;
    expect(feedback).toBeTruthy();
    expect(reply.body.reply.text).not.toContain(feedback);
    const transcript = await teacher.get(
      `/api/classes/${classId}/learners/${bo.learnerId}/transcript`,
    );
    const graded = transcript.body.sessions[0].messages.find(
      (m: { text: string }) => m.text === `${MISREAD} Not really.`,
    );
    expect(graded.marks.map((m: { type: string }) => m.type)).not.toContain("misconception");
  });

  it("exports reviewed answers as answer-bank entries", async () => {
    const { teacher, classId } = await classWithMisreadAnswer();
    const [answer] = (await teacher.get(`/api/classes/${classId}/review`)).body.answers;
    await teacher.post(`/api/classes/${classId}/review/${answer.id}`, { verdict: "correct" });
    const res = await teacher.raw(`/api/classes/${classId}/review/bank.yaml`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".*\.yaml"/);
    const [document] = parseAllDocuments(await res.text()).map((d) => d.toJS());
    const bank = AnswerBankSchema.partial({ guiding: true })
      .extend({
        check: AnswerBankSchema.shape.check.partial(),
      })
      .parse(document);
    expect(bank).toEqual({ node: lesson.start, check: { complete: [MISREAD] } });
  });
});

describe("bad verdicts and other people's answers", () => {
  it("answers a clear 400 and changes nothing", async () => {
    const { teacher, classId } = await classWithMisreadAnswer();
    const [answer] = (await teacher.get(`/api/classes/${classId}/review`)).body.answers;
    const path = `/api/classes/${classId}/review/${answer.id}`;
    const bad = [
      { verdict: "great" },
      { verdict: "misconception" },
      { verdict: "misconception", misconceptionId: "not-a-misconception" },
      { verdict: "correct", misconceptionId: "different-task" },
      { verdict: "partial", keyIdeas: ["same-objective"] },
      { verdict: "correct", extra: 1 },
    ];
    for (const body of bad) {
      const res = await teacher.post(path, body);
      expect([JSON.stringify(body), res.status, res.body.error.code]).toEqual([
        JSON.stringify(body),
        400,
        "invalid_input",
      ]);
      expect(res.body.error.issues.length).toBeGreaterThan(0);
    }
    const queue = await teacher.get(`/api/classes/${classId}/review`);
    expect(queue.body.answers.map((a: { verdict: string }) => a.verdict)).toEqual(["partial"]);
  });

  it("answers another teacher, a learner and an unknown message as if nothing were there", async () => {
    const { teacher, classId, ada } = await classWithMisreadAnswer();
    const { client: other } = await signUpTeacher(t.client(), "other@school.example");
    expect((await other.get(`/api/classes/${classId}/review`)).status).toBe(404);
    expect((await other.raw(`/api/classes/${classId}/review/bank.yaml`)).status).toBe(404);
    const [answer] = (await teacher.get(`/api/classes/${classId}/review`)).body.answers;
    for (const messageId of [answer.id, crypto.randomUUID()]) {
      const res = await other.post(`/api/classes/${classId}/review/${messageId}`, {
        verdict: "correct",
      });
      expect(res.status).toBe(404);
    }
    const unknown = await teacher.post(`/api/classes/${classId}/review/${crypto.randomUUID()}`, {
      verdict: "correct",
    });
    expect(unknown.status).toBe(404);
    expect((await teacher.get(`/api/classes/${classId}/review`)).body.answers).toHaveLength(1);
    expect((await ada.client.get(`/api/classes/${classId}/review`)).status).toBe(403);
  });
});
