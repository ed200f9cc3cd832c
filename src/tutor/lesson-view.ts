import type { Lesson, LessonNode, VoiceName } from "../curriculum/schema";
import type { TutorState } from "./state";
import { VOICES } from "./state";
import { buildVocabulary, type Vocabulary } from "./vocabulary";

export function nodeOf(lesson: Lesson, nodeId: string): LessonNode {
  const node = lesson.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`lesson "${lesson.id}" has no node "${nodeId}"`);
  return node;
}

/** The question the tutor is waiting on: the current guiding question, or the check question. */
export function currentQuestion(node: LessonNode, state: TutorState): string {
  if (state.phase === "socratic") {
    const guiding = node.voices.socratic[state.step];
    if (guiding) return guiding.ask;
  }
  return node.check.question;
}

/** The pending question in its authored short form, to restate it after a reply moved away. */
export function shortQuestion(node: LessonNode, state: TutorState): string {
  if (state.phase === "socratic") {
    const guiding = node.voices.socratic[state.step];
    if (guiding) return guiding.short;
  }
  return node.check.short;
}

/** "Explain it another way": the voices take turns. */
export function nextVoice(voice: VoiceName): VoiceName {
  return VOICES[(VOICES.indexOf(voice) + 1) % VOICES.length] ?? "socratic";
}

/** What the tutor tells in a voice; the Socratic voice tells nothing of its own, so it is plain. */
export function explanationIn(node: LessonNode, voice: VoiceName): string {
  return voice === "metaphor" ? node.voices.metaphor : node.voices.plain;
}

const vocabularies = new WeakMap<Lesson, Vocabulary>();
const subjects = new WeakMap<Lesson, Vocabulary>();

/** The subject's own words plus every glossary term: what a question about the lesson names. */
export function subjectOf(lesson: Lesson): Vocabulary {
  let subject = subjects.get(lesson);
  if (!subject) {
    subject = buildVocabulary(lesson.glossary.flatMap((entry) => [entry.term, ...entry.aliases]));
    subjects.set(lesson, subject);
  }
  return subject;
}

/** The words of the lesson's public text, computed once per lesson object. */
export function vocabularyOf(lesson: Lesson): Vocabulary {
  let vocabulary = vocabularies.get(lesson);
  if (!vocabulary) {
    vocabulary = buildVocabulary(
      lesson.nodes.flatMap((node) => [
        node.title,
        node.voices.metaphor,
        node.voices.plain,
        node.check.question,
        ...node.voices.socratic.flatMap((guiding) => [guiding.ask, guiding.followUp]),
      ]),
    );
    vocabularies.set(lesson, vocabulary);
  }
  return vocabulary;
}
