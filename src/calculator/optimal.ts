import { flopsToPfDays, pfDaysToFlops, tokensForBudget } from "./compute";
import { CalculatorError } from "./errors";
import type { Fit, FitRef, KaplanFit, ParametricFit } from "./fits";
import { parametricLoss } from "./fits";

/** How to spend a compute budget, and the loss the fit predicts for it. */
export type Allocation = {
  flops: number;
  params: number;
  tokens: number;
  tokensPerParam: number;
  loss: number;
  fit: FitRef;
};

/**
 * The parameters and tokens that minimise loss for a budget of `flops`.
 * Parametric fits: the closed form of Hoffmann et al. 2022, Section 3.3 (efficient frontier),
 * N = G (C/6)^(β/(α+β)), D = G^-1 (C/6)^(α/(α+β)), G = (αA / βB)^(1/(α+β)).
 * Kaplan: their fitted frontier N = 1.3e9 × C_min^0.73 with the loss L(C_min); it comes from
 * runs stopped before convergence, so it is not the minimum of their L(N, D) along 6ND = C.
 */
export function optimalAllocation(fit: Fit, flops: number): Allocation {
  const params =
    fit.kind === "parametric" ? parametricOptimalParams(fit, flops) : kaplanParams(fit, flops);
  const tokens = tokensForBudget(flops, params);
  const loss =
    fit.kind === "parametric"
      ? parametricLoss(fit, params, tokens)
      : (fit.compute.scale / flopsToPfDays(flops)) ** fit.compute.exponent;
  return { flops, params, tokens, tokensPerParam: tokens / params, loss, fit: optimumRef(fit) };
}

/** The lowest loss a fit allows at any budget: E for parametric fits, zero for Kaplan's. */
export function lossFloor(fit: Fit): number {
  return fit.kind === "parametric" ? fit.E : 0;
}

/** The smallest budget whose compute-optimal model reaches `targetLoss`. */
export function flopsForLoss(fit: Fit, targetLoss: number): number {
  const floor = lossFloor(fit);
  if (!(targetLoss > floor)) {
    throw new CalculatorError(
      `a loss of ${targetLoss} is not above ${fit.id}'s floor of ${floor.toFixed(3)} nats/token, so no budget reaches it`,
    );
  }
  const flops =
    fit.kind === "parametric"
      ? parametricFlopsForLoss(fit, targetLoss)
      : pfDaysToFlops(fit.compute.scale * targetLoss ** (-1 / fit.compute.exponent));
  if (!Number.isFinite(flops)) {
    throw new CalculatorError(`a loss of ${targetLoss} needs more compute than can be represented`);
  }
  return flops;
}

/** Loss of a model of `params` parameters that spends the whole budget `flops` (D = C / 6N). */
export function isoFlopLoss(fit: ParametricFit, flops: number, params: number): number {
  return parametricLoss(fit, params, tokensForBudget(flops, params));
}

/**
 * The tokens that make a model of `params` parameters compute-optimal: the inverse of the
 * frontier N = G (C/6)^(β/(α+β)), so C/6 = (N/G)^((α+β)/β) and D = C / 6N.
 */
export function computeOptimalTokens(fit: ParametricFit, params: number): number {
  const budgetOverSix = (params / frontierScale(fit)) ** ((fit.alpha + fit.beta) / fit.beta);
  return budgetOverSix / params;
}

/** G of Hoffmann et al.'s closed form: N_opt = G (C/6)^(β/(α+β)). */
function frontierScale({ A, B, alpha, beta }: ParametricFit): number {
  return ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
}

function parametricOptimalParams(fit: ParametricFit, flops: number): number {
  return frontierScale(fit) * (flops / 6) ** (fit.beta / (fit.alpha + fit.beta));
}

/**
 * Along the frontier both terms fall with the same power of C, αβ/(α+β), so
 * L*(C) = E + K (C/6)^-(αβ/(α+β)) with K = A G^-α + B G^β, which inverts in closed form.
 */
function parametricFlopsForLoss(fit: ParametricFit, targetLoss: number): number {
  const { E, A, B, alpha, beta } = fit;
  const G = frontierScale(fit);
  const K = A * G ** -alpha + B * G ** beta;
  const exponent = (alpha * beta) / (alpha + beta);
  return 6 * ((targetLoss - E) / K) ** (-1 / exponent);
}

function kaplanParams(fit: KaplanFit, flops: number): number {
  return fit.frontier.scale * flopsToPfDays(flops) ** fit.frontier.exponent;
}

function optimumRef(fit: Fit): FitRef {
  if (fit.kind === "parametric") {
    return {
      id: fit.id,
      name: fit.name,
      law: "minimum of E + A / N^α + B / D^β along 6ND = C",
      source: fit.source,
    };
  }
  return {
    id: fit.id,
    name: fit.name,
    law: "N_opt = 1.3e9 × C_min^0.73, L(C) = (C_c / C_min)^α_C",
    source: `${fit.frontier.source}; ${fit.compute.source}`,
  };
}
