/** `npm run curriculum:check [dir]`: validates a curriculum directory (default: curriculum/). */
import { compileReaderSources } from "./bank";
import { formatCalculation } from "./calc";
import { compileDirectory, readReaderSources } from "./files";
import { formatProblem } from "./problems";

const dir = process.argv[2] ?? "curriculum";
const result = compileDirectory(dir, formatCalculation);
const reader = result.ok ? compileReaderSources(result.lesson, readReaderSources(dir)) : undefined;
const problems = result.ok ? (reader && !reader.ok ? reader.problems : []) : result.problems;
if (result.ok && problems.length === 0) {
  console.log(
    `${dir}: lesson "${result.lesson.id}" is valid (${result.lesson.nodes.length} nodes, ${reader?.ok ? reader.banks.length : 0} answer banks)`,
  );
} else {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`${dir}: ${problems.length} problem(s) found`);
  process.exitCode = 1;
}
