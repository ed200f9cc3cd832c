import { describe, expect, it } from "vitest";
import { probability, trainLogistic } from "../../src/reading/logistic";

const examples = [
  { features: ["#same", "#predict"], positive: true },
  { features: ["#same", "task"], positive: true },
  { features: ["#predict", "#next-token"], positive: true },
  { features: ["!#same", "task"], positive: false },
  { features: ["#different", "task"], positive: false },
  { features: ["weather"], positive: false },
];

describe("the build-time classifier", () => {
  const model = trainLogistic(examples);

  it("separates what it was trained on", () => {
    for (const example of examples) {
      expect(probability(model, example.features) > 0.5).toBe(example.positive);
    }
  });

  it("treats an answer of unseen words as no evidence", () => {
    expect(probability(model, ["purple", "elephants"])).toBe(0);
  });

  it("is deterministic", () => {
    expect(trainLogistic(examples)).toEqual(model);
  });

  it("refuses a training set with one class only", () => {
    expect(() => trainLogistic(examples.filter((e) => e.positive))).toThrow();
  });
});
