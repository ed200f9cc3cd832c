import { tool, zodSchema } from "ai";
import { z } from "zod";
import { calculationSpec, describeCalculation, FIELDS, OPS } from "../../calculator";

/**
 * Model providers want a plain object at the top of a tool's input schema, so the tool takes
 * every field flat and then validates the object with the same `calculationSpec` as the HTTP API.
 */
export const calculatorToolInput = z
  .object({
    op: z.enum(OPS).describe("Which calculation to run."),
    params: FIELDS.params.optional(),
    tokens: FIELDS.tokens.optional(),
    flops: FIELDS.flops.optional(),
    targetLoss: FIELDS.targetLoss.optional(),
    inferenceTokens: FIELDS.inferenceTokens.optional(),
    matchParams: FIELDS.matchParams.optional(),
    fit: FIELDS.fit.optional(),
    gpu: FIELDS.gpu.optional(),
    gpus: FIELDS.gpus.optional(),
    mfu: FIELDS.mfu.optional(),
    pricePerGpuHour: FIELDS.pricePerGpuHour.optional(),
    powerPerGpuKw: FIELDS.powerPerGpuKw.optional(),
  })
  .transform((flat, ctx) => {
    const parsed = calculationSpec.safeParse(flat);
    if (parsed.success) return parsed.data;
    for (const { message, path } of parsed.error.issues)
      ctx.addIssue({ code: "custom", message, path });
    return z.NEVER;
  });

const DESCRIPTION = `Scaling-law calculator: use it for every number about training compute, predicted loss, compute-optimal size, training time or cost; do not work these out yourself.
Operations and their fields:
- compute: params, tokens -> training FLOP (6ND) and PF-days.
- loss: params, tokens, fit -> loss in nats/token. With fit kaplan2020 you may give params only, tokens only, or flops only.
- optimal: flops (a budget) or targetLoss, fit -> compute-optimal params, tokens, tokens per parameter, loss.
- inferenceOptimal: inferenceTokens and either targetLoss or matchParams (a compute-optimal size whose loss to match), fit (default sardana2023) -> the size and training tokens that minimise training plus inference FLOPs, against the compute-optimal model of the same loss.
- training: flops, gpu, gpus, optional mfu (default 0.4), pricePerGpuHour, powerPerGpuKw -> days, GPU-hours, cost, energy.
- whatif: params, tokens, fit -> loss after doubling parameters, tokens or compute, and the optimal model at the same budget.
Numbers may be written like "70B", "1.4T" or "3.14e23". The result has a one-sentence summary; quote its numbers and cite result.fit.source.`;

/**
 * The calculator as an AI SDK tool; register it under the name `calculator`. Wrapped once with
 * `zodSchema` so its JSON schema is built once, not on every model call.
 */
export const calculatorTool = tool({
  description: DESCRIPTION,
  inputSchema: zodSchema(calculatorToolInput),
  execute: (spec) => describeCalculation(spec),
});
