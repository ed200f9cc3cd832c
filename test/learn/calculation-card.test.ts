import { describe, expect, it } from "vitest";
import { runCalculation } from "../../src/calculator";
import { calculationCard } from "../../src/views/learn/calculation";
import type { Markup, MarkupElement } from "../../src/views/learn/markup";

const textOf = (node: Markup): string =>
  typeof node === "string" ? node : node.children.map(textOf).join("");

function elements(node: Markup, tag: string): MarkupElement[] {
  if (typeof node === "string") return [];
  const inside = node.children.flatMap((child) => elements(child, tag));
  return node.tag === tag ? [node, ...inside] : inside;
}

/** The card's figures as [label, value] pairs, in order. */
const figuresOf = (card: MarkupElement) =>
  elements(card, "div").map((row) => [
    textOf(elements(row, "dt")[0] ?? ""),
    textOf(elements(row, "dd")[0] ?? ""),
  ]);

describe("the chat's calculator card", () => {
  it("lists time, GPU-hours, energy and cost with their own units instead of one shared axis", () => {
    const card = calculationCard(
      {
        op: "training",
        input: {},
        result: { days: 34.2, gpuHours: 1.2e6, energyKwh: 289_000, costUsd: 4.6e6 },
        summary: "…",
      },
      false,
    );
    expect(elements(card, "svg")).toEqual([]);
    expect(figuresOf(card)).toEqual([
      ["Training time", "34.2 days"],
      ["GPU-hours", "1.2M"],
      ["Energy", "289 MWh"],
      ["Cost", "$4.6M"],
    ]);
    expect(textOf(card)).not.toMatch(/log scale|\(kWh\)|\(USD\)/);
  });

  it("lists parameters, tokens and compute, the compute stated in FLOP", () => {
    const card = calculationCard(
      {
        op: "compute",
        input: { params: 175e9, tokens: 300e9 },
        result: { flops: 3.15e23 },
        summary: "…",
      },
      false,
    );
    expect(elements(card, "svg")).toEqual([]);
    expect(figuresOf(card)).toEqual([
      ["Parameters", "175B"],
      ["Tokens", "300B"],
      ["Compute", "3.15e23 FLOP"],
    ]);
  });

  it("plots only bars of one unit, and names that unit on the card and to screen readers", () => {
    const card = calculationCard(
      {
        op: "whatif",
        input: {},
        result: {
          base: { loss: 2.3 },
          doubleParams: { after: 2.2 },
          doubleTokens: { after: 2.25 },
          doubleCompute: { after: 2.18 },
        },
        summary: "…",
      },
      false,
    );
    const [plot] = elements(card, "svg");
    expect(plot?.attrs["aria-label"]).toBe(
      "As given: 2.300; 2× parameters: 2.200; 2× tokens: 2.250; 2× compute: 2.180 (loss in nats per token)",
    );
    expect(textOf(elements(card, "figcaption")[0] ?? "")).toContain("loss in nats per token");
    expect(elements(card, "dl")).toEqual([]);
  });

  it("states the real calculator's training energy in the unit its summary uses", () => {
    const outcome = runCalculation({
      op: "training",
      flops: 3.14e23,
      gpu: "a100",
      gpus: 1024,
      pricePerGpuHour: 2,
    });
    const card = calculationCard(
      { ...outcome, input: outcome.spec, result: outcome.result as never },
      false,
    );
    const [time, gpuHours, energy, cost] = figuresOf(card);
    expect(energy?.[0]).toBe("Energy");
    expect(outcome.summary).toContain(`${energy?.[1]} of GPU energy`);
    expect(outcome.summary).toContain(`${gpuHours?.[1]} GPU-hours`);
    expect(outcome.summary).toContain(`takes ${time?.[1]}`);
    expect(cost?.[1]).toMatch(/^\$/);
  });
});
