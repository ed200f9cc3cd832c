import {
  type CalculationSpec,
  type CalculationSpecInput,
  calculationSpec,
  parseQuantity,
  trainingFlops,
} from "../calculator";
import { plainView } from "../reading/text-views";

/** A calculation the learner asked for in words, as the calculator's validated spec. */
export type CalculationRequest = CalculationSpec;

const NUMBER = String.raw`\d+(?:\.\d+)?(?:e[+-]?\d+)?(?:\s*[x×*]\s*10\s*\^\s*[+-]?\d+)?`;
const COUNT = String.raw`(${NUMBER})\s*(k|thousand|m|million|b|bn|billion|t|tn|trillion)?`;

const SUFFIXES: Record<string, string> = {
  thousand: "k",
  million: "m",
  bn: "b",
  billion: "b",
  tn: "t",
  trillion: "t",
};

const PATTERNS = {
  params: new RegExp(
    String.raw`\b${COUNT}(?:[\s-]*(?:parameters?|params?)\b|[\s-]*model\b|(?=\s+(?:on|trained|with)\b))`,
  ),
  tokens: new RegExp(String.raw`\b${COUNT}[\s-]*(?:training\s+)?tokens?\b`),
  flops: new RegExp(String.raw`\b${COUNT}[\s-]*(?:flops?|flop)\b`),
  gpus: /\b(\d+(?:\.\d+)?\s*k?)[\s-]*(?:x\s*)?(?:nvidia\s+)?(h100|a100|gpus?)s?\b/,
  gpuType: /\b(h100|a100)s?\b/,
  mfu: /\b(\d+(?:\.\d+)?)\s*%\s*(?:mfu|utili[sz]ation)\b|\b(?:mfu|utili[sz]ation)\s*(?:of|at|=)?\s*(\d+(?:\.\d+)?)\s*%/,
  price: /\$\s*(\d+(?:\.\d+)?)\s*(?:\/|per)\s*(?:gpu[\s-]*)?(?:hour|hr|h)\b/,
  targetLoss: /\bloss\s*(?:of|=|below|under)?\s*(\d+(?:\.\d+)?)\b/,
};

/** Words that make a message a request to compute, not a statement that merely cites a number. */
const CALCULATION_CUE =
  /\b(?:how (?:long|much|many|big|large|fast|expensive)|calculate|compute (?:the|how)|estimate|what would|what if|what (?:is|s) the (?:loss|compute|cost)|what loss|double|doubling|twice|optimal|work out)\b/;

/** Reads a calculation request such as "how long would 70B on 1.4T tokens take on 1000 H100s?". */
export function readCalculationRequest(text: string): CalculationRequest | undefined {
  const plain = plainView(text);
  if (!CALCULATION_CUE.test(plain)) return undefined;
  const spec = draftSpec(plain);
  if (!spec) return undefined;
  const parsed = calculationSpec.safeParse(spec);
  return parsed.success ? parsed.data : undefined;
}

function draftSpec(plain: string): CalculationSpecInput | undefined {
  const params = count(plain, PATTERNS.params);
  const tokens = count(plain, PATTERNS.tokens);
  const flops =
    count(plain, PATTERNS.flops) ?? (params && tokens ? trainingFlops(params, tokens) : undefined);
  const gpus = PATTERNS.gpus.exec(plain);

  if (gpus?.[1] && flops !== undefined) {
    return trainingDraft(plain, flops, gpus[1]);
  }
  if (
    /\b(?:optimal|best (?:split|size|model)|how (?:big|large|many (?:parameters|params|tokens)) should)\b/.test(
      plain,
    )
  ) {
    const targetLoss = PATTERNS.targetLoss.exec(plain)?.[1];
    if (flops !== undefined) return { op: "optimal", flops };
    if (targetLoss) return { op: "optimal", targetLoss: Number(targetLoss) };
  }
  if (params !== undefined && /\b(?:double|doubling|twice|what if)\b/.test(plain)) {
    return tokens === undefined ? { op: "whatif", params } : { op: "whatif", params, tokens };
  }
  if (/\bloss\b/.test(plain) && (params !== undefined || flops !== undefined)) {
    return {
      op: "loss",
      ...(params !== undefined && { params }),
      ...(tokens !== undefined && { tokens }),
      ...(params === undefined && flops !== undefined && { flops }),
    };
  }
  if (params !== undefined && tokens !== undefined) return { op: "compute", params, tokens };
  return undefined;
}

function trainingDraft(plain: string, flops: number, gpuCount: string): CalculationSpecInput {
  const mfu = PATTERNS.mfu.exec(plain);
  const mfuPercent = mfu?.[1] ?? mfu?.[2];
  const price = PATTERNS.price.exec(plain)?.[1];
  return {
    op: "training",
    flops,
    gpu: PATTERNS.gpuType.exec(plain)?.[1] === "a100" ? "a100" : "h100",
    gpus: gpuCount.replace(/\s+/g, ""),
    ...(mfuPercent && { mfu: `${mfuPercent}%` }),
    ...(price && { pricePerGpuHour: Number(price) }),
  };
}

function count(plain: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(plain);
  if (!match?.[1]) return undefined;
  const suffix = match[2] ? (SUFFIXES[match[2]] ?? match[2]) : "";
  try {
    return parseQuantity(`${match[1].replace(/\s+/g, "")}${suffix}`);
  } catch {
    return undefined;
  }
}
