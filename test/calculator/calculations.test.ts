import { describe, expect, it } from "vitest";
import {
  CalculatorError,
  calculationSpec,
  InvalidCalculationError,
  runCalculation,
} from "../../src/calculator";
import { expectWithin } from "./relative";

/** The message runCalculation throws for `spec`. */
function failure(spec: unknown): string {
  try {
    runCalculation(spec);
  } catch (error) {
    if (error instanceof CalculatorError) return error.message;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(spec)} to fail`);
}

describe("runCalculation: a lesson's worked example, computed and said in a sentence", () => {
  it("compute: GPT-3's training compute", () => {
    const outcome = runCalculation({ op: "compute", params: "175B", tokens: "300B" });
    expect(outcome.op).toBe("compute");
    expect(outcome.result).toEqual({ flops: 3.15e23, pfDays: 3.15e23 / 8.64e19 });
    expect(outcome.summary).toBe(
      "6 × 175B parameters × 300B tokens = 3.15e23 FLOP, or 3,646 PF-days.",
    );
  });

  it("loss: defaults to the unrounded Chinchilla fit and names its source", () => {
    const outcome = runCalculation({ op: "loss", params: "70B", tokens: "1.4T" });
    if (outcome.op !== "loss") throw new Error("wrong op");
    expect(outcome.spec.fit).toBe("hoffmann2022");
    expect(outcome.result.fit.source).toMatch(/Hoffmann et al\. 2022.*Section 3\.3/);
    expect(outcome.summary).toMatch(
      /predicts a loss of 1\.921 nats\/token for 70B parameters trained on 1\.4T tokens/,
    );
  });

  it("loss with Kaplan's fit: the law follows the inputs given", () => {
    const byParams = runCalculation({ op: "loss", params: "175B", fit: "kaplan2020" });
    const byCompute = runCalculation({ op: "loss", flops: "3.14e23", fit: "kaplan2020" });
    if (byParams.op !== "loss" || byCompute.op !== "loss") throw new Error("wrong op");
    expect(byParams.result.fit.law).toBe("L(N) = (N_c / N)^α_N");
    expect(byParams.result.fit.source).toMatch(/eq\. 1\.1/);
    expect(byCompute.result.fit.law).toBe("L(C) = (C_c / C_min)^α_C");
    expect(byCompute.summary).toMatch(/compute-efficient run of 3\.14e23 FLOP/);
  });

  it("optimal: from a budget, or from a loss to reach", () => {
    const fromBudget = runCalculation({ op: "optimal", flops: "5.76e23" });
    expect(fromBudget.summary).toMatch(
      /optimum at 40\.4B parameters on 2\.38T tokens \(58\.9 tokens per parameter\)/,
    );
    const fromLoss = runCalculation({ op: "optimal", targetLoss: 2 });
    if (fromLoss.op !== "optimal") throw new Error("wrong op");
    expectWithin(fromLoss.result.loss, 2, 1e-9);
    expect(fromLoss.summary).toMatch(/^Reaching 2\.000 nats\/token takes at least 7\.81e22 FLOP/);
  });

  it("training: GPT-3's compute on 1024 A100s at 40% (the default MFU)", () => {
    const outcome = runCalculation({
      op: "training",
      flops: "3.14e23",
      gpu: "a100",
      gpus: 1024,
      pricePerGpuHour: 2,
    });
    if (outcome.op !== "training") throw new Error("wrong op");
    expect(outcome.spec.mfu).toBe(0.4);
    const seconds = 3.14e23 / (1024 * 312e12 * 0.4);
    expectWithin(outcome.result.seconds, seconds, 1e-12);
    expectWithin(outcome.result.gpuHours, (1024 * seconds) / 3600, 1e-12);
    expectWithin(outcome.result.energyKwh, ((1024 * seconds) / 3600) * 0.4, 1e-12);
    expectWithin(outcome.result.costUsd ?? 0, ((1024 * seconds) / 3600) * 2, 1e-12);
    expect(outcome.summary).toBe(
      "3.14e23 FLOP on 1,024 × NVIDIA A100 SXM4 at 40% utilisation takes 28.4 days: 699K GPU-hours, 280 MWh of GPU energy, and $1.4M at $2 per GPU-hour.",
    );
  });

  it("training without a price gives no cost, and power can be overridden", () => {
    const outcome = runCalculation({
      op: "training",
      flops: 1e23,
      gpu: "h100",
      gpus: "1k",
      mfu: "50%",
      powerPerGpuKw: 1.2,
    });
    if (outcome.op !== "training") throw new Error("wrong op");
    expect(outcome.result.costUsd).toBeNull();
    expectWithin(outcome.result.energyKwh, outcome.result.gpuHours * 1.2, 1e-12);
    expect(outcome.summary).not.toMatch(/\$/);
  });

  it("whatif: Llama 3 8B against the compute-optimal model at its budget", () => {
    const outcome = runCalculation({ op: "whatif", params: "8B", tokens: "15T" });
    if (outcome.op !== "whatif") throw new Error("wrong op");
    const same = outcome.result.sameBudget;
    expect(same?.optimal.params).toBeGreaterThan(40e9);
    expect(same?.paramsRatio).toBeLessThan(0.2);
    expect(outcome.summary).toMatch(
      /For the same 7\.2e23 FLOP the optimal model has 44\.7B parameters/,
    );
  });

  it("whatif with Kaplan's L(N) only: doubling parameters is about 5% lower loss", () => {
    const outcome = runCalculation({ op: "whatif", params: "175B", fit: "kaplan2020" });
    if (outcome.op !== "whatif") throw new Error("wrong op");
    expect(outcome.result.doubleTokens).toBeNull();
    expect(outcome.result.sameBudget).toBeNull();
    expect(outcome.result.notes[0]).toMatch(/Give tokens/);
    expect(outcome.summary).toMatch(/\(−5\.1%\)/);
  });

  it("whatif with Kaplan's fit says why it makes no same-budget comparison", () => {
    const outcome = runCalculation({
      op: "whatif",
      params: "175B",
      tokens: "300B",
      fit: "kaplan2020",
    });
    if (outcome.op !== "whatif") throw new Error("wrong op");
    expect(outcome.result.sameBudget).toBeNull();
    expect(outcome.result.notes.join(" ")).toMatch(/stopped before convergence/);
  });
});

describe("bad input: every kind gets a message naming the field and the fix", () => {
  it.each([
    [
      "a negative count",
      { op: "compute", params: "-70B", tokens: "1T" },
      "params: must be greater than 0",
    ],
    [
      "zero where it divides",
      { op: "training", flops: 1e23, gpu: "a100", gpus: 0 },
      "gpus: must be at least 1",
    ],
    [
      "zero parameters",
      { op: "compute", params: 0, tokens: "1T" },
      "params: must be greater than 0",
    ],
    [
      "NaN as text",
      { op: "compute", params: "NaN", tokens: "1T" },
      'params: "NaN" is not a finite number',
    ],
    [
      "NaN as a number",
      { op: "compute", params: Number.NaN, tokens: "1T" },
      "params: must be a finite number",
    ],
    [
      "Infinity",
      { op: "compute", params: "1T", tokens: "Infinity" },
      'tokens: "Infinity" is not a finite number',
    ],
    [
      "infinite number",
      { op: "optimal", flops: Number.POSITIVE_INFINITY },
      "flops: must be a finite number",
    ],
    [
      "unparsable text",
      { op: "compute", params: "seventy", tokens: "1T" },
      'params: "seventy" is not a number',
    ],
    ["a decimal comma", { op: "compute", params: "1,4T", tokens: "1T" }, "has a comma"],
    [
      "an unknown fit",
      { op: "loss", params: "1B", tokens: "1T", fit: "gpt4" },
      'fit: unknown fit "gpt4": choose hoffmann2022',
    ],
    [
      "an unknown GPU",
      { op: "training", flops: 1e23, gpu: "tpu-v4", gpus: 8 },
      'gpu: unknown GPU "tpu-v4": choose a100, h100',
    ],
    [
      "an unknown op",
      { op: "train", flops: 1e23 },
      "op: op must be one of compute, loss, optimal, inferenceOptimal, training, whatif",
    ],
    ["a missing field", { op: "compute", params: "1B" }, "tokens: is required"],
    ["a misspelt field", { op: "compute", param: "1B", tokens: "1T" }, 'Unrecognized key: "param"'],
    [
      "a fraction of a GPU",
      { op: "training", flops: 1e23, gpu: "a100", gpus: 1.5 },
      "gpus: must be a whole number",
    ],
    [
      "MFU over 100%",
      { op: "training", flops: 1e23, gpu: "a100", gpus: 8, mfu: "120%" },
      "mfu: must be at most 1 (100%)",
    ],
    [
      "a negative price",
      { op: "training", flops: 1e23, gpu: "a100", gpus: 8, pricePerGpuHour: -1 },
      "pricePerGpuHour: must not be negative",
    ],
    [
      "a parametric fit without tokens",
      { op: "loss", params: "70B" },
      "hoffmann2022 needs both params and tokens",
    ],
    [
      "Kaplan with flops and params",
      { op: "loss", params: "70B", flops: 1e23, fit: "kaplan2020" },
      "kaplan2020 takes either flops alone",
    ],
    [
      "no budget and no target",
      { op: "optimal" },
      "give flops (a budget) or targetLoss (a loss to reach)",
    ],
    [
      "a budget and a target",
      { op: "optimal", flops: 1e23, targetLoss: 2 },
      "give either flops or targetLoss, not both",
    ],
    [
      "a target below E",
      { op: "optimal", targetLoss: 1.6 },
      "targetLoss: must be above hoffmann2022's irreducible loss of 1.693",
    ],
    [
      "absurdly large",
      { op: "compute", params: "1e31", tokens: "1T" },
      "params: must be at most 1e+30",
    ],
    ["not an object", "compute 70B", "expected object"],
  ])("%s", (_case, spec, message) => {
    expect(failure(spec)).toContain(message);
  });

  it("throws InvalidCalculationError, whose issues carry the paths", () => {
    try {
      runCalculation({ op: "compute", params: "x", tokens: -1 });
      throw new Error("expected a failure");
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCalculationError);
      const paths = (error as InvalidCalculationError).zodError.issues.map((i) => i.path.join("."));
      expect(paths).toEqual(["params", "tokens"]);
    }
  });

  it("says so when an answer is beyond what a double can hold", () => {
    expect(failure({ op: "optimal", targetLoss: 1e-20, fit: "kaplan2020" })).toMatch(
      /needs more compute than can be represented/,
    );
  });

  it("the spec schema is the one lesson nodes can check when they load", () => {
    expect(
      calculationSpec.safeParse({ op: "compute", params: "175B", tokens: "300B" }).success,
    ).toBe(true);
    expect(calculationSpec.safeParse({ op: "compute", params: "175B" }).success).toBe(false);
  });
});
