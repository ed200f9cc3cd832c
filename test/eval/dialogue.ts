/** `npm run eval:dialogue`: scripted learners over the real app; prints the measures as JSON. */
import { mkdirSync, writeFileSync } from "node:fs";
import { runDialogueEval } from "./dialogue-run";

const measures = await runDialogueEval();
console.log(JSON.stringify(measures, null, 2));
mkdirSync("test/eval/results", { recursive: true });
writeFileSync("test/eval/results/dialogue.json", `${JSON.stringify(measures, null, 2)}\n`);
