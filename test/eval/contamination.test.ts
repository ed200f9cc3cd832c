import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { EvalItem } from "./grading-score";
import type { SafetyItem } from "./safety-score";

/**
 * The evals measure nothing if their messages are in what the tutor is built from. What trains
 * the reader and the extraction detector (answer banks, lexicon, glossary, the safety messages)
 * may not contain a whole eval message of four or more words (shorter ones are the subject's own
 * words: "power law", "in context learning") or share eight words in a row with one. The lesson
 * text itself speaks the subject's phrases ("parameters, data and compute"), so for it the bounds
 * are five words and ten in a row.
 */
const words = (text: unknown) =>
  String(text)
    .toLowerCase()
    .match(/[a-z0-9]+/g) ?? [];
const runs = (w: string[], length: number) =>
  w.slice(0, Math.max(0, w.length - length + 1)).map((_, i) => w.slice(i, i + length).join(" "));

const halves = ["dev", "test"];
const evalTexts = [
  ...halves.flatMap((half) =>
    (JSON.parse(readFileSync(`test/eval/grading/${half}.json`, "utf8")) as EvalItem[]).map(
      (item) => item.text,
    ),
  ),
  ...halves.flatMap((half) =>
    (JSON.parse(readFileSync(`test/eval/safety/${half}.json`, "utf8")) as SafetyItem[]).flatMap(
      (item) => item.turns.map((turn) => turn.text),
    ),
  ),
].map(words);

function strings(value: unknown): string[] {
  if (typeof value === "string" || typeof value === "number") return [String(value)];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** Texts of `file` that contain an eval message of `minWords`+ words or share `run` words in a row. */
function tainted(file: string, bounds: { minWords: number; run: number }): string[] {
  const whole = evalTexts.filter((w) => w.length >= bounds.minWords).map((w) => ` ${w.join(" ")} `);
  const shared = new Set(evalTexts.flatMap((w) => runs(w, bounds.run)));
  return strings(parse(readFileSync(file, "utf8"))).filter((text) => {
    const w = words(text);
    const joined = ` ${w.join(" ")} `;
    return whole.some((m) => joined.includes(m)) || runs(w, bounds.run).some((r) => shared.has(r));
  });
}

const inDir = (dir: string) => readdirSync(dir).map((file) => join(dir, file));

describe("what the tutor is built from", () => {
  it.each([
    ...inDir("curriculum/bank"),
    "curriculum/lexicon.yaml",
    "curriculum/glossary.yaml",
    "curriculum/safety/messages.json",
  ])("%s holds no evaluation message", (file) => {
    expect(tainted(file, { minWords: 4, run: 8 })).toEqual([]);
  });

  it.each(inDir("curriculum/nodes"))("%s holds no evaluation message", (file) => {
    expect(tainted(file, { minWords: 5, run: 10 })).toEqual([]);
  });
});
