import MiniSearch from "minisearch";
import { toPublicCurriculum } from "../curriculum/public";
import type { Lesson, VoiceName } from "../curriculum/schema";
import { stem } from "../curriculum/text-match";

/** A passage of the lesson that answers a question, and the node it comes from. */
export interface Passage {
  nodeId: string;
  title: string;
  text: string;
}

interface IndexedVoice {
  id: string;
  nodeId: string;
  title: string;
  text: string;
}

export interface LessonIndex {
  search: MiniSearch<IndexedVoice>;
  /** The lesson's glossary, answered first for "what is …?" questions. */
  glossary: Lesson["glossary"];
  /** Each node's telling voices, to answer in the learner's voice whichever voice matched. */
  passages: Map<string, { title: string; metaphor: string; plain: string }>;
}

const STOP_WORDS = new Set(
  `a an and are as at be but by can could do does did for from had has have how i if in is it its
me my of on or so than that the their them then there these they this to was we were what when
where which who why will with would you your about into more most much very just also`.split(/\s+/),
);

/**
 * Indexes the public curriculum only: titles, guiding questions and the metaphor and plain
 * explanations. Rubrics, accepted phrasings, feedback, hints and follow-ups are never read.
 */
export function buildLessonIndex(lesson: Lesson): LessonIndex {
  const curriculum = toPublicCurriculum(lesson);
  const search = new MiniSearch<IndexedVoice>({
    fields: ["title", "text"],
    storeFields: ["nodeId"],
    // Model names stay whole ("GPT-4", "Llama-2"), so a question about one finds where it is named.
    tokenize: (text) => text.match(/\p{L}+-\d+|[\p{L}\p{N}]+/gu) ?? [],
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return lower.length < 3 || STOP_WORDS.has(lower) ? null : stem(lower);
    },
    // Short words take no prefix or typo matching: "lisa" must not find "list".
    searchOptions: {
      boost: { title: 2 },
      prefix: (term) => term.length > 4,
      fuzzy: (term) => (term.length > 5 ? 0.2 : false),
    },
  });
  const passages: LessonIndex["passages"] = new Map();
  for (const node of curriculum.nodes) {
    const voices = { ...node.voices, socratic: node.voices.socratic.join(" ") };
    search.addAll(
      Object.entries(voices).map(([voice, text]) => ({
        id: `${node.id}:${voice}`,
        nodeId: node.id,
        title: node.title,
        text,
      })),
    );
    passages.set(node.id, {
      title: node.title,
      metaphor: node.voices.metaphor,
      plain: node.voices.plain,
    });
  }
  return { search, passages, glossary: lesson.glossary };
}

/** Questions that ask for a number: answered from the plain voice, which carries the numbers. */
const ASKS_NUMBER =
  /\b(?:how (?:much|many|long|big|large|expensive|fast)|what (?:number|size|amount)|cost|costs)\b/i;
/** An excerpt stays short: one or two sentences, about this many words at most. */
const EXCERPT_WORDS = 70;

const stemsOf = (text: string) =>
  new Set(
    (text.match(/\p{L}+-\d+|[\p{L}\p{N}]+/gu) ?? [])
      .map((t) => t.toLowerCase())
      .filter((t) => t.length >= 3 && !STOP_WORDS.has(t))
      .map(stem),
  );

/**
 * The sentences of a voice that answer the question: the one sharing the most of its words (a
 * number breaking ties for a question that asks for one), and the next when it fits.
 */
function excerpt(text: string, question: string, wantsNumber: boolean): string {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/);
  const asked = stemsOf(question);
  let best = 0;
  let bestScore = -1;
  sentences.forEach((sentence, i) => {
    const own = stemsOf(sentence);
    let score = [...asked].filter((s) => own.has(s)).length;
    if (wantsNumber && /\d/.test(sentence)) score += 0.5;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  const chosen = [sentences[best] ?? ""];
  const next = sentences[best + 1];
  const words = (t: string) => t.split(/\s+/).length;
  if (next && words(chosen[0] ?? "") + words(next) <= EXCERPT_WORDS) chosen.push(next);
  return chosen.join(" ");
}

/**
 * The passage that best answers `question`, in `voice`: the node whose voices match best, with a
 * lift for the node the learner is on, and of its text only the sentences that answer. The
 * Socratic voice has no explanation of its own, so it answers in plain words, as the tutor does;
 * a question that asks for a number is answered from the plain voice, which has the numbers.
 */
export function findPassage(
  index: LessonIndex,
  question: string,
  { voice, nodeId }: { voice: VoiceName; nodeId?: string | undefined },
): Passage | undefined {
  const scores = new Map<string, number>();
  for (const hit of index.search.search(question)) {
    const hitNode = String(hit.nodeId);
    const lifted = hitNode === nodeId ? hit.score * 1.5 : hit.score;
    scores.set(hitNode, Math.max(scores.get(hitNode) ?? 0, lifted));
  }
  const best = [...scores.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const passage = best ? index.passages.get(best) : undefined;
  if (!best || !passage) return undefined;
  const wantsNumber = ASKS_NUMBER.test(question);
  const text = voice === "metaphor" && !wantsNumber ? passage.metaphor : passage.plain;
  return { nodeId: best, title: passage.title, text: excerpt(text, question, wantsNumber) };
}
