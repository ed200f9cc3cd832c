import type { z } from "zod";
import { flopsToPfDays, trainingFlops } from "./compute";
import { CalculatorError } from "./errors";
import { getFit, type LossEstimate, lossOf } from "./fits";
import { GPUS, type TrainingEstimate, trainingEstimate } from "./hardware";
import { computeOptimalLoss, type InferenceOptimum, inferenceOptimum } from "./inference";
import { type CalculationSpec, calculationSpec, type Op, type SpecFor } from "./inputs";
import { type Allocation, flopsForLoss, optimalAllocation } from "./optimal";
import { summarize } from "./summary";
import { type WhatIf, whatIf } from "./whatif";

export type ComputeResult = { flops: number; pfDays: number };

export type ResultFor = {
  compute: ComputeResult;
  loss: LossEstimate;
  optimal: Allocation;
  inferenceOptimal: InferenceOptimum;
  training: TrainingEstimate;
  whatif: WhatIf;
};

const OPERATIONS: { [O in Op]: (spec: SpecFor<O>) => ResultFor[O] } = {
  compute: ({ params, tokens }) => {
    const flops = trainingFlops(params, tokens);
    return { flops, pfDays: flopsToPfDays(flops) };
  },
  loss: ({ fit, params, tokens, flops }) => lossOf(getFit(fit), { params, tokens, flops }),
  optimal: ({ fit, flops, targetLoss }) => {
    const chosen = getFit(fit);
    if (flops !== undefined) return optimalAllocation(chosen, flops);
    if (targetLoss !== undefined)
      return optimalAllocation(chosen, flopsForLoss(chosen, targetLoss));
    throw new CalculatorError("give either flops or targetLoss");
  },
  inferenceOptimal: ({ fit, inferenceTokens, targetLoss, matchParams }) => {
    const chosen = getFit(fit);
    if (chosen.kind !== "parametric") throw new CalculatorError(`${fit} has no L(N, D)`);
    if (targetLoss !== undefined) return inferenceOptimum(chosen, targetLoss, inferenceTokens);
    if (matchParams !== undefined) {
      return inferenceOptimum(chosen, computeOptimalLoss(chosen, matchParams), inferenceTokens);
    }
    throw new CalculatorError("give either targetLoss or matchParams");
  },
  training: ({ flops, gpu, gpus, mfu, pricePerGpuHour, powerPerGpuKw }) =>
    trainingEstimate({ flops, gpu: GPUS[gpu], gpus, mfu, pricePerGpuHour, powerPerGpuKw }),
  whatif: ({ fit, params, tokens }) => whatIf(getFit(fit), params, tokens),
};

/**
 * Runs a validated spec. The HTTP API, the model's tool, the page and lesson nodes all come
 * through here, so they agree on every number. Throws CalculatorError when a result would not
 * be a finite number.
 */
export function calculate<O extends Op>(spec: SpecFor<O>): ResultFor[O] {
  const operation = OPERATIONS[spec.op] as (spec: SpecFor<O>) => ResultFor[O];
  const result = operation(spec);
  const infinite = firstNonFiniteNumber(result);
  if (infinite) {
    throw new CalculatorError(`${infinite} is out of range for these inputs; use smaller numbers`);
  }
  return result;
}

/** The spec could not be read; `zodError.issues` says which fields and why. */
export class InvalidCalculationError extends CalculatorError {
  override name = "InvalidCalculationError";
  constructor(readonly zodError: z.ZodError) {
    const issues = zodError.issues.map((i) => `${i.path.join(".") || "spec"}: ${i.message}`);
    super(`Invalid calculation. ${issues.join("; ")}`);
  }
}

/** Validates a spec written as data (numbers may be text like "70B"). */
export function parseCalculationSpec(input: unknown): CalculationSpec {
  const parsed = calculationSpec.safeParse(input);
  if (!parsed.success) throw new InvalidCalculationError(parsed.error);
  return parsed.data;
}

export type CalculationOutcome = {
  [O in Op]: { op: O; spec: SpecFor<O>; result: ResultFor[O]; summary: string };
}[Op];

/** Computes a validated spec and says the result in a sentence. */
export function describeCalculation(spec: CalculationSpec): CalculationOutcome {
  const result = calculate(spec);
  return { op: spec.op, spec, result, summary: summarize(spec, result) } as CalculationOutcome;
}

/**
 * For lesson nodes and the tutor: validates `input`, computes, and says the result in a
 * sentence. Throws InvalidCalculationError for a bad spec and CalculatorError for one that
 * cannot be computed.
 */
export function runCalculation(input: unknown): CalculationOutcome {
  return describeCalculation(parseCalculationSpec(input));
}

/** Path of the first number in `value` that is NaN or infinite, e.g. "seconds". */
function firstNonFiniteNumber(value: unknown, path = "result"): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : path;
  if (value === null || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const found = firstNonFiniteNumber(child, key);
    if (found) return found;
  }
  return null;
}
