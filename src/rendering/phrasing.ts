/**
 * Short lines the offline renderer varies, so a learner does not read the same words turn after
 * turn. `pick` is deterministic: the same session state gives the same line.
 */
export const pick = (lines: readonly string[], seed: number): string =>
  lines[Math.abs(seed) % lines.length] ?? lines[0] ?? "";

/** The first line not yet `used`, else one picked by `seed`. */
export const pickUnused = (
  lines: readonly string[],
  used: (line: string) => boolean,
  seed: number,
): string => lines.find((line) => !used(line)) ?? pick(lines, seed);

/** Said instead of a paragraph the learner has already read in this session. */
export const SEEN_ABOVE = [
  "That's the one above. Which part should I unpack, or do you want to have a go?",
  "I showed you that a moment ago. Which bit is unclear?",
  "Scroll up a little: it's just above. What would you like me to say differently?",
  "We've had that one. Want to try an answer, rough is fine?",
];

/** Ends a reply about the question that no longer asks anything. */
export const TRY_AGAIN = [
  "Have another go?",
  "What do you think now?",
  "How would you put it in your own words?",
  "Want to try it again?",
  "What's your best guess?",
];
