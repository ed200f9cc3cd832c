/** The learner's own words, as the tutor quotes them back. */

const QUOTE_MIN_WORDS = 3;
const QUOTE_MAX = 120;

/** The learner's own words to quote back: the first sentence that matters, kept short. */
export function quoteOf(
  text: string,
  isRelevant: (sentence: string) => boolean = () => true,
): string {
  const sentences = text
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim().replace(/[.!?;]+$/, ""))
    .filter(Boolean);
  // A whole clause, not "No" or "Not really": fragments are quoted only when nothing else is said.
  const substantial = sentences.filter((s) => s.split(/\s+/).length >= QUOTE_MIN_WORDS);
  const pool = substantial.length > 0 ? substantial : sentences;
  const chosen = pool.find(isRelevant) ?? pool[0] ?? text.trim();
  if (chosen.length <= QUOTE_MAX) return chosen;
  const clauseEnd = chosen.lastIndexOf(", ", QUOTE_MAX);
  return `${chosen.slice(0, clauseEnd > QUOTE_MAX / 2 ? clauseEnd : QUOTE_MAX - 3).trimEnd()}…`;
}
