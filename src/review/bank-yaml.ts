import { stringify } from "yaml";
import type { Lesson } from "../curriculum/schema";

type ReviewedAnswer = {
  nodeId: string;
  text: string;
  verdict: string;
  keyIdeas: readonly string[];
  misconceptionId: string | null;
};

type Lists = Record<string, string[]>;

function push(record: Lists, key: string, text: string) {
  const list = record[key] ?? [];
  if (!list.includes(text)) list.push(text);
  record[key] = list;
}

/**
 * Reviewed answers as answer-bank entries (curriculum/bank/<node>.yaml), one YAML document per
 * node in lesson order, to merge into the bank by hand: correct answers under `complete`,
 * partial ones showing exactly one key idea under that idea, misconceptions under theirs and
 * answers showing nothing under `negatives`. A partial answer with several ideas fits no list of
 * the bank (each holds answers showing one idea and no other) and is left out.
 */
export function reviewedAnswersAsBank(answers: readonly ReviewedAnswer[], lesson: Lesson): string {
  const documents = lesson.nodes.flatMap((node) => {
    const lists: Lists = {};
    const keyIdeas: Lists = {};
    const misconceptions: Lists = {};
    for (const answer of answers.filter((a) => a.nodeId === node.id)) {
      const text = answer.text.trim();
      const [onlyIdea, ...others] = answer.keyIdeas;
      if (answer.verdict === "correct") push(lists, "complete", text);
      else if (answer.verdict === "unrecognised") push(lists, "negatives", text);
      else if (answer.verdict === "misconception" && answer.misconceptionId)
        push(misconceptions, answer.misconceptionId, text);
      else if (answer.verdict === "partial" && onlyIdea && others.length === 0)
        push(keyIdeas, onlyIdea, text);
    }
    const check = {
      ...(lists.complete && { complete: lists.complete }),
      ...(Object.keys(keyIdeas).length > 0 && { keyIdeas }),
      ...(Object.keys(misconceptions).length > 0 && { misconceptions }),
      ...(lists.negatives && { negatives: lists.negatives }),
    };
    if (Object.keys(check).length === 0) return [];
    const header = `# Teacher-reviewed answers for curriculum/bank/${node.id}.yaml\n`;
    return [header + stringify({ node: node.id, check }, { lineWidth: 0 })];
  });
  return documents.join("---\n");
}
