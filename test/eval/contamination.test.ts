import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { EvalItem } from "./grading-score";

/**
 * The grading eval measures nothing if its answers are in what the reader is built from. No answer
 * bank entry, lexicon phrase or glossary text may contain a whole eval answer of four or more words
 * (shorter ones are the subject's own words: "power law", "in context learning") or share eight
 * words in a row with one.
 */
const words = (text: unknown) =>
  String(text)
    .toLowerCase()
    .match(/[a-z0-9]+/g) ?? [];
const runs = (w: string[]) =>
  w.slice(0, Math.max(0, w.length - 7)).map((_, i) => w.slice(i, i + 8).join(" "));

const evalTexts = ["dev", "test"].flatMap((half) =>
  (JSON.parse(readFileSync(`test/eval/grading/${half}.json`, "utf8")) as EvalItem[]).map((item) =>
    words(item.text),
  ),
);
const longAnswers = evalTexts.filter((w) => w.length >= 4).map((w) => ` ${w.join(" ")} `);
const evalRuns = new Set(evalTexts.flatMap(runs));

function strings(value: unknown): string[] {
  if (typeof value === "string" || typeof value === "number") return [String(value)];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

const sources = [
  ...readdirSync("curriculum/bank").map((file) => join("curriculum/bank", file)),
  "curriculum/lexicon.yaml",
  "curriculum/glossary.yaml",
];

describe("what the reader is built from", () => {
  it.each(sources)("%s holds no evaluation answer", (file) => {
    const tainted = strings(parse(readFileSync(file, "utf8"))).filter((text) => {
      const w = words(text);
      const joined = ` ${w.join(" ")} `;
      return (
        longAnswers.some((answer) => joined.includes(answer)) ||
        runs(w).some((run) => evalRuns.has(run))
      );
    });
    expect(tainted).toEqual([]);
  });
});
