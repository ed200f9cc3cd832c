import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTestApp } from "../helpers/app";
import { learnerAtCheck } from "../helpers/learner";
import { signUpTeacher } from "../helpers/seed-class";

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

const SHARED = [
  "my email is sam.lee@example.com",
  "call me at 555-123-4567",
  "my email is sam@home.example",
];

describe("a message that only shares personal data", () => {
  it("is not graded and not counted as stuck; the teacher sees it flagged", async () => {
    const { client: teacher } = await signUpTeacher(t.client(), "teacher@school.example");
    const created = await teacher.post("/api/classes", { name: "Period 5" });
    const { id: classId, code } = created.body.class;
    const sam = await learnerAtCheck(t.client(), "Sam", code);

    const replies: string[] = [];
    for (const text of SHARED) {
      const res = await sam.client.post(`/api/sessions/${sam.id}/messages?stream=false`, { text });
      expect(res.status).toBe(200);
      replies.push(res.body.reply.text);
    }
    // A caution (said once: the tutor does not repeat itself), and the question (in full or in
    // short) each time.
    expect(replies[0]).toContain("Please don't share personal details");
    const { question: full, short } = sam.node.check;
    for (const reply of replies) {
      expect(reply.includes(full) || reply.includes(short), reply).toBe(true);
    }

    const progress = await teacher.get(`/api/classes/${classId}/progress`);
    const learner = progress.body.learners.find((l: { name: string }) => l.name === "Sam");
    expect(learner).toMatchObject({ wrongAnswers: 0, hints: 0, stuck: false, flags: 3 });
    expect(progress.body.stuck).toEqual([]);
    const question = progress.body.questions.find((q: any) => q.nodeId === sam.node.id);
    expect(question.attempts).toBe(0);

    const transcript = await teacher.get(
      `/api/classes/${classId}/learners/${sam.learnerId}/transcript`,
    );
    const shared = transcript.body.sessions[0].messages.filter((m: any) => SHARED.includes(m.text));
    expect(shared.map((m: any) => m.marks.map((mark: any) => mark.label))).toEqual([
      ["Shared personal data"],
      ["Shared personal data"],
      ["Shared personal data"],
    ]);
  });
});
