import { h, type MarkupElement } from "./markup";

export type Bar = { label: string; value: number; text: string };

/** Bars of one quantity in one unit, named in `unit` (one axis, one unit), measured from zero. */
export type BarPlot = { unit: string; bars: Bar[] };

const WIDTH = 320;
const ROW = 22;
const LABEL_WIDTH = 104;
const VALUE_WIDTH = 70;
const BAR_SPACE = WIDTH - LABEL_WIDTH - VALUE_WIDTH;

const measure = (value: number) => Math.max(0, value);

/** A tiny horizontal bar chart; its accessible name lists every bar's label and value. */
export function barPlot({ unit, bars }: BarPlot): MarkupElement {
  const longest = Math.max(...bars.map((bar) => measure(bar.value)), Number.MIN_VALUE);
  const height = bars.length * ROW;
  const rows = bars.map((bar, i) => {
    const y = i * ROW;
    const length = Math.max(2, (measure(bar.value) / longest) * BAR_SPACE);
    const middle = String(y + ROW / 2 + 4);
    return h(
      "g",
      {},
      h("text", { x: "0", y: middle, class: "plot-label" }, bar.label),
      h("rect", {
        x: String(LABEL_WIDTH),
        y: String(y + 4),
        width: length.toFixed(1),
        height: String(ROW - 8),
        rx: "3",
        class: "plot-bar",
      }),
      h(
        "text",
        { x: (LABEL_WIDTH + length + 6).toFixed(1), y: middle, class: "plot-value" },
        bar.text,
      ),
    );
  });
  const label = bars.map((bar) => `${bar.label}: ${bar.text}`).join("; ");

  return h(
    "svg",
    {
      class: "plot",
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: "img",
      "aria-label": `${label} (${unit})`,
    },
    ...rows,
  );
}
