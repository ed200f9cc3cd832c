/**
 * `npm run eval:grading [dev|test]`: how well the tutor reads learners, on the blind-written
 * answer set (test/eval/grading/). Prints the measures overall and per node, plus two attacks that
 * need no labels (one keyword list sent to every check question; each node's own text pasted
 * back), and writes test/eval/results/grading-<half>.json. Add --failures to list misreadings
 * (only ever for the dev half).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { lesson } from "../../src/curriculum/lesson";
import { attackPasses } from "./grading-attacks";
import {
  AIMS,
  type EvalItem,
  isStalePaste,
  measure,
  outcomeOf,
  phraseOutcomeOf,
} from "./grading-score";

const half = process.argv[2] === "test" ? "test" : "dev";
const showFailures = process.argv.includes("--failures") && half === "dev";
const all = JSON.parse(readFileSync(`test/eval/grading/${half}.json`, "utf8")) as EvalItem[];
const items = all.filter((item) => !isStalePaste(lesson, item));

const started = performance.now();
const outcomes = items.map((item) => outcomeOf(lesson, item));
const perAnswerMs = (performance.now() - started) / items.length;
const overall = measure(outcomes);
const attacks = attackPasses(lesson);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

console.log(
  `Grading eval, ${half} half: ${overall.counts.check} check answers, ${overall.counts.guiding} guiding answers`,
);
console.log(
  `(${all.length - items.length} "pasted" answers left out: the lesson no longer shows the text they copied)`,
);
console.log("");
console.log(
  "| node | right accepted | precision of correct | misconceptions (right id) | wrong accepted | guiding read right | gaming passes |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
const perNode: Record<string, ReturnType<typeof measure>> = {};
for (const node of lesson.nodes) {
  const m = measure(outcomes.filter((o) => o.item.node === node.id));
  perNode[node.id] = m;
  console.log(
    `| ${node.id} | ${pct(m.correctRecall)} | ${pct(m.correctPrecision)} | ${pct(m.misconceptionRecall)} | ${pct(m.wrongAccepted)} | ${pct(m.guidingAccuracy)} | ${m.gamingPasses} |`,
  );
}
console.log(
  `| **all** | **${pct(overall.correctRecall)}** | **${pct(overall.correctPrecision)}** | **${pct(overall.misconceptionRecall)}** | **${pct(overall.wrongAccepted)}** | **${pct(overall.guidingAccuracy)}** | **${overall.gamingPasses}** of ${overall.counts.gaming} |`,
);
console.log("");
const aimLine = (name: string, value: number, aim: number, atMost = false) =>
  `${name}: ${pct(value)} (aim ${atMost ? "≤" : "≥"} ${pct(aim)}, ${(atMost ? value <= aim : value >= aim) ? "met" : "missed"})`;
console.log(aimLine("right answers accepted", overall.correctRecall, AIMS.correctRecall));
console.log(aimLine("precision of correct", overall.correctPrecision, AIMS.correctPrecision));
console.log(
  aimLine(
    "misconceptions caught with the right id",
    overall.misconceptionRecall,
    AIMS.misconceptionRecall,
  ),
);
console.log(aimLine("wrong answers accepted", overall.wrongAccepted, AIMS.wrongAccepted, true));
console.log(aimLine("guiding answers read right", overall.guidingAccuracy, AIMS.guidingAccuracy));
console.log(
  `keyword list sent to every check question: passes ${attacks.keywordPasses} of ${lesson.nodes.length} (aim ≤ 1)`,
);
console.log(
  `tutor text pasted back: passes ${attacks.pastedPasses} of ${attacks.pastedTries} (aim 0)`,
);
console.log(`reading time: ${perAnswerMs.toFixed(2)} ms per answer (engine step included)`);
const phrases = measure(items.map((item) => phraseOutcomeOf(lesson, item)));
console.log(
  `phrase rules alone, same answers: right accepted ${pct(phrases.correctRecall)}, precision ${pct(phrases.correctPrecision)}, misconceptions ${pct(phrases.misconceptionRecall)}, wrong accepted ${pct(phrases.wrongAccepted)}, guiding ${pct(phrases.guidingAccuracy)}, gaming passes ${phrases.gamingPasses}`,
);

if (showFailures) {
  console.log("\nMisread (dev half):");
  for (const o of outcomes) {
    if (
      o.got !== o.item.label &&
      !(
        o.item.label === "incorrect" &&
        o.got !== "correct" &&
        o.got !== "partial" &&
        !o.got.startsWith("misconception")
      )
    ) {
      console.log(
        `[${o.item.node} ${o.item.question}${o.item.step ?? ""}] want ${o.item.label} got ${o.got}: ${o.item.text}`,
      );
    }
  }
}

mkdirSync("test/eval/results", { recursive: true });
writeFileSync(
  `test/eval/results/grading-${half}.json`,
  `${JSON.stringify({ half, overall, phraseRulesAlone: phrases, attacks, perNode, aims: AIMS }, null, 2)}\n`,
);
