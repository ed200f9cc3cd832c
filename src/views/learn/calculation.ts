// The formatters come straight from format.ts: the calculator's index also loads its zod
// schemas, which the browser bundle does not need.
import {
  formatCount,
  formatDuration,
  formatEnergy,
  formatLoss,
  formatScientific,
  formatUsd,
} from "../../calculator/format";
import { type Bar, type BarPlot, barPlot } from "./bar-plot";
import { h, type MarkupElement } from "./markup";

/** A calculator result attached to a tutor turn: `{ op, input, result, summary }`. */
export type Calculation = {
  op: string;
  input: Record<string, unknown>;
  result: Record<string, unknown>;
  summary: string;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The calculation in a turn's data or a stored message's meta, if it has the expected shape. */
export function readCalculation(value: unknown): Calculation | undefined {
  if (!isRecord(value) || typeof value.op !== "string" || typeof value.summary !== "string") {
    return undefined;
  }
  if (!isRecord(value.result)) return undefined;
  const input = isRecord(value.input) ? value.input : {};
  return { op: value.op, input, result: value.result, summary: value.summary };
}

/** The number at a dotted path, or undefined when anything on the way is missing. */
function numberAt(record: Record<string, unknown>, path: string): number | undefined {
  let value: unknown = record;
  for (const key of path.split(".")) value = isRecord(value) ? value[key] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

type BarSource = [label: string, value: number | undefined, format: (n: number) => string];

function bars(sources: BarSource[]): Bar[] {
  return sources.flatMap(([label, value, format]) =>
    value === undefined ? [] : [{ label, value, text: format(value) }],
  );
}

const TITLES: Record<string, string> = {
  compute: "Training compute",
  loss: "Predicted loss",
  optimal: "Compute-optimal size",
  inferenceOptimal: "Sized for training plus serving",
  training: "Training time and cost",
  whatif: "What doubling buys",
};

function plotOf({ op, input, result }: Calculation): BarPlot | undefined {
  const log = (sources: BarSource[]): BarPlot => ({ scale: "log", bars: bars(sources) });
  switch (op) {
    case "compute":
      return log([
        ["Parameters", numberAt(input, "params"), formatCount],
        ["Tokens", numberAt(input, "tokens"), formatCount],
        ["FLOP", numberAt(result, "flops"), formatScientific],
      ]);
    case "optimal":
      return log([
        ["Parameters", numberAt(result, "params"), formatCount],
        ["Tokens", numberAt(result, "tokens"), formatCount],
        ["FLOP", numberAt(result, "flops"), formatScientific],
      ]);
    case "inferenceOptimal":
      return log([
        ["Parameters, inference-aware", numberAt(result, "optimum.params"), formatCount],
        ["Parameters, compute-optimal", numberAt(result, "chinchilla.params"), formatCount],
        ["FLOP, inference-aware", numberAt(result, "optimum.totalFlops"), formatScientific],
        ["FLOP, compute-optimal", numberAt(result, "chinchilla.totalFlops"), formatScientific],
      ]);
    case "training":
      return log([
        ["Days", numberAt(result, "days"), formatDuration],
        ["GPU-hours", numberAt(result, "gpuHours"), formatCount],
        ["Energy (kWh)", numberAt(result, "energyKwh"), formatEnergy],
        ["Cost (USD)", numberAt(result, "costUsd"), formatUsd],
      ]);
    case "whatif":
      // From zero, so the bars show how modest a doubling's gain is.
      return {
        scale: "linear",
        bars: bars([
          ["As given", numberAt(result, "base.loss"), formatLoss],
          ["2× parameters", numberAt(result, "doubleParams.after"), formatLoss],
          ["2× tokens", numberAt(result, "doubleTokens.after"), formatLoss],
          ["2× compute", numberAt(result, "doubleCompute.after"), formatLoss],
        ]),
      };
    default:
      return undefined;
  }
}

/**
 * A card with the calculator's sentence (unless the message already says it) and, where numbers
 * compare, a small bar plot.
 */
export function calculationCard(calculation: Calculation, withSummary: boolean): MarkupElement {
  const plot = plotOf(calculation);
  const drawn = plot && plot.bars.length > 0 ? plot : undefined;
  const title = TITLES[calculation.op] ?? "Calculator";
  return h(
    "figure",
    { class: "calc-card" },
    h(
      "figcaption",
      {},
      h("span", { class: "calc-title" }, title, drawn?.scale === "log" ? " · log scale" : ""),
      withSummary && h("span", { class: "calc-summary" }, calculation.summary),
    ),
    drawn && barPlot(drawn),
  );
}
