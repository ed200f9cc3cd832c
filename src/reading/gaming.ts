/**
 * Signs that a message games the grader instead of answering: a list of loose keywords, several
 * answers offered at once, the tutor's own text pasted back, or words addressed to the grader.
 * Pure; `shownText` is the set of word 4-grams of everything the lesson shows learners.
 */
export type GamingKind = "keyword-list" | "multiple-choice" | "pasted-text" | "grader-instruction";

export interface GamingSignal {
  kind: GamingKind;
  reason: string;
}

const REASONS: Record<GamingKind, string> = {
  "keyword-list": "lists keywords instead of stating an answer",
  "multiple-choice": "offers several answers at once",
  "pasted-text": "pastes the tutor's own text back",
  "grader-instruction": "tells the grader what verdict to give",
};

const GRADER_INSTRUCTION =
  /\b(?:note|message|instruction|hint)s? (?:to|for) (?:the )?(?:grader|marker|examiner|evaluator|checker|ai|model|system)\b|\b(?:mark|grade|score|count|treat|record|accept) (?:this|it|me|my answer|the answer|this answer)(?: as)? (?:correct|right|full marks|a pass)\b|\b(?:verdict|grade|mark) (?:for this(?: one| answer)? )?(?:is|should be|=) (?:correct|right|pass)\b|\bgrader\b.{0,40}\b(?:correct|accept|pass)\b/;
const OPTION_MARKERS = /(?:^|[\s,;:])\(?(?:[a-d]|[1-4])\)\s|\boption (?:[a-d]|[1-4])\b/g;
const WHICH_OF =
  /\bwhich (?:of (?:these|them|the following)|one|answer|option)s? (?:would|will|do|does|is|should|counts?|gets?)\b/;
const EITHER = /\beither\b[^.?!]*\bor\b[^.?!]*\bor\b/;

const FUNCTION_WORDS =
  /\b(?:is|are|was|were|be|it|they|that|this|because|so|if|the|a|an|of|to|does|do|can|will|would|has|have|not|than|more|less|but|and then)\b/g;

export function detectGaming(
  text: string,
  shownText: ReadonlySet<string>,
): GamingSignal | undefined {
  const lower = text.toLowerCase().replace(/[‘’]/g, "'");
  const kind = graderInstruction(lower)
    ? "grader-instruction"
    : multipleChoice(lower)
      ? "multiple-choice"
      : keywordList(lower)
        ? "keyword-list"
        : pasted(lower, shownText)
          ? "pasted-text"
          : undefined;
  return kind && { kind, reason: REASONS[kind] };
}

function graderInstruction(text: string): boolean {
  return GRADER_INSTRUCTION.test(text);
}

function multipleChoice(text: string): boolean {
  return (text.match(OPTION_MARKERS)?.length ?? 0) >= 2 || WHICH_OF.test(text) || EITHER.test(text);
}

/**
 * Loose keywords: five or more fragments of at most three words each, or six or more nearly all
 * that short, with hardly a verb or article between them. ("params, data, compute" answers a
 * question that asks for three quantities; a string of the lesson's terms answers nothing.)
 */
function keywordList(text: string): boolean {
  const fragments = text
    .split(/[,;\n|/•·]+|\s-\s/)
    .map((f) => f.trim())
    .filter((f) => /[a-z0-9]/.test(f));
  if (fragments.length < 5) return false;
  const short = fragments.filter((f) => f.split(/\s+/).length <= 3).length / fragments.length;
  const words = text.split(/\s+/).filter(Boolean).length;
  const glue = (text.match(FUNCTION_WORDS)?.length ?? 0) / words;
  return glue < 0.2 && (short === 1 || (fragments.length >= 6 && short >= 0.75));
}

/** Word n-grams of a text (4 by default), for comparing one text with another. */
export function shingles(text: string, n = 4): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const grams: string[] = [];
  for (let i = 0; i + n <= words.length; i++) grams.push(words.slice(i, i + n).join(" "));
  return grams;
}

/** Half or more of a longer answer's 4-grams appear in what the lesson shows. */
function pasted(text: string, shownText: ReadonlySet<string>): boolean {
  const grams = shingles(text);
  if (grams.length < 6) return false;
  const copied = grams.filter((g) => shownText.has(g)).length;
  return copied / grams.length >= 0.5;
}
