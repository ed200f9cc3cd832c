import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeOptimalLoss,
  computeOptimalTokens,
  getFit,
  inferenceOptimum,
  type ParametricFit,
  parametricLoss,
} from "../../src/calculator";
import { expectWithin } from "./relative";
import { getJson } from "./test-app";

const sardana = getFit("sardana2023") as ParametricFit;

/** The value as a paper prints it: `digits` significant figures. */
const rounded = (value: number, digits: number) => Number(value.toPrecision(digits));

/** The inference-aware optimum for "an N-Chinchilla-quality model" serving `inferenceTokens`. */
const matching = (params: number, inferenceTokens: number) =>
  inferenceOptimum(sardana, computeOptimalLoss(sardana, params), inferenceTokens);

describe("Sardana et al. 2023, Beyond Chinchilla-Optimal: the published examples", () => {
  it("Figure 1: a 13B model serving 2T tokens is better replaced by a 7B model, saving 1.7e22 FLOP (17%)", () => {
    const result = matching(13e9, 2e12);
    expect(rounded(result.optimum.params, 1)).toBe(7e9);
    expect(rounded(result.savedFlops, 2)).toBe(1.7e22);
    expect(Math.round(result.savedFraction * 100)).toBe(17);
    // The Chinchilla-style model it replaces is the 13B one.
    expectWithin(result.chinchilla.params, 13e9, 1e-9);
  });

  it("Section 2: 7B-Chinchilla quality with 1e11 inference tokens: 6B parameters on 1.18x the data", () => {
    const result = matching(7e9, 1e11);
    expect(rounded(result.optimum.params, 1)).toBe(6e9);
    expect(rounded(result.optimum.tokens / result.chinchilla.tokens, 3)).toBe(1.18);
  });

  it("Section 2: 30B-Chinchilla quality with 1e13 inference tokens: 13.6B on 2.84x the data, 28% fewer FLOPs", () => {
    const result = matching(30e9, 1e13);
    expect(rounded(result.optimum.params, 3)).toBe(13.6e9);
    expect(rounded(result.optimum.tokens / result.chinchilla.tokens, 3)).toBe(2.84);
    expect(Math.round(result.savedFraction * 100)).toBe(28);
  });

  it("Appendix B.1, Table 2: 70B-Chinchilla (4.26T tokens) with 1e13 inference tokens: 41.6B on 7.92T, 12% fewer FLOPs", () => {
    // 4.255T here: within the printed figure's rounding plus a hair (their root-finder's tolerance).
    expectWithin(computeOptimalTokens(sardana, 70e9), 4.26e12, 0.0015);
    const result = matching(70e9, 1e13);
    expect(rounded(result.optimum.params, 3)).toBe(41.6e9);
    expect(rounded(result.optimum.tokens, 3)).toBe(7.92e12);
    expect(Math.round(result.savedFraction * 100)).toBe(12);
  });

  it("the constants as Hoffmann et al. print them (α 0.34, β 0.28) do not reproduce Figure 1", () => {
    const printed = getFit("hoffmann2022-rounded") as ParametricFit;
    const result = inferenceOptimum(printed, computeOptimalLoss(printed, 13e9), 2e12);
    expect(Math.round(result.savedFraction * 100)).not.toBe(17);
  });
});

describe("the inference-aware optimum, for any demand and quality", () => {
  const loss = fc.double({ min: 1.8, max: 3.5, noNaN: true });
  const demand = fc.double({ min: 8, max: 16, noNaN: true }).map((e) => 10 ** e);

  it("reaches the target loss exactly, with a model no larger than the compute-optimal one", () => {
    fc.assert(
      fc.property(loss, demand, (target, tokens) => {
        const { optimum, chinchilla } = inferenceOptimum(sardana, target, tokens);
        expectWithin(parametricLoss(sardana, optimum.params, optimum.tokens), target, 1e-9);
        expect(optimum.params).toBeLessThanOrEqual(chinchilla.params * (1 + 1e-9));
        expect(optimum.totalFlops).toBeLessThanOrEqual(chinchilla.totalFlops * (1 + 1e-12));
      }),
    );
  });

  it("costs less in total than a model 1% larger or smaller at the same loss", () => {
    fc.assert(
      fc.property(loss, demand, (target, tokens) => {
        const { optimum } = inferenceOptimum(sardana, target, tokens);
        for (const scale of [0.99, 1.01]) {
          const params = optimum.params * scale;
          const trainTokens =
            (sardana.B / (target - sardana.E - sardana.A / params ** sardana.alpha)) **
            (1 / sardana.beta);
          const total = 6 * params * trainTokens + 2 * params * tokens;
          expect(total).toBeGreaterThan(optimum.totalFlops);
        }
      }),
    );
  });

  it("with no inference demand it is the compute-optimal (Chinchilla) model", () => {
    fc.assert(
      fc.property(loss, (target) => {
        const { optimum, chinchilla, savedFraction } = inferenceOptimum(sardana, target, 0);
        expectWithin(optimum.params, chinchilla.params, 1e-9);
        expect(Math.abs(savedFraction)).toBeLessThan(1e-12);
      }),
    );
  });

  it("more expected inference means a smaller model trained on more tokens per parameter", () => {
    const [light, medium, heavy] = [1e10, 1e12, 1e14].map(
      (tokens) => matching(30e9, tokens).optimum,
    );
    for (const [less, more] of [
      [light, medium],
      [medium, heavy],
    ] as const) {
      expect(more?.params).toBeLessThan(less?.params ?? 0);
      expect(more?.tokensPerParam).toBeGreaterThan(less?.tokensPerParam ?? Infinity);
    }
  });
});

describe("GET /api/calculator/inference-optimal", () => {
  it("answers Figure 1's question, with both plans, the saving and the fit's source", async () => {
    const { status, body } = await getJson(
      "/api/calculator/inference-optimal?matchParams=13B&inferenceTokens=2T",
    );
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual([
      "chinchilla",
      "fit",
      "inferenceTokens",
      "optimum",
      "savedFlops",
      "savedFraction",
      "targetLoss",
    ]);
    expect(rounded(body.optimum.params, 1)).toBe(7e9);
    expect(Math.round(body.savedFraction * 100)).toBe(17);
    expect(body.fit.id).toBe("sardana2023");
    expect(body.fit.source).toMatch(/Sardana.*2023/);
  });

  it("takes a target loss and another Chinchilla-form fit", async () => {
    const { status, body } = await getJson(
      "/api/calculator/inference-optimal?targetLoss=2.1&inferenceTokens=1e13&fit=besiroglu2024",
    );
    expect(status).toBe(200);
    expect(body.targetLoss).toBe(2.1);
    expect(body.fit.id).toBe("besiroglu2024");
    expect(body.optimum.params).toBeLessThan(body.chinchilla.params);
  });

  it.each([
    ["matchParams=13B", "inferenceTokens", "is required"],
    ["matchParams=13B&inferenceTokens=-1", "inferenceTokens", "must not be negative"],
    ["matchParams=13B&inferenceTokens=lots", "inferenceTokens", '"lots" is not a number'],
    ["inferenceTokens=2T", "", "give either targetLoss"],
    ["targetLoss=2&matchParams=13B&inferenceTokens=2T", "", "give either targetLoss"],
    ["targetLoss=1.6&inferenceTokens=2T", "targetLoss", "irreducible loss"],
    [
      "matchParams=13B&inferenceTokens=2T&fit=kaplan2020",
      "fit",
      "no L(N, D) of the Chinchilla form",
    ],
  ])("?%s is a 400 naming %s", async (query, field, message) => {
    const { status, body } = await getJson(`/api/calculator/inference-optimal?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.issues).toContainEqual({
      path: field,
      message: expect.stringContaining(message),
    });
  });
});
