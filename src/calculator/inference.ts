import { FLOP_PER_PARAM_TOKEN } from "./compute";
import { CalculatorError } from "./errors";
import { type FitRef, type ParametricFit, parametricLoss } from "./fits";
import { computeOptimalTokens, flopsForLoss, optimalAllocation } from "./optimal";

/** Serving runs the forward pass only: about 2 FLOP per parameter per token (Kaplan et al. 2020, Section 2.1). */
export const INFERENCE_FLOP_PER_PARAM_TOKEN = 2;

const SARDANA =
  "Sardana, Portes, Doubov & Frankle 2023, Beyond Chinchilla-Optimal (arXiv:2401.00448), Section 2, eq. 3";

/** A model over its lifetime: its size and training data, and the FLOPs to train and to serve it. */
export type LifetimePlan = {
  params: number;
  tokens: number;
  tokensPerParam: number;
  trainingFlops: number;
  inferenceFlops: number;
  totalFlops: number;
};

export type InferenceOptimum = {
  targetLoss: number;
  inferenceTokens: number;
  /** The model that reaches targetLoss for the fewest training plus inference FLOPs. */
  optimum: LifetimePlan;
  /** The compute-optimal (Chinchilla-style) model of the same loss, serving the same tokens. */
  chinchilla: LifetimePlan;
  /** Total FLOPs the optimum saves against the Chinchilla-style model. */
  savedFlops: number;
  /** savedFlops as a fraction of the Chinchilla-style model's total. */
  savedFraction: number;
  fit: FitRef;
};

/** The loss of a compute-optimal model of `params` parameters: "an N-Chinchilla-quality model". */
export function computeOptimalLoss(fit: ParametricFit, params: number): number {
  return parametricLoss(fit, params, computeOptimalTokens(fit, params));
}

/** Training tokens a model of `params` parameters needs to reach `loss`; Infinity if it never does. */
export function tokensForLoss(fit: ParametricFit, params: number, loss: number): number {
  const dataTerm = loss - fit.E - fit.A / params ** fit.alpha;
  return dataTerm > 0 ? (fit.B / dataTerm) ** (1 / fit.beta) : Number.POSITIVE_INFINITY;
}

/**
 * The size and training data that minimise 6·N·D_tr + 2·N·D_inf subject to L(N, D_tr) = loss
 * (Sardana et al. 2023, Section 2). There is no closed form once inference counts, so this
 * finds where the total's derivative in N changes sign, by bisection: it is negative just above
 * the smallest size that can reach the loss at all, and equals 2·D_inf ≥ 0 at the Chinchilla
 * size, where training alone is at its minimum.
 */
export function inferenceOptimum(
  fit: ParametricFit,
  targetLoss: number,
  inferenceTokens: number,
): InferenceOptimum {
  const chinchillaParams = optimalAllocation(fit, flopsForLoss(fit, targetLoss)).params;
  // Below this size even infinite data leaves the loss above the target.
  const smallest = (fit.A / (targetLoss - fit.E)) ** (1 / fit.alpha);
  const slope = (params: number) => {
    const tokens = tokensForLoss(fit, params, targetLoss);
    if (!Number.isFinite(tokens)) return Number.NEGATIVE_INFINITY;
    const paramTerm = fit.A / params ** fit.alpha;
    const dataTerm = targetLoss - fit.E - paramTerm;
    // d/dN of 6·N·D(N) is 6·D·(1 − α·paramTerm / (β·dataTerm)).
    const training =
      FLOP_PER_PARAM_TOKEN * tokens * (1 - (fit.alpha * paramTerm) / (fit.beta * dataTerm));
    return training + INFERENCE_FLOP_PER_PARAM_TOKEN * inferenceTokens;
  };
  let low = Math.log(smallest);
  let high = Math.log(chinchillaParams);
  while (high - low > 1e-13) {
    const middle = (low + high) / 2;
    if (slope(Math.exp(middle)) < 0) low = middle;
    else high = middle;
  }
  const optimum = lifetimePlan(fit, Math.exp(high), targetLoss, inferenceTokens);
  const chinchilla = lifetimePlan(fit, chinchillaParams, targetLoss, inferenceTokens);
  if (!Number.isFinite(optimum.totalFlops)) {
    throw new CalculatorError(
      "this loss and inference demand need more compute than can be represented",
    );
  }
  const savedFlops = chinchilla.totalFlops - optimum.totalFlops;
  return {
    targetLoss,
    inferenceTokens,
    optimum,
    chinchilla,
    savedFlops,
    savedFraction: savedFlops / chinchilla.totalFlops,
    fit: {
      id: fit.id,
      name: fit.name,
      law: "minimum of 6·N·D_tr + 2·N·D_inf subject to E + A / N^α + B / D_tr^β = target loss",
      source: `${SARDANA}; constants: ${fit.source}`,
    },
  };
}

function lifetimePlan(
  fit: ParametricFit,
  params: number,
  loss: number,
  inferenceTokens: number,
): LifetimePlan {
  const tokens = tokensForLoss(fit, params, loss);
  const trainingFlops = FLOP_PER_PARAM_TOKEN * params * tokens;
  const inferenceFlops = INFERENCE_FLOP_PER_PARAM_TOKEN * params * inferenceTokens;
  return {
    params,
    tokens,
    tokensPerParam: tokens / params,
    trainingFlops,
    inferenceFlops,
    totalFlops: trainingFlops + inferenceFlops,
  };
}
