import type { Lesson } from "../curriculum/schema";
import type {
  AnswerCountRow,
  ExampleAnswerRow,
  LearnerActivityRow,
  LearnerMessageCountRow,
} from "../db/queries/class-progress";
import { type QuestionDistribution, questionDistributions } from "./answer-distribution";
import { type AttentionItem, needsAttention } from "./attention";
import { type LearnerProgress, rankStuck, toLearnerProgress } from "./learner-progress";
import { lookupIn } from "./lesson-lookup";

export type NodeCount = { id: string; title: string; next: string[]; learners: number };

/** Everything the class view shows and `GET /api/classes/:id/progress` returns. */
export type ClassReport = {
  class: { id: string; name: string; code: string };
  lesson: { id: string; title: string };
  knowledgeComponents: { id: string; description: string }[];
  /** Ordered by name. */
  learners: LearnerProgress[];
  /** Ids of stuck learners, the most struggling first. */
  stuck: string[];
  /** Learners who finished without mastering, skip through hints, game the grader or were
   * flagged, with the reasons in words; the most reasons first. */
  needsAttention: AttentionItem[];
  /** The question graph in lesson order, with how many unfinished learners are at each node. */
  nodes: NodeCount[];
  notStarted: number;
  finished: number;
  questions: QuestionDistribution[];
};

export function buildClassReport(input: {
  klass: { id: string; name: string; code: string };
  lesson: Lesson;
  learnerRows: readonly LearnerActivityRow[];
  answerCounts: readonly AnswerCountRow[];
  exampleAnswers: readonly ExampleAnswerRow[];
  messageCounts: readonly LearnerMessageCountRow[];
}): ClassReport {
  const { lesson } = input;
  const lookup = lookupIn(lesson);
  const learners = input.learnerRows.map((row) => toLearnerProgress(row, lesson, lookup));
  const atNode = new Map<string, number>();
  let notStarted = 0;
  let finished = 0;
  for (const learner of learners) {
    if (learner.completedAt !== null) finished += 1;
    else if (learner.nodeId === null) notStarted += 1;
    else atNode.set(learner.nodeId, (atNode.get(learner.nodeId) ?? 0) + 1);
  }
  return {
    class: { id: input.klass.id, name: input.klass.name, code: input.klass.code },
    lesson: { id: lesson.id, title: lesson.title },
    knowledgeComponents: lesson.kcs.map(({ id, description }) => ({ id, description })),
    learners,
    stuck: rankStuck(learners).map((learner) => learner.id),
    needsAttention: needsAttention(learners, input.messageCounts, lesson.kcs.length),
    nodes: lesson.nodes.map((node) => ({
      id: node.id,
      title: node.title,
      next: [...node.next],
      learners: atNode.get(node.id) ?? 0,
    })),
    notStarted,
    finished,
    questions: questionDistributions(input.answerCounts, input.exampleAnswers, lesson, lookup),
  };
}
