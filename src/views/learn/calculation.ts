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

type Source = [label: string, value: number | undefined, format: (n: number) => string];

/** The sources that have a value, as labelled texts (a bar's length comes from its value). */
function bars(sources: Source[]): Bar[] {
  return sources.flatMap(([label, value, format]) =>
    value === undefined ? [] : [{ label, value, text: format(value) }],
  );
}

const flop = (value: number) => `${formatScientific(value)} FLOP`;

const TITLES: Record<string, string> = {
  compute: "Training compute",
  loss: "Predicted loss",
  optimal: "Compute-optimal size",
  inferenceOptimal: "Sized for training plus serving",
  training: "Training time and cost",
  whatif: "What doubling buys",
};

/**
 * What a result shows: a bar plot where every bar shares one unit (one axis, one unit), else the
 * figures as a list. Labels name the quantity and each value states its own unit, so no label
 * promises a unit ("Energy (kWh)") that the value then changes ("289 MWh").
 */
type Shown = { plot: BarPlot } | { figures: Bar[] };

function shownOf({ op, input, result }: Calculation): Shown | undefined {
  switch (op) {
    case "compute":
      return {
        figures: bars([
          ["Parameters", numberAt(input, "params"), formatCount],
          ["Tokens", numberAt(input, "tokens"), formatCount],
          ["Compute", numberAt(result, "flops"), flop],
        ]),
      };
    case "optimal":
      return {
        figures: bars([
          ["Parameters", numberAt(result, "params"), formatCount],
          ["Tokens", numberAt(result, "tokens"), formatCount],
          ["Compute", numberAt(result, "flops"), flop],
        ]),
      };
    case "inferenceOptimal":
      return {
        figures: bars([
          ["Parameters, inference-aware", numberAt(result, "optimum.params"), formatCount],
          ["Parameters, compute-optimal", numberAt(result, "chinchilla.params"), formatCount],
          ["Compute, inference-aware", numberAt(result, "optimum.totalFlops"), flop],
          ["Compute, compute-optimal", numberAt(result, "chinchilla.totalFlops"), flop],
        ]),
      };
    case "training":
      return {
        figures: bars([
          ["Training time", numberAt(result, "days"), formatDuration],
          ["GPU-hours", numberAt(result, "gpuHours"), formatCount],
          ["Energy", numberAt(result, "energyKwh"), formatEnergy],
          ["Cost", numberAt(result, "costUsd"), formatUsd],
        ]),
      };
    case "whatif":
      // All losses, from zero, so the bars show how modest a doubling's gain is.
      return {
        plot: {
          unit: "loss in nats per token",
          bars: bars([
            ["As given", numberAt(result, "base.loss"), formatLoss],
            ["2× parameters", numberAt(result, "doubleParams.after"), formatLoss],
            ["2× tokens", numberAt(result, "doubleTokens.after"), formatLoss],
            ["2× compute", numberAt(result, "doubleCompute.after"), formatLoss],
          ]),
        },
      };
    default:
      return undefined;
  }
}

function figureList(figures: Bar[]): MarkupElement {
  return h(
    "dl",
    { class: "calc-figures" },
    ...figures.map((figure) => h("div", {}, h("dt", {}, figure.label), h("dd", {}, figure.text))),
  );
}

/**
 * A card with the calculator's sentence (unless the message already says it) and its figures:
 * a small bar plot where they share a unit, a list where they do not.
 */
export function calculationCard(calculation: Calculation, withSummary: boolean): MarkupElement {
  const shown = shownOf(calculation);
  const plot = shown && "plot" in shown && shown.plot.bars.length > 0 ? shown.plot : undefined;
  const figures = shown && "figures" in shown && shown.figures.length > 0 ? shown.figures : [];
  const title = TITLES[calculation.op] ?? "Calculator";
  return h(
    "figure",
    { class: "calc-card" },
    h(
      "figcaption",
      {},
      h("span", { class: "calc-title" }, title, plot ? ` · ${plot.unit}` : ""),
      withSummary && h("span", { class: "calc-summary" }, calculation.summary),
    ),
    plot && barPlot(plot),
    figures.length > 0 && figureList(figures),
  );
}
