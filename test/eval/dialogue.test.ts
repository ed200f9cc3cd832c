import { beforeAll, describe, expect, it } from "vitest";
import { runDialogueEval } from "./dialogue-run";

/** The aims of the issue "Conversation", held on scripted learners talking to the real app. */
let m: Awaited<ReturnType<typeof runDialogueEval>>;
beforeAll(async () => {
  m = await runDialogueEval();
}, 120_000);

describe("the dialogue with scripted learners", () => {
  it("takes a strong learner, writing in their own words, through the lesson in about one try per check", () => {
    expect(m.strong.finished).toBe(true);
    expect(m.strong.checkAttemptsPerNode).toBeLessThanOrEqual(1.2);
  });

  it("repeats at most 5% of a session's paragraphs", () => {
    expect(m.worstSessionRepeatedShare).toBeLessThanOrEqual(0.05);
  });

  it("shows nothing that would pass a check question before the learner has tried it", () => {
    expect(m.givenAwayBeforeAttempt).toBe(0);
    expect(m.hintsOnlyFinished).toBe(true);
    expect(m.gamingPasses).toBe(0);
  });

  it("keeps ordinary replies short", () => {
    expect(m.replyWords.median).toBeLessThanOrEqual(80);
  });

  it("redirects every off-topic message in one sentence and the question, within 40 words", () => {
    expect(m.offTopic.redirected).toBe(m.offTopic.messages);
    expect(m.offTopic.longestRedirectWords).toBeLessThanOrEqual(40);
  });

  it("answers what a word means in at most 120 words, gives the number in every voice, and follows up 'why?'", () => {
    expect(m.curious.longestDefinitionWords).toBeLessThanOrEqual(120);
    expect(m.curious.numberInEveryVoice).toBe(true);
    expect(m.curious.whyAnsweredInContext).toBe(true);
  });
});
