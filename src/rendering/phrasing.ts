/**
 * Short lines the offline renderer varies, so a learner does not read the same words turn after
 * turn. The choice is deterministic: the same session state gives the same line.
 */
import { pick } from "../tutor/replies";

export { pick };

/** Said instead of a paragraph the learner has already read in this session, with the question. */
export const SEEN_ABOVE = [
  (q: string) => `That's the one above. Which part should I unpack? Or have a go: ${q}`,
  (q: string) => `I showed you that a moment ago; which bit is unclear? The question again: ${q}`,
  (q: string) => `We've had that one. Want to try an answer, rough is fine? ${q}`,
  (q: string) => `Nothing new to add there yet. What's your own take on this: ${q}`,
];

/** Ends a reply about the question that no longer asks anything. */
export const TRY_AGAIN = [
  "Have another go?",
  "What do you think now?",
  "How would you put it in your own words?",
  "Want to try it again?",
  "What's your best guess?",
];
