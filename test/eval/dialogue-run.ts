/**
 * Scripted learners talking to the real app (in process, over HTTP requests, offline tutor):
 * the measures of the dialogue eval. `npm run eval:dialogue` prints them; dialogue.test.ts holds
 * the aims.
 */
import { readFileSync } from "node:fs";
import { lesson } from "../../src/curriculum/lesson";
import type { LessonNode } from "../../src/curriculum/schema";
import { answersCheck } from "../../src/rendering";
import { makeTestApp } from "../helpers/app";
import type { TestClient } from "../helpers/client";
import { learnerWithSession } from "../helpers/learner";
import type { EvalItem } from "./grading-score";

type View = {
  nodeId: string;
  phase: "socratic" | "check" | "done";
  step: number;
  finished: boolean;
};
type Said = { text: string; reply: string; replyKind: string; answer?: string; view: View };
type Message = { role: string; kind: string; text: string; nodeId: string; verdict: string | null };
type Learner = (view: View, turn: number) => string | { voice: string } | undefined;

const dev = JSON.parse(
  readFileSync(new URL("grading/dev.json", import.meta.url), "utf8"),
) as EvalItem[];
const nodeOf = (id: string): LessonNode => {
  const node = lesson.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * A strong learner writes right answers in their own words (the dev half's, never the test
 * half's) and, told "not yet", says it again differently (the next right answer).
 */
function strongLearner(): Learner {
  const tries = new Map<string, number>();
  return (view) => {
    const wanted = view.phase === "check" ? "correct" : "shown";
    const key = `${view.nodeId}/${view.phase}/${view.step}`;
    const k = tries.get(key) ?? 0;
    tries.set(key, k + 1);
    const items = dev.filter(
      (i) =>
        i.node === view.nodeId &&
        i.label === wanted &&
        (view.phase === "check"
          ? i.question === "check"
          : i.question === "guiding" && i.step === view.step),
    );
    return items[k % Math.max(1, items.length)]?.text ?? "idk";
  };
}
const WRONG = [
  "idk",
  "maybe its the company",
  "no clue tbh",
  "is it the wifi",
  "the screen size?",
  "purple",
];
const confused: Learner = (_, turn) =>
  turn % 3 === 1
    ? "hint"
    : turn % 7 === 0
      ? { voice: turn % 2 ? "metaphor" : "plain" }
      : WRONG[turn % WRONG.length];
const hintsOnly: Learner = () => "hint";
const KEYWORDS =
  "scale, parameters, data, compute, next word, power law, emergence, bigger, tokens, 6ND";
const gamer: Learner = (view, turn) =>
  view.phase !== "check" ? "hint" : turn % 2 ? KEYWORDS : nodeOf(view.nodeId).voices.plain;
const OFF_TOPIC = [
  "who won the football last night?",
  "what's the capital of france?",
  "i like pizza",
  "whats your favourite film",
];
const offTopic: Learner = (_, turn) => OFF_TOPIC[turn % OFF_TOPIC.length];
const CURIOUS = [
  "what's a token?",
  "why?",
  "How much compute did GPT-3 take?",
  { voice: "metaphor" },
  "How much compute did GPT-3 take?",
  "what is a parameter?",
  { voice: "socratic" },
  "How much compute did GPT-3 take?",
  "what do you mean?",
];
const curious: Learner = (_, turn) => CURIOUS[turn];

async function converse(client: TestClient, learner: Learner, maxTurns: number) {
  const { session } = await learnerWithSession(client);
  const id = session.session.id as string;
  let view: View = session.state;
  const said: Said[] = [];
  for (let turn = 0; turn < maxTurns && !view.finished; turn++) {
    const next = learner(view, turn);
    if (next === undefined) break;
    if (typeof next !== "string") {
      const res = await client.patch(`/api/sessions/${id}`, next);
      view = res.body.state;
      said.push({
        text: `(${next.voice})`,
        reply: res.body.reply.text,
        replyKind: res.body.reply.kind,
        view,
      });
      continue;
    }
    const res = await client.post(`/api/sessions/${id}/messages?stream=false`, { text: next });
    view = res.body.state;
    said.push({
      text: next,
      reply: res.body.reply.text,
      replyKind: res.body.reply.kind,
      answer: res.body.answer,
      view,
    });
  }
  const transcript = (await client.get(`/api/sessions/${id}`)).body.transcript as Message[];
  return { said, transcript, finished: view.finished };
}

/**
 * Paragraphs the tutor showed, minus the pending question restated in short and what answered a
 * question asked again word for word (both allowed: the learner asked for it).
 */
function repeatedShare(transcript: Message[]): { repeated: number; paragraphs: number } {
  const questions = new Set(
    lesson.nodes.flatMap((n) => [n.check.short, ...n.voices.socratic.map((g) => g.short)]),
  );
  // What answers a message the learner sent before, word for word, was asked for again.
  const asked = new Set<string>();
  let askedAgain = false;
  const paragraphs = transcript
    .filter((m) => {
      if (m.role === "learner") {
        const question = m.kind === "question" || m.kind === "calculation";
        askedAgain = question && asked.has(m.text);
        if (question) asked.add(m.text);
      }
      return m.role === "tutor" && !askedAgain;
    })
    .flatMap((m) => m.text.split(/\n{2,}/))
    .filter((p) => !questions.has(p.trim()));
  if (process.env.DEBUG_DIALOGUE) {
    const seen = new Set<string>();
    for (const p of paragraphs) {
      if (seen.has(p)) console.error("REPEAT", p.slice(0, 100));
      seen.add(p);
    }
  }
  return { repeated: paragraphs.length - new Set(paragraphs).size, paragraphs: paragraphs.length };
}

/**
 * Tutor text shown while the node's check question was still untried, that would pass it (the
 * learner's own words quoted back aside).
 */
function givenAway(transcript: Message[]): number {
  const tried = new Set<string>();
  const learnerSaid: string[] = [];
  // The learner's own words quoted back (credit, retries) are theirs, not the tutor telling.
  const withoutLearnerQuotes = (text: string) =>
    text.replace(/“([^”]{3,})”/g, (quoted, words: string) =>
      learnerSaid.some((said) => said.includes(words.replace(/…$/, ""))) ? "“…”" : quoted,
    );
  let count = 0;
  for (const m of transcript) {
    if (m.role === "learner") learnerSaid.push(m.text);
    if (m.role === "learner" && m.verdict) tried.add(m.nodeId);
    if (
      m.role === "tutor" &&
      !tried.has(m.nodeId) &&
      answersCheck(lesson, nodeOf(m.nodeId), withoutLearnerQuotes(m.text))
    ) {
      if (process.env.DEBUG_DIALOGUE) console.error("GIVEN AWAY", m.nodeId, m.kind, m.text);
      count++;
    }
  }
  return count;
}

/** Length of the tutor's replies (answers to questions aside): the median and the longest tenth. */
function replyWords(said: Said[]) {
  const lengths = said.map((s) => words(s.reply)).sort((a, b) => a - b);
  const at = (q: number) =>
    lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))] ?? 0;
  return { median: at(0.5), p90: at(0.9) };
}

const wordRatio = (transcript: Message[]) => {
  const count = (role: string) =>
    transcript
      .filter((m) => m.role === role && !m.text.startsWith("(switched"))
      .reduce((n, m) => n + words(m.text), 0);
  return count("tutor") / Math.max(1, count("learner"));
};

export async function runDialogueEval() {
  const t = await makeTestApp();
  try {
    const run = (learner: Learner, turns: number) => converse(t.client(), learner, turns);
    const sessions = {
      strong: await run(strongLearner(), 400),
      confused: await run(confused, 40),
      hintsOnly: await run(hintsOnly, 400),
      gamer: await run(gamer, 120),
      offTopic: await run(offTopic, 8),
      curious: await run(curious, CURIOUS.length),
    };
    const checkAttempts = lesson.nodes.map(
      (n) =>
        sessions.strong.transcript.filter(
          (m) => m.role === "learner" && m.verdict && m.nodeId === n.id,
        ).length,
    );
    const all = Object.values(sessions);
    const repeats = all.map((s) => repeatedShare(s.transcript));
    const curiousSaid = sessions.curious.said;
    const answerTo = (text: string) => curiousSaid.filter((s) => s.text === text);
    const compute = answerTo("How much compute did GPT-3 take?");
    const definitions = curiousSaid.filter((s) => /^what(?:'s| is)/.test(s.text));
    const why = answerTo("why?")[0];
    const offTopicReplies = sessions.offTopic.said;
    return {
      strong: {
        finished: sessions.strong.finished,
        turns: sessions.strong.said.length,
        checkAttemptsPerNode: checkAttempts.reduce((a, b) => a + b, 0) / lesson.nodes.length,
        nodesNeedingMoreThanOneTry: checkAttempts.filter((n) => n > 1).length,
      },
      repeatedParagraphShare:
        repeats.reduce((n, r) => n + r.repeated, 0) /
        Math.max(
          1,
          repeats.reduce((n, r) => n + r.paragraphs, 0),
        ),
      worstSessionRepeatedShare: Math.max(
        ...repeats.map((r) => r.repeated / Math.max(1, r.paragraphs)),
      ),
      replyWords: replyWords(all.flatMap((s) => s.said)),
      tutorWordsPerLearnerWord: {
        strong: wordRatio(sessions.strong.transcript),
        confused: wordRatio(sessions.confused.transcript),
        curious: wordRatio(sessions.curious.transcript),
      },
      givenAwayBeforeAttempt: all.reduce((n, s) => n + givenAway(s.transcript), 0),
      hintsOnlyFinished: sessions.hintsOnly.finished,
      gamingPasses: sessions.gamer.transcript.filter(
        (m) => m.role === "learner" && m.verdict === "correct",
      ).length,
      offTopic: {
        redirected: offTopicReplies.filter((s) => s.replyKind === "redirect").length,
        messages: offTopicReplies.length,
        longestRedirectWords: Math.max(...offTopicReplies.map((s) => words(s.reply))),
      },
      curious: {
        longestDefinitionWords: Math.max(...definitions.map((s) => words(s.answer ?? ""))),
        numberInEveryVoice: compute.length === 3 && compute.every((s) => /\d/.test(s.answer ?? "")),
        whyAnsweredInContext: Boolean(why?.answer) && why?.replyKind === "return",
      },
    };
  } finally {
    await t.close();
  }
}
