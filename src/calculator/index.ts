/** The scaling-law calculator: pure functions, no I/O. Everything outside imports from here. */
export {
  FLOP_PER_PARAM_TOKEN,
  FLOP_PER_PF_DAY,
  flopsToPfDays,
  paramsForBudget,
  pfDaysToFlops,
  tokensForBudget,
  trainingFlops,
} from "./compute";
export { CalculatorError } from "./errors";
export {
  DEFAULT_FIT_ID,
  FIT_IDS,
  FITS,
  type Fit,
  type FitId,
  type FitRef,
  getFit,
  INFERENCE_FIT_ID,
  isFitId,
  type KaplanFit,
  type LossEstimate,
  type LossInputs,
  lossOf,
  type ParametricFit,
  parametricLoss,
} from "./fits";
export {
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
export {
  DEFAULT_MFU,
  GPU_IDS,
  GPUS,
  type Gpu,
  type GpuId,
  impliedMfu,
  type TrainingEstimate,
  trainingEstimate,
} from "./hardware";
export {
  computeOptimalLoss,
  INFERENCE_FLOP_PER_PARAM_TOKEN,
  type InferenceOptimum,
  inferenceOptimum,
  type LifetimePlan,
  tokensForLoss,
} from "./inference";
export {
  type CalculationSpec,
  type CalculationSpecInput,
  calculationSpec,
  FIELDS,
  OPS,
  type Op,
  type SpecFor,
} from "./inputs";
export { MODEL_PRESETS, type ModelPreset, type ModelWithCompute, withCompute } from "./models";
export {
  type Allocation,
  computeOptimalTokens,
  flopsForLoss,
  isoFlopLoss,
  lossFloor,
  optimalAllocation,
} from "./optimal";
export { parseFraction, parseQuantity, QuantityError } from "./quantity";
export {
  type CalculationOutcome,
  type ComputeResult,
  calculate,
  describeCalculation,
  InvalidCalculationError,
  parseCalculationSpec,
  type ResultFor,
  runCalculation,
} from "./run";
export { type LossChange, type WhatIf, whatIf } from "./whatif";
