import { describe, expect, it } from "vitest";
import { makeTestApp } from "../helpers/app";
import { signUpTeacher } from "../helpers/seed-class";

describe("a learner's last activity, as the teacher sees it", () => {
  it("moves with each turn, though turns no longer write the learner's row", async () => {
    const t = await makeTestApp();
    const { client: teacher } = await signUpTeacher(t.client(), "okafor@example.org");
    const created = await teacher.post("/api/classes", { name: "Year 11" });
    const { id: classId, code } = created.body.class;
    const learner = t.client();
    await learner.post("/api/learners", { name: "Ade", classCode: code });
    const joinedAt = t.clock.now;
    const lastActive = async () =>
      (await teacher.get(`/api/classes/${classId}/progress`)).body.learners[0].lastActiveAt;
    expect(await lastActive()).toBe(joinedAt);

    t.clock.now += 10 * 60_000;
    const opened = await learner.post("/api/sessions", {});
    t.clock.now += 5 * 60_000;
    await learner.post(`/api/sessions/${opened.body.session.id}/messages?stream=false`, {
      text: "Can I have a hint?",
    });
    expect(await lastActive()).toBe(t.clock.now);
    await t.close();
  });
});
