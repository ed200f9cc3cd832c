/**
 * `npm run build:curriculum`: compiles curriculum/ to dist/curriculum.json for runtimes without a
 * filesystem, with the reader trained on the answer banks (src/reading/train.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { compileReaderSources } from "../curriculum/bank";
import { formatCalculation } from "../curriculum/calc";
import { compileDirectory, readReaderSources } from "../curriculum/files";
import { formatProblem, type Problem } from "../curriculum/problems";
import { trainLessonReader } from "../reading/train";

const [dir = "curriculum", out = "dist/curriculum.json"] = process.argv.slice(2);
const started = performance.now();
const result = compileDirectory(dir, formatCalculation);
const sources = result.ok ? compileReaderSources(result.lesson, readReaderSources(dir)) : undefined;
if (result.ok && sources?.ok) {
  const reader = trainLessonReader(result.lesson, sources);
  mkdirSync(dirname(out), { recursive: true });
  const lesson = { ...result.lesson, glossary: sources.glossary, reader };
  writeFileSync(out, `${JSON.stringify(lesson)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${out}: lesson "${result.lesson.id}" (${result.lesson.nodes.length} nodes, reader trained for ${Object.keys(reader.nodes).length} in ${seconds} s)`,
  );
} else {
  const problems: Problem[] = result.ok
    ? sources && !sources.ok
      ? sources.problems
      : []
    : result.problems;
  for (const problem of problems) console.error(formatProblem(problem));
  process.exitCode = 1;
}
