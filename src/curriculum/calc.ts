import { z } from "zod";
import {
  calculationSpec,
  formatChange,
  formatCount,
  formatDuration,
  formatEnergy,
  formatLoss,
  formatNumber,
  formatPercent,
  formatRatio,
  formatScientific,
  formatUsd,
  runCalculation,
} from "../calculator";

/**
 * A named calculator call in a node: a calculator spec such as
 * `{ op: compute, params: "175B", tokens: "300B" }` plus an optional `show`, the path of the
 * one result field to print (e.g. "flops", "doubleParams.relativeChange"). Without `show` the
 * calculator's one-sentence summary is printed. The spec is kept as written ("175B") and
 * validated against the calculator's own schema, so errors point at the field.
 */
export const NodeCalculationSchema = z
  .looseObject({ op: z.string(), show: z.string().min(1).optional() })
  .superRefine((calculation, ctx) => {
    const parsed = calculationSpec.safeParse(specOf(calculation));
    for (const issue of parsed.error?.issues ?? []) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });

export type NodeCalculation = z.infer<typeof NodeCalculationSchema>;

/** Runs a calculation and formats its result for a reader; throws when it cannot run. */
export type FormatCalculation = (calculation: NodeCalculation) => string;

/** How each result field reads in prose, by field name. */
const FIELD_FORMATS: Record<string, (value: number) => string> = {
  flops: (v) => `${formatScientific(v)} FLOP`,
  trainingFlops: (v) => `${formatScientific(v)} FLOP`,
  inferenceFlops: (v) => `${formatScientific(v)} FLOP`,
  totalFlops: (v) => `${formatScientific(v)} FLOP`,
  savedFlops: (v) => `${formatScientific(v)} FLOP`,
  savedFraction: formatPercent,
  targetLoss: formatLoss,
  pfDays: (v) => `${formatNumber(v)} PF-days`,
  params: formatCount,
  tokens: formatCount,
  gpuHours: (v) => `${formatCount(v)} GPU-hours`,
  days: formatDuration,
  energyKwh: formatEnergy,
  costUsd: formatUsd,
  relativeChange: formatChange,
  loss: formatLoss,
  before: formatLoss,
  after: formatLoss,
  lossGap: formatLoss,
};

export const formatCalculation: FormatCalculation = (calculation) => {
  const outcome = runCalculation(specOf(calculation));
  const { show } = calculation;
  if (show === undefined) return outcome.summary;
  const value = show.split(".").reduce<unknown>((at, key) => fieldOf(at, key), outcome.result);
  if (typeof value !== "number") {
    throw new Error(`show: "${show}" is not a number in the result of op "${calculation.op}"`);
  }
  const field = show.split(".").at(-1) ?? show;
  return (FIELD_FORMATS[field] ?? formatRatio)(value);
};

function specOf(calculation: NodeCalculation): Record<string, unknown> {
  const { show: _show, ...spec } = calculation;
  return spec;
}

function fieldOf(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object"
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
