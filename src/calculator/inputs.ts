import { z } from "zod";
import {
  DEFAULT_FIT_ID,
  FIT_IDS,
  type FitId,
  getFit,
  INFERENCE_FIT_ID,
  lossInputProblem,
} from "./fits";
import { DEFAULT_MFU, GPU_IDS } from "./hardware";
import { lossFloor } from "./optimal";
import { parseFraction, parseQuantity, QuantityError } from "./quantity";

/** Beyond any fit's range, and small enough that 6ND stays a finite double. */
const LARGEST_QUANTITY = 1e30;

const numberOrText = z.union([z.number(), z.string()], {
  error: (issue) => {
    if (issue.input === undefined) return "is required";
    if (typeof issue.input === "number") return "must be a finite number";
    return 'must be a number or text such as "70B"';
  },
});

function readWith(parse: (input: string | number) => number) {
  return numberOrText.transform((input, ctx) => {
    try {
      return parse(input);
    } catch (error) {
      if (!(error instanceof QuantityError)) throw error;
      ctx.issues.push({ code: "custom", message: error.message, input });
      return z.NEVER;
    }
  });
}

const positive = z
  .number()
  .gt(0, "must be greater than 0")
  .lte(LARGEST_QUANTITY, `must be at most ${LARGEST_QUANTITY}`);

const count = (description: string) => readWith(parseQuantity).pipe(positive).describe(description);

const choice = <const T extends readonly [string, ...string[]]>(choices: T, what: string) =>
  z.enum(choices, {
    error: (issue) =>
      issue.input === undefined
        ? "is required"
        : `unknown ${what} ${JSON.stringify(issue.input)}: choose ${choices.join(", ")}`,
  });

/** Every field a calculation can take, each validated the same way wherever it appears. */
export const FIELDS = {
  params: count('Model parameters, e.g. "70B" or 7e10.'),
  tokens: count('Training tokens, e.g. "1.4T" or 1.4e12.'),
  flops: count('Training compute in FLOP, e.g. "5.76e23".'),
  targetLoss: count("A loss to reach, in nats per token, e.g. 2.0."),
  inferenceTokens: readWith(parseQuantity)
    .pipe(z.number().gte(0, "must not be negative").lte(LARGEST_QUANTITY))
    .describe('Tokens the model will process over its lifetime of serving, e.g. "2T".'),
  matchParams: count(
    'Match the loss of a compute-optimal model of this many parameters, e.g. "13B" for 13B-Chinchilla quality.',
  ),
  fit: choice(FIT_IDS, "fit").describe(
    `Which published fit to use: ${FIT_IDS.join(", ")}. Defaults to ${DEFAULT_FIT_ID}.`,
  ),
  gpu: choice(GPU_IDS, "GPU").describe(`GPU preset: ${GPU_IDS.join(", ")}.`),
  gpus: readWith(parseQuantity)
    .pipe(
      z
        .number()
        .int("must be a whole number")
        .gte(1, "must be at least 1")
        .lte(10_000_000, "must be at most 10,000,000"),
    )
    .describe("Number of GPUs, e.g. 1024."),
  mfu: readWith(parseFraction)
    .pipe(z.number().gt(0, "must be greater than 0").lte(1, "must be at most 1 (100%)"))
    .describe(
      `Model FLOPs utilisation, a fraction or a percentage, e.g. 0.4 or "40%". Defaults to ${DEFAULT_MFU}.`,
    ),
  pricePerGpuHour: readWith(parseQuantity)
    .pipe(z.number().gte(0, "must not be negative").lte(LARGEST_QUANTITY))
    .describe("Price per GPU-hour in USD, e.g. 2.5. Without it no cost is given."),
  powerPerGpuKw: count("Power per GPU in kW, e.g. 0.7. Defaults to the GPU's TDP."),
};

const fitWithDefault = FIELDS.fit.default(DEFAULT_FIT_ID);

/** Each fit takes its own inputs: Chinchilla's need params and tokens, Kaplan's fewer. */
function checkLossInputs(
  spec: { fit: FitId; params?: number; tokens?: number; flops?: number },
  ctx: z.RefinementCtx,
) {
  const problem = lossInputProblem(getFit(spec.fit), spec);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

const computeSpec = z.strictObject({
  op: z.literal("compute"),
  params: FIELDS.params,
  tokens: FIELDS.tokens,
});

const lossSpec = z
  .strictObject({
    op: z.literal("loss"),
    params: FIELDS.params.optional(),
    tokens: FIELDS.tokens.optional(),
    flops: FIELDS.flops.optional(),
    fit: fitWithDefault,
  })
  .superRefine(checkLossInputs);

const optimalSpec = z
  .strictObject({
    op: z.literal("optimal"),
    flops: FIELDS.flops.optional(),
    targetLoss: FIELDS.targetLoss.optional(),
    fit: fitWithDefault,
  })
  .superRefine((spec, ctx) => {
    if (spec.flops === undefined && spec.targetLoss === undefined) {
      ctx.addIssue({
        code: "custom",
        message: "give flops (a budget) or targetLoss (a loss to reach)",
      });
      return;
    }
    if (spec.flops !== undefined && spec.targetLoss !== undefined) {
      ctx.addIssue({ code: "custom", message: "give either flops or targetLoss, not both" });
      return;
    }
    const floor = lossFloor(getFit(spec.fit));
    if (spec.targetLoss !== undefined && spec.targetLoss <= floor) {
      ctx.addIssue({
        code: "custom",
        path: ["targetLoss"],
        message: `must be above ${spec.fit}'s irreducible loss of ${floor.toFixed(3)} nats/token`,
      });
    }
  });

const inferenceOptimalSpec = z
  .strictObject({
    op: z.literal("inferenceOptimal"),
    inferenceTokens: FIELDS.inferenceTokens,
    targetLoss: FIELDS.targetLoss.optional(),
    matchParams: FIELDS.matchParams.optional(),
    fit: FIELDS.fit.default(INFERENCE_FIT_ID),
  })
  .superRefine((spec, ctx) => {
    const fit = getFit(spec.fit);
    if (fit.kind !== "parametric") {
      ctx.addIssue({
        code: "custom",
        path: ["fit"],
        message: `${spec.fit} has no L(N, D) of the Chinchilla form; choose a parametric fit such as ${INFERENCE_FIT_ID}`,
      });
      return;
    }
    if ((spec.targetLoss === undefined) === (spec.matchParams === undefined)) {
      ctx.addIssue({
        code: "custom",
        message:
          "give either targetLoss (a loss to reach) or matchParams (a Chinchilla-optimal size whose loss to match)",
      });
      return;
    }
    if (spec.targetLoss !== undefined && spec.targetLoss <= fit.E) {
      ctx.addIssue({
        code: "custom",
        path: ["targetLoss"],
        message: `must be above ${spec.fit}'s irreducible loss of ${fit.E.toFixed(3)} nats/token`,
      });
    }
  });

const trainingSpec = z.strictObject({
  op: z.literal("training"),
  flops: FIELDS.flops,
  gpu: FIELDS.gpu,
  gpus: FIELDS.gpus,
  mfu: FIELDS.mfu.default(DEFAULT_MFU),
  pricePerGpuHour: FIELDS.pricePerGpuHour.optional(),
  powerPerGpuKw: FIELDS.powerPerGpuKw.optional(),
});

const whatIfSpec = z
  .strictObject({
    op: z.literal("whatif"),
    params: FIELDS.params,
    tokens: FIELDS.tokens.optional(),
    fit: fitWithDefault,
  })
  .superRefine(checkLossInputs);

export const OPS = [
  "compute",
  "loss",
  "optimal",
  "inferenceOptimal",
  "training",
  "whatif",
] as const;
export type Op = (typeof OPS)[number];

/**
 * One calculator call, as the API, the model's tool and lesson nodes write it, e.g.
 * { op: "compute", params: "175B", tokens: "300B" }.
 */
export const calculationSpec = z.discriminatedUnion(
  "op",
  [computeSpec, lossSpec, optimalSpec, inferenceOptimalSpec, trainingSpec, whatIfSpec],
  {
    error: (issue) =>
      issue.code === "invalid_union" ? `op must be one of ${OPS.join(", ")}` : undefined,
  },
);

/** A spec as written (numbers may still be text like "70B"). */
export type CalculationSpecInput = z.input<typeof calculationSpec>;
/** A validated spec: numbers parsed, defaults filled in. */
export type CalculationSpec = z.output<typeof calculationSpec>;
export type SpecFor<O extends Op> = Extract<CalculationSpec, { op: O }>;
