import { describe, expect, it } from "vitest";
import { lesson } from "../../src/curriculum/lesson";
import { loadSessionAnswers } from "../../src/db/queries/reviews";
import { exemplarKey, nearIdentical } from "../../src/review/exemplars";
import { replayMastery } from "../../src/review/mastery";
import { parseMessageMeta } from "../../src/teach/message-meta";
import { makeTestApp } from "../helpers/app";
import { learnerAtCheck } from "../helpers/learner";

const same = (a: string, b: string) => nearIdentical(exemplarKey(a), exemplarKey(b));

describe("near-identical answers", () => {
  it("match across case, punctuation, contractions and a small misspelling", () => {
    const answer = "Both predict the next word; the chatbot is just far bigger.";
    expect(same(answer, "both predict the next word the chatbot is just far bigger")).toBe(true);
    expect(same(answer, "Both predict the next wrod, the chatbot is just far bigger")).toBe(true);
    expect(same("it doesnt think", "it does not think")).toBe(true);
  });

  it("do not match when a word is added, negated, or a number changed", () => {
    const answer = "the chatbot is bigger, it is the same task";
    expect(same(answer, "the chatbot is bigger, it is not the same task")).toBe(false);
    expect(same("it is the same task", "it isn't the same task")).toBe(false);
    expect(same("about 6 flops per token", "about 8 flops per token")).toBe(false);
    expect(same(answer, "the chatbot is smaller, it is the same tusk")).toBe(false);
    expect(same("", "")).toBe(false);
  });
});

describe("mastery replayed from stored answers", () => {
  it("reproduces the engine's mastery exactly when no grade was corrected", async () => {
    const t = await makeTestApp();
    try {
      const learner = await learnerAtCheck(t.client(), "Ada");
      for (const text of ["no idea", "they are different, one thinks", "hint"]) {
        await learner.client.post(`/api/sessions/${learner.id}/messages?stream=false`, { text });
      }
      const session = await loadSessionAnswers(t.db, learner.id);
      if (!session) throw new Error("no session");
      const replayed = replayMastery(
        lesson,
        session.answers.map((a) => ({ ...a, observed: parseMessageMeta(a.meta).observed })),
      );
      const stored = JSON.parse(session.state).mastery as Record<string, number>;
      expect(Object.keys(replayed).sort()).toEqual(Object.keys(stored).sort());
      for (const [kc, known] of Object.entries(stored)) expect(replayed[kc]).toBeCloseTo(known, 12);
      // Guiding answers, check answers: both were observed.
      expect(session.answers.length).toBeGreaterThan(2);
    } finally {
      t.close();
    }
  });
});
