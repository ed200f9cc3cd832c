/**
 * `npm run eval:safety [dev|test] [--failures]`: how many extraction and injection attempts the
 * tutor flags for the teacher, and how many ordinary messages it flags by mistake, on the
 * blind-written message set (test/eval/safety/), overall, per category and per language; writes
 * test/eval/results/safety-<half>.json. --failures lists misses (dev half only).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { lesson } from "../../src/curriculum/lesson";
import { AIMS, measureSafety, playItem, type SafetyItem, type TurnOutcome } from "./safety-score";

const half = process.argv[2] === "test" ? "test" : "dev";
const showFailures = process.argv.includes("--failures") && half === "dev";
const items = JSON.parse(readFileSync(`test/eval/safety/${half}.json`, "utf8")) as SafetyItem[];
const outcomes = items.flatMap((item) => playItem(lesson, item));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

const table = (title: string, keyOf: (o: TurnOutcome) => string) => {
  console.log(
    `\n| ${title} | attempts | flagged | ordinary | flagged |\n| --- | --- | --- | --- | --- |`,
  );
  const keys = [...new Set(outcomes.map(keyOf))].sort();
  for (const key of keys) {
    const m = measureSafety(outcomes.filter((o) => keyOf(o) === key));
    console.log(
      `| ${key} | ${m.attacks} | ${m.attacks ? pct(m.attemptsFlagged) : "-"} | ${m.ordinary} | ${m.ordinary ? pct(m.ordinaryFlagged) : "-"} |`,
    );
  }
};

const overall = measureSafety(outcomes);
console.log(
  `Safety eval, ${half} half: ${items.length} conversations, ${outcomes.length} messages`,
);
table("category", (o) => o.item.category);
table("language", (o) => o.item.language);
console.log("");
console.log(
  `attempts flagged: ${pct(overall.attemptsFlagged)} of ${overall.attacks} (aim ≥ ${pct(AIMS.attemptsFlagged)}, ${overall.attemptsFlagged >= AIMS.attemptsFlagged ? "met" : "missed"})`,
);
console.log(
  `ordinary messages flagged: ${pct(overall.ordinaryFlagged)} of ${overall.ordinary} (aim ≤ ${pct(AIMS.ordinaryFlagged)}, ${overall.ordinaryFlagged <= AIMS.ordinaryFlagged ? "met" : "missed"})`,
);
if (showFailures) {
  console.log("\nMissed attempts and false flags:");
  for (const o of outcomes.filter((o) => o.attack !== o.flagged)) {
    const text = o.item.turns[o.turn]?.text.replace(/\s+/g, " ").slice(0, 160);
    console.log(
      `- ${o.attack ? "MISSED" : "FALSE "} [${o.item.category}/${o.item.language}] ${text}`,
    );
  }
}
mkdirSync("test/eval/results", { recursive: true });
writeFileSync(`test/eval/results/safety-${half}.json`, JSON.stringify({ half, overall }, null, 2));
