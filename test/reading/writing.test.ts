import { describe, expect, it } from "vitest";
import { normaliseWriting } from "../../src/curriculum/writing";
import { spellerFor } from "../../src/reading/spelling";

describe("normalising how learners write", () => {
  it.each([
    [
      "its not a different task, dont overthink it",
      "its not a different task, do not overthink it",
    ],
    ["C = 6 × N × D", "c  equals  6  times  n  times  d"],
    ["about 3 x 10^23 flop", "about 3e23 flop"],
    ["10^24 FLOP", "1e24 flop"],
    ["loss ≈ 1.7", "loss  about  1.7"],
    ["bc its bigger", "because its bigger"],
  ])("%j", (text, expected) => {
    expect(normaliseWriting(text)).toBe(expected);
  });
});

describe("spelling toward the lesson's words", () => {
  const speller = spellerFor(["parameters", "compute", "predict", "tokens", "emergence"]);
  it("corrects a word one or two edits away from a lesson word", () => {
    expect(speller("more paramters and more compue")).toBe("more parameters and more compute");
    expect(speller("emergance")).toBe("emergence");
  });
  it("leaves short words, numbers and words it knows alone", () => {
    expect(speller("the tokn 6nd")).toBe("the tokn 6nd");
    expect(speller("predict")).toBe("predict");
  });
});
