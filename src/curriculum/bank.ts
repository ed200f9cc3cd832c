import { z } from "zod";
import { parseFile, type SourceText } from "./compile";
import type { Problem } from "./problems";
import {
  type AnswerBank,
  AnswerBankSchema,
  type GlossaryEntry,
  GlossarySchema,
  type Lesson,
  type SafetyMessage,
  SafetyMessagesSchema,
} from "./schema";

/** curriculum/lexicon.yaml: concept id -> the words and phrases that express it. */
export const LexiconSchema = z.record(
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case"),
  z.array(z.union([z.string().min(1), z.number().transform(String)])).min(1),
);

export type Lexicon = z.infer<typeof LexiconSchema>;

export interface ReaderSources {
  lexicon: SourceText;
  /** One file per node in curriculum/bank/. */
  banks: readonly SourceText[];
  /** curriculum/glossary.yaml, when there is one. */
  glossary?: SourceText | undefined;
  /** curriculum/safety/messages.json: labelled messages for the extraction detector. */
  safety: SourceText;
}

export type ReaderSourcesResult =
  | {
      ok: true;
      lexicon: Lexicon;
      banks: AnswerBank[];
      glossary: GlossaryEntry[];
      safety: SafetyMessage[];
    }
  | { ok: false; problems: Problem[] };

/**
 * Parses the lexicon, the answer banks and the glossary, and checks that every bank names a node
 * of the lesson and only that node's key ideas, misconceptions and guiding questions. No I/O.
 */
export function compileReaderSources(lesson: Lesson, sources: ReaderSources): ReaderSourcesResult {
  const problems: Problem[] = [];
  const lexicon = parseFile(sources.lexicon, LexiconSchema, problems);
  const banks = sources.banks.flatMap((source) => {
    const bank = parseFile(source, AnswerBankSchema, problems);
    if (bank) problems.push(...checkBank(lesson, source.file, bank.data));
    return bank ? [bank.data] : [];
  });
  const glossary = sources.glossary && parseFile(sources.glossary, GlossarySchema, problems);
  const safety = parseFile(sources.safety, SafetyMessagesSchema, problems);
  if (!lexicon || !safety || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    lexicon: lexicon.data,
    banks,
    glossary: glossary?.data ?? [],
    safety: safety.data,
  };
}

function checkBank(lesson: Lesson, file: string, bank: AnswerBank): Problem[] {
  const node = lesson.nodes.find((n) => n.id === bank.node);
  if (!node)
    return [{ file, path: "node", message: `names no node of the lesson: "${bank.node}"` }];
  const problems: Problem[] = [];
  const unknown = (path: string, ids: string[], known: string[]) => {
    for (const id of ids) {
      if (!known.includes(id))
        problems.push({ file, path: `${path}.${id}`, message: "is no id of the node" });
    }
  };
  const { rubric } = node.check;
  unknown(
    "check.keyIdeas",
    Object.keys(bank.check.keyIdeas),
    rubric.keyIdeas.map((i) => i.id),
  );
  unknown(
    "check.misconceptions",
    Object.keys(bank.check.misconceptions),
    rubric.misconceptions.map((m) => m.id),
  );
  bank.guiding.forEach((g, i) => {
    if (!node.voices.socratic[g.step]) {
      problems.push({
        file,
        path: `guiding[${i}].step`,
        message: `node has no guiding question ${g.step}`,
      });
    }
  });
  return problems;
}
