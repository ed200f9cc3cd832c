import {
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
} from "./format";
import type { LifetimePlan } from "./inference";
import type { Op, SpecFor } from "./inputs";
import type { ResultFor } from "./run";
import type { LossChange } from "./whatif";

const nats = (loss: number) => `${formatLoss(loss)} nats/token`;

const DESCRIBE: { [O in Op]: (spec: SpecFor<O>, result: ResultFor[O]) => string } = {
  compute: ({ params, tokens }, { flops, pfDays }) =>
    `6 × ${formatCount(params)} parameters × ${formatCount(tokens)} tokens = ${formatScientific(flops)} FLOP, or ${formatNumber(pfDays)} PF-days.`,

  loss: ({ params, tokens, flops }, { loss, fit }) => {
    const what =
      flops !== undefined
        ? `a compute-efficient run of ${formatScientific(flops)} FLOP`
        : describeModel(params, tokens);
    return `${fit.name} predicts a loss of ${nats(loss)} for ${what} (${fit.law}).`;
  },

  optimal: ({ targetLoss }, { flops, params, tokens, tokensPerParam, loss, fit }) => {
    const budget =
      targetLoss === undefined
        ? `With ${formatScientific(flops)} FLOP`
        : `Reaching ${nats(targetLoss)} takes at least ${formatScientific(flops)} FLOP; there`;
    return `${budget}, ${fit.name} puts the optimum at ${formatCount(params)} parameters on ${formatCount(tokens)} tokens (${formatRatio(tokensPerParam)} tokens per parameter), for a loss of ${nats(loss)}.`;
  },

  inferenceOptimal: ({ matchParams }, r) => {
    const quality =
      matchParams === undefined
        ? `a loss of ${nats(r.targetLoss)}`
        : `the loss of a compute-optimal ${formatCount(matchParams)} model (${nats(r.targetLoss)})`;
    const plan = ({ params, tokens, tokensPerParam }: LifetimePlan) =>
      `${formatCount(params)} parameters on ${formatCount(tokens)} tokens (${formatRatio(tokensPerParam)} tokens per parameter)`;
    return `To reach ${quality} and then serve ${formatCount(r.inferenceTokens)} tokens, ${r.fit.name} puts the fewest total FLOPs at ${plan(r.optimum)}: ${formatScientific(r.optimum.totalFlops)} FLOP for training and serving. The compute-optimal model, ${plan(r.chinchilla)}, needs ${formatScientific(r.chinchilla.totalFlops)} FLOP, so the smaller model saves ${formatPercent(r.savedFraction)}.`;
  },

  training: ({ flops, gpus, mfu, pricePerGpuHour }, r) => {
    const cost =
      r.costUsd === null || pricePerGpuHour === undefined
        ? ""
        : `, and ${formatUsd(r.costUsd)} at $${formatNumber(pricePerGpuHour, 2)} per GPU-hour`;
    return `${formatScientific(flops)} FLOP on ${formatNumber(gpus)} × ${r.gpu.name} at ${formatPercent(mfu)} utilisation takes ${formatDuration(r.days)}: ${formatCount(r.gpuHours)} GPU-hours, ${formatEnergy(r.energyKwh)} of GPU energy${cost}.`;
  },

  whatif: (_spec, r) => {
    const change = (what: string, c: LossChange | null) =>
      c === null
        ? []
        : [
            `${what}: ${formatLoss(c.before)} → ${formatLoss(c.after)} (${formatChange(c.relativeChange)})`,
          ];
    const doublings = [
      ...change("Doubling parameters moves the loss", r.doubleParams),
      ...change("doubling tokens", r.doubleTokens),
    ].join("; ");
    const compute =
      r.doubleCompute === null
        ? ""
        : ` At the compute-optimal split, doubling the budget takes it from ${formatLoss(r.doubleCompute.before)} to ${formatLoss(r.doubleCompute.after)} (${formatChange(r.doubleCompute.relativeChange)}).`;
    const same = r.sameBudget;
    const budget =
      same === null
        ? ""
        : ` For the same ${formatScientific(same.optimal.flops)} FLOP the optimal model has ${formatCount(same.optimal.params)} parameters on ${formatCount(same.optimal.tokens)} tokens, with a loss ${formatLoss(same.lossGap)} lower.`;
    return `${doublings} (nats/token).${compute}${budget}`;
  },
};

function describeModel(params?: number, tokens?: number): string {
  if (params !== undefined && tokens !== undefined) {
    return `${formatCount(params)} parameters trained on ${formatCount(tokens)} tokens`;
  }
  if (params !== undefined) return `${formatCount(params)} parameters with unlimited data`;
  if (tokens !== undefined) return `${formatCount(tokens)} tokens with an unlimited model`;
  return "no model";
}

/** One sentence a learner can read, with the numbers of `result`. */
export function summarize<O extends Op>(spec: SpecFor<O>, result: ResultFor[O]): string {
  const describe = DESCRIBE[spec.op] as (spec: SpecFor<O>, result: ResultFor[O]) => string;
  return describe(spec, result);
}
