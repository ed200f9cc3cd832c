import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lesson } from "../../src/curriculum/lesson";
import { messages } from "../../src/db/schema";
import { makeTestApp } from "../helpers/app";
import type { TestClient } from "../helpers/client";
import { learnerWithSession } from "../helpers/learner";
import { signUpTeacher } from "../helpers/seed-class";

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

const start = lesson.nodes.find((n) => n.id === "phone-vs-frontier");
if (!start) throw new Error("the lesson's first node changed");

const teacher = async () => (await signUpTeacher(t.client(), "teacher@school.example")).client;
/** POSTs a preview request for the lesson's first node; `check` unless a guiding step is named. */
const preview = (client: TestClient, text: string, target: object = { question: "check" }) =>
  client.post("/api/preview/answer", { nodeId: start.id, ...target, text });
const storedMessages = async () => (await t.db.select({ n: count() }).from(messages))[0]?.n;

describe("a teacher tries an answer before class", () => {
  it("shows the reading and the reply a fresh learner would get, storing nothing", async () => {
    const client = await teacher();
    const before = await storedMessages();
    const res = await preview(
      client,
      "honestly theyre both just guessing the next word, the chatbot is like a million times bigger",
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      intent: "answer",
      verdict: "correct",
      keyIdeasFound: ["same-task", "scale-separates"],
      keyIdeasMissing: [],
    });
    // Credited in the learner's own words.
    expect(res.body.reply).toContain(
      "“honestly theyre both just guessing the next word, the chatbot is like a million times bigger”",
    );
    expect(await storedMessages()).toBe(before);
  });

  it("names a misconception, even one asked as a question", async () => {
    const client = await teacher();
    const res = await preview(
      client,
      "is it that the chatbot was built to actually think and reason, not predict words?",
    );
    expect(res.body).toMatchObject({ verdict: "misconception", misconceptionId: "different-task" });
  });

  it("reads a guiding answer as shown or not, and flags a keyword list", async () => {
    const client = await teacher();
    const shown = await preview(
      client,
      "nah same job really, both are guessing whatever word comes next",
      { question: "guiding", step: 0 },
    );
    expect(shown.body.verdict).toBe("shown");
    const listed = await preview(
      client,
      "scale, parameters, data, compute, next word, same task, emergence, power law",
    );
    expect(listed.body).toMatchObject({ verdict: "unrecognised", flag: { kind: "gaming" } });
    expect(listed.body.reply).toContain("your own words");
  });

  it("says what is wrong with a request it cannot read", async () => {
    const client = await teacher();
    const unknownNode = await client.post("/api/preview/answer", {
      nodeId: "no-such-node",
      question: "check",
      text: "anything",
    });
    expect(unknownNode.status).toBe(400);
    expect(JSON.stringify(unknownNode.body.error)).toContain("nodeId");
    const noStep = await preview(client, "anything", { question: "guiding" });
    expect(noStep.status).toBe(400);
    expect(JSON.stringify(noStep.body.error)).toContain("step");
    const empty = await preview(client, "   ");
    expect(empty.status).toBe(400);
  });

  it("is for teachers only", async () => {
    const anonymous = await preview(t.client(), "same task, bigger");
    expect(anonymous.status).toBe(401);
    const learner = t.client();
    await learnerWithSession(learner);
    const asLearner = await preview(learner, "same task, bigger");
    expect(asLearner.status).toBe(403);
    expect((await learner.raw("/teach/lesson")).status).not.toBe(200);
  });

  it("lists every question of the lesson with a box to try an answer", async () => {
    const client = await teacher();
    const res = await client.raw("/teach/lesson");
    expect(res.status).toBe(200);
    const html = await res.text();
    const questions = lesson.nodes.reduce((n, node) => n + node.voices.socratic.length + 1, 0);
    expect(html.match(/<form class="try-answer"/g)).toHaveLength(questions);
    expect(html).toContain('data-preview-question="check"');
    expect(html).not.toContain(start.check.rubric.samples.correct.at(-1) ?? "-");
  });
});
