import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ReaderSources } from "./bank";
import type { FormatCalculation } from "./calc";
import {
  type CompileResult,
  type CurriculumSources,
  compileLesson,
  type SourceText,
} from "./compile";

/**
 * Reads a curriculum directory: `lesson.yaml` plus `nodes/*.yaml` in file-name order.
 * File names are reported relative to the working directory, as a teacher would type them.
 */
export function readCurriculumSources(dir: string): CurriculumSources {
  const nodesDir = join(dir, "nodes");
  const nodeFiles = readdirSync(nodesDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(nodesDir, name));
  return { lesson: readSource(join(dir, "lesson.yaml")), nodes: nodeFiles.map(readSource) };
}

/** Reads and compiles a directory; a missing file is reported as a problem, not thrown. */
export function compileDirectory(dir: string, format: FormatCalculation): CompileResult {
  let sources: CurriculumSources;
  try {
    sources = readCurriculumSources(dir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        { file: relative(process.cwd(), dir) || ".", path: "", message: `cannot read: ${message}` },
      ],
    };
  }
  return compileLesson(sources, format);
}

/** What the lesson carries besides its nodes: lexicon.yaml, bank/*.yaml and glossary.yaml. */
export function readReaderSources(dir: string): ReaderSources {
  const bankDir = join(dir, "bank");
  const bankFiles = existsSync(bankDir)
    ? readdirSync(bankDir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => readSource(join(bankDir, name)))
    : [];
  const glossary = join(dir, "glossary.yaml");
  return {
    lexicon: readSource(join(dir, "lexicon.yaml")),
    banks: bankFiles,
    glossary: existsSync(glossary) ? readSource(glossary) : undefined,
    safety: readSource(join(dir, "safety", "messages.json")),
  };
}

function readSource(path: string): SourceText {
  return { file: relative(process.cwd(), path), text: readFileSync(path, "utf8") };
}
