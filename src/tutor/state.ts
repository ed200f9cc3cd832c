import { z } from "zod";
import type { VoiceName } from "../curriculum/schema";

export const VOICES = ["socratic", "metaphor", "plain"] as const satisfies readonly VoiceName[];

export const TUTOR_STATE_VERSION = 1;

/** How a node was left: shown by the learner, explained after the learner tried, or set aside. */
const NODE_OUTCOMES = ["shown", "explained", "skipped"] as const;

const probability = z.number().min(0).max(1);

export const TutorStateSchema = z.strictObject({
  version: z.literal(TUTOR_STATE_VERSION),
  lessonId: z.string().min(1),
  nodeId: z.string().min(1),
  voice: z.enum(VOICES),
  /** Guiding questions first, then the node's check question; "done" once the lesson is over. */
  phase: z.enum(["socratic", "check", "done"]),
  /** Index of the current guiding question in the node's Socratic sequence. */
  step: z.number().int().min(0),
  /** Rungs of the check question's hint ladder shown so far. */
  rung: z.number().int().min(0).max(3),
  /** Failed attempts on the current question. */
  attempts: z.number().int().min(0),
  /** Hint requests on the current question. */
  helpRequests: z.number().int().min(0),
  /** Key ideas of the check question shown in earlier tries; they count toward the next try. */
  ideasShown: z.array(z.string()).default([]),
  /** Guiding questions of this node whose idea the learner has already stated (not asked again). */
  stepsShown: z.array(z.number().int().min(0)).default([]),
  /** Fingerprints of the paragraphs shown in this session, so none is shown twice. */
  shown: z.array(z.string()).default([]),
  /** The node's metaphor has been shown: a hint on a guiding question does not offer it again. */
  pictured: z.boolean().default(false),
  /** The learner's last message was refused as an attempt on the answers or instructions. */
  pressing: z.boolean().default(false),
  /** The last thing the tutor stated (not asked), for "why?" and "what do you mean?". */
  lastPoint: z.string().max(1_000).optional(),
  /** P(known) per knowledge component id; a component not yet practised is at the BKT prior. */
  mastery: z.record(z.string(), probability),
  completed: z.array(z.strictObject({ nodeId: z.string(), outcome: z.enum(NODE_OUTCOMES) })),
  /** Nodes already visited to remedy a misconception (each is visited that way at most once). */
  remediated: z.array(z.string()),
  /** Nodes to return to, innermost last, after a remediation visit. */
  returnTo: z.array(z.string()),
  finished: z.boolean(),
});

export type TutorState = z.infer<typeof TutorStateSchema>;
export type NodeOutcome = (typeof NODE_OUTCOMES)[number];

/** Validates state read back from storage; throws a ZodError naming the bad field. */
export function parseTutorState(json: unknown): TutorState {
  return TutorStateSchema.parse(json);
}
