import { parseDocument } from "yaml";
import type { z } from "zod";
import type { FormatCalculation } from "./calc";
import { checkCalculations, checkRubric } from "./content-checks";
import { checkGraph } from "./graph-checks";
import type { Located, Problem } from "./problems";
import { type Lesson, LessonFileSchema, NodeSchema } from "./schema";
import { formatPath } from "./strings";

export interface SourceText {
  /** The file's name as it should appear in messages, e.g. "curriculum/nodes/05-x.yaml". */
  file: string;
  text: string;
}

export interface CurriculumSources {
  lesson: SourceText;
  /** Node files in lesson order. */
  nodes: readonly SourceText[];
}

export type CompileResult = { ok: true; lesson: Lesson } | { ok: false; problems: Problem[] };

/**
 * Parses, validates and checks a whole curriculum from file contents (no I/O).
 * Graph and content checks run only once every file is valid, so one typo does not cascade.
 */
export function compileLesson(
  sources: CurriculumSources,
  format: FormatCalculation,
): CompileResult {
  const problems: Problem[] = [];
  const lesson = parseFile(sources.lesson, LessonFileSchema, problems);
  const nodes = sources.nodes.flatMap((source) => {
    const node = parseFile(source, NodeSchema, problems);
    return node ? [node] : [];
  });
  if (!lesson || problems.length > 0) return { ok: false, problems };

  problems.push(
    ...checkGraph(lesson, nodes),
    ...nodes.flatMap(checkRubric),
    ...nodes.flatMap((node) => checkCalculations(node, format)),
  );
  if (problems.length > 0) return { ok: false, problems };
  const compiled = { ...lesson.data, nodes: nodes.map((node) => node.data), glossary: [] };
  return { ok: true, lesson: compiled };
}

/** Parses one YAML file against a schema; problems are collected, not thrown. */
export function parseFile<S extends z.ZodType>(
  { file, text }: SourceText,
  schema: S,
  problems: Problem[],
): Located<z.output<S>> | undefined {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const at = error.linePos?.[0];
      const where = at ? `line ${at.line}, column ${at.col}` : "";
      problems.push({
        file,
        path: where,
        message: `invalid YAML: ${firstLine(error.message).replace(/ at line \d+, column \d+:$/, "")}`,
      });
    }
    return undefined;
  }
  const result = schema.safeParse(document.toJS());
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, path: formatPath(issue.path), message: issue.message });
    }
    return undefined;
  }
  return { file, data: result.data };
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}
