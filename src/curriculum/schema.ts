import { z } from "zod";
import { NodeCalculationSchema } from "./calc";

/** Ids are kebab-case so they read well in YAML, URLs and logs. */
const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, single hyphens)");
const Text = z.string().trim().min(1, "must not be empty");
/** Phrasings are matched by the rubric grader (see text-match.ts for the syntax). YAML reads
 * a bare `0.95` as a number, so numbers are accepted and kept as written. */
const Phrasing = z.union([Text, z.number().transform(String)]);
const Phrasings = z.array(Phrasing).min(1, "needs at least one accepted phrasing");

export const SocraticStepSchema = z.strictObject({
  /** The question the tutor asks. */
  ask: Text,
  /** The question in one short sentence, to restate it after a reply that moved away from it. */
  short: Text,
  /** What a good answer contains, for teachers and for the tutor's own reference. */
  goodAnswer: Text,
  /** Phrasings that show the learner has reached this step's idea. */
  accept: Phrasings,
  /** What the tutor says once the learner has shown it. */
  followUp: Text,
});

export const VoicesSchema = z.strictObject({
  socratic: z.array(SocraticStepSchema).min(1, "needs at least one guiding question"),
  metaphor: Text,
  plain: Text,
});

export const KeyIdeaSchema = z.strictObject({
  id: Id,
  description: Text,
  accept: Phrasings,
  /** A question that leads a learner who has not shown the idea toward it, without stating it. */
  probe: Text,
});

export const MisconceptionSchema = z.strictObject({
  id: Id,
  description: Text,
  triggers: Phrasings,
  /** Said to the learner when this misconception is detected. */
  feedback: Text,
  /** A node to revisit when this misconception shows up. */
  remediation: Id.optional(),
});

export const RubricSamplesSchema = z.strictObject({
  correct: z.array(Text).min(1, "needs at least one sample that grades correct"),
  /** Sample answers per misconception id; each must be detected as that misconception. */
  misconceptions: z.record(z.string(), z.array(Text).min(1)),
  partial: z.array(Text).optional(),
  unrecognised: z.array(Text).optional(),
});

export const RubricSchema = z
  .strictObject({
    keyIdeas: z.array(KeyIdeaSchema).min(1, "needs at least one key idea"),
    /** How many key ideas an answer must show to be graded correct. */
    keyIdeasNeeded: z.number().int().min(1),
    misconceptions: z.array(MisconceptionSchema).min(1, "needs at least one misconception"),
    samples: RubricSamplesSchema,
  })
  .superRefine((rubric, ctx) => {
    if (rubric.keyIdeasNeeded > rubric.keyIdeas.length) {
      ctx.addIssue({
        code: "custom",
        path: ["keyIdeasNeeded"],
        message: `is ${rubric.keyIdeasNeeded} but only ${rubric.keyIdeas.length} key ideas exist`,
      });
    }
    reportDuplicateIds(rubric.keyIdeas, ["keyIdeas"], ctx);
    reportDuplicateIds(rubric.misconceptions, ["misconceptions"], ctx);
    const misconceptionIds = new Set(rubric.misconceptions.map((m) => m.id));
    for (const id of Object.keys(rubric.samples.misconceptions)) {
      if (!misconceptionIds.has(id)) {
        ctx.addIssue({
          code: "custom",
          path: ["samples", "misconceptions", id],
          message: `names no misconception of this rubric`,
        });
      }
    }
    rubric.misconceptions.forEach((m, i) => {
      if (!rubric.samples.misconceptions[m.id]) {
        ctx.addIssue({
          code: "custom",
          path: ["misconceptions", i, "id"],
          message: `"${m.id}" has no sample answers in samples.misconceptions`,
        });
      }
    });
  });

/** Rungs in order: a nudge phrased as a question, a hint naming the gap, a worked example of a similar question. */
export const HintLadderSchema = z.tuple([
  Text.refine((s) => s.includes("?"), "the first rung (nudge) must be phrased as a question"),
  Text,
  Text,
]);

export const SourceSchema = z.strictObject({
  /** Authors, year and title. */
  paper: Text,
  /** Table, figure, section or equation that supports the claim. */
  where: Text,
  /** What the lesson takes from it. */
  supports: Text,
});

export const NodeSchema = z.strictObject({
  id: Id,
  title: Text,
  /** Knowledge components this node teaches (ids declared in lesson.yaml). */
  kcs: z.array(Id).min(1, "needs at least one knowledge component"),
  prerequisites: z.array(Id),
  voices: VoicesSchema,
  check: z.strictObject({
    question: Text,
    /** The question in one short sentence, to restate it after a reply that moved away from it. */
    short: Text,
    rubric: RubricSchema,
  }),
  hints: HintLadderSchema,
  /** Where a correct answer leads; empty only on the lesson's end node. */
  next: z.array(Id),
  sources: z.array(SourceSchema).min(1, "needs at least one source"),
  /** Named calculator calls, referenced in text as {{calc:name}}. */
  calculations: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), NodeCalculationSchema)
    .default({}),
});

export const KnowledgeComponentSchema = z.strictObject({ id: Id, description: Text });

/** curriculum/lesson.yaml */
export const LessonFileSchema = z.strictObject({
  id: Id,
  title: Text,
  start: Id,
  end: Id,
  kcs: z.array(KnowledgeComponentSchema).min(1),
});

/** curriculum/glossary.yaml: the terms a learner may ask about, defined in every voice. */
export const GlossaryEntrySchema = z.strictObject({
  term: Text,
  aliases: z.array(Text).default([]),
  plain: Text,
  metaphor: Text,
  /** A short explanation ending in a question that leads further. */
  socratic: Text,
  source: SourceSchema,
});
export const GlossarySchema = z.array(GlossaryEntrySchema);

/** curriculum/bank/<node>.yaml: learner-like answers that train the node's reader at build time. */
/** YAML reads a bare `1e6` as a number; an answer is kept as written. */
const Answers = z.array(z.union([Text, z.number().transform(String)]));
export const AnswerBankSchema = z.strictObject({
  node: Id,
  check: z.strictObject({
    /** Answers showing every key idea needed and no misconception. */
    complete: Answers.min(1),
    /** Per key idea: answers showing that idea and no other. */
    keyIdeas: z.record(Id, Answers),
    /** Per misconception: answers stating it, tentatively or not. */
    misconceptions: z.record(Id, Answers),
    /** Answers showing no key idea and no misconception (near misses, negations, vague). */
    negatives: Answers.min(1),
  }),
  guiding: z.array(
    z.strictObject({ step: z.number().int().min(0), shown: Answers, notShown: Answers }),
  ),
});

/** A linear classifier over the reader's features, with the decision threshold chosen at build time. */
export const LinearModelSchema = z.strictObject({
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  threshold: z.number().min(0).max(1),
});

export const NodeReaderSchema = z.strictObject({
  keyIdeas: z.record(Id, LinearModelSchema),
  misconceptions: z.record(Id, LinearModelSchema),
  /** One per guiding question, in order; null where the bank has no examples for it. */
  guiding: z.array(LinearModelSchema.nullable()),
});

/** A labelled learner message that trains the extraction detector (curriculum/safety/). */
export const SafetyMessageSchema = z.strictObject({
  text: Text,
  /** "attack": asks for answers, the answer key or the tutor's instructions, or to drop its role. */
  label: z.enum(["attack", "ordinary"]),
  category: Text,
  language: Text,
});
export const SafetyMessagesSchema = z.array(SafetyMessageSchema).min(1);

/**
 * What the build trains for the reader: concept classes, spelling vocabulary, models per node,
 * and the detector of extraction and injection attempts.
 */
export const LessonReaderSchema = z.strictObject({
  lexicon: z.record(Id, z.array(Text)),
  vocabulary: z.array(z.string()),
  nodes: z.record(Id, NodeReaderSchema),
  extraction: LinearModelSchema,
});

/** The compiled lesson: lesson.yaml plus every node, in file order, and the trained reader. */
export const LessonSchema = LessonFileSchema.extend({
  nodes: z.array(NodeSchema).min(1),
  glossary: GlossarySchema.default([]),
  reader: LessonReaderSchema.optional(),
});

export type SocraticStep = z.infer<typeof SocraticStepSchema>;
export type Voices = z.infer<typeof VoicesSchema>;
export type VoiceName = keyof Voices;
export type KeyIdea = z.infer<typeof KeyIdeaSchema>;
export type Misconception = z.infer<typeof MisconceptionSchema>;
export type Rubric = z.infer<typeof RubricSchema>;
export type HintLadder = z.infer<typeof HintLadderSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type LessonNode = z.infer<typeof NodeSchema>;
export type KnowledgeComponent = z.infer<typeof KnowledgeComponentSchema>;
export type LessonFile = z.infer<typeof LessonFileSchema>;
export type Lesson = z.infer<typeof LessonSchema>;
export type AnswerBank = z.infer<typeof AnswerBankSchema>;
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;
export type LinearModel = z.infer<typeof LinearModelSchema>;
export type NodeReader = z.infer<typeof NodeReaderSchema>;
export type LessonReader = z.infer<typeof LessonReaderSchema>;
export type SafetyMessage = z.infer<typeof SafetyMessageSchema>;

function reportDuplicateIds(
  items: readonly { id: string }[],
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: "custom",
        path: [...path, i, "id"],
        message: `duplicate id "${item.id}"`,
      });
    }
    seen.add(item.id);
  });
}
