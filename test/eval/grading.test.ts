import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lesson } from "../../src/curriculum/lesson";
import { attackPasses } from "./grading-attacks";
import { type EvalItem, isStalePaste, measure, outcomeOf } from "./grading-score";

/**
 * Holds the reader's quality on the test half of the blind-written answer set (never studied;
 * `npm run eval:grading test` prints the same numbers). Floors are the aims where the
 * reader meets them, else the level reached, so a change can only keep or raise them.
 */
const items = (
  JSON.parse(readFileSync("test/eval/grading/test.json", "utf8")) as EvalItem[]
).filter((item) => !isStalePaste(lesson, item));
const measures = measure(items.map((item) => outcomeOf(lesson, item)));

describe("the reader on answers it never saw (test half)", () => {
  it("accepts at least 90% of right answers", () => {
    expect(measures.correctRecall).toBeGreaterThanOrEqual(0.9);
  });
  it("is right at least 94% of the times it says correct", () => {
    expect(measures.correctPrecision).toBeGreaterThanOrEqual(0.94);
  });
  it("catches at least 88% of misconceptions with the right id", () => {
    expect(measures.misconceptionRecall).toBeGreaterThanOrEqual(0.88);
  });
  it("accepts at most 3% of wrong answers", () => {
    expect(measures.wrongAccepted).toBeLessThanOrEqual(0.03);
  });
  it("reads at least 92% of guiding answers right (the five 2026 nodes read 78-93% on the dev half)", () => {
    expect(measures.guidingAccuracy).toBeGreaterThanOrEqual(0.92);
  });
  it("lets at most 2 of the set's gaming answers pass", () => {
    expect(measures.gamingPasses).toBeLessThanOrEqual(2);
  });
});

describe("attacks that need no labels", () => {
  const attacks = attackPasses(lesson);
  it("lets one keyword list pass at most one check question", () => {
    expect(attacks.keywordPasses).toBeLessThanOrEqual(1);
  });
  it("lets no node's own explanation pass its check question", () => {
    expect(attacks.pastedPasses).toBe(0);
  });
});
