import type {
  ExampleAnswer,
  MisconceptionBucket,
  QuestionDistribution,
} from "../../teach/answer-distribution";
import type { NodeCount } from "../../teach/class-report";
import { answersSummary, sharePercent, transcriptPath } from "../../teach/labels";
import { Bar } from "./bits";

export function NodeItem({ node, max }: { node: NodeCount; max: number }) {
  return (
    <li data-node={node.id}>
      <span class="node-title">{node.title}</span>
      <span class="node-count">
        <strong data-field="count">{String(node.learners)}</strong>{" "}
        <span data-field="count-label">{node.learners === 1 ? "learner" : "learners"}</span>
      </span>
      <Bar field="bar" percent={max === 0 ? 0 : Math.round((node.learners / max) * 100)} />
    </li>
  );
}

export function ExampleItem({ example, classId }: { example: ExampleAnswer; classId: string }) {
  return (
    <li>
      <q data-field="text">{example.text}</q> —{" "}
      <a data-field="learner" href={transcriptPath(classId, example.learnerId)}>
        {example.learnerName}
      </a>
    </li>
  );
}

function Examples({ examples, classId }: { examples: ExampleAnswer[]; classId: string }) {
  return (
    <ul class="examples" data-list="examples">
      {examples.map((example) => (
        <ExampleItem example={example} classId={classId} />
      ))}
    </ul>
  );
}

export function MisconceptionRow(props: {
  bucket: MisconceptionBucket;
  attempts: number;
  classId: string;
}) {
  const { bucket, attempts } = props;
  return (
    <tr data-key={bucket.id} class="bucket-misconception">
      <th scope="row">
        <strong>Wrong idea:</strong> <span data-field="description">{bucket.description}</span>
        <Examples examples={bucket.examples} classId={props.classId} />
      </th>
      <td data-field="count">{String(bucket.count)}</td>
      <td>
        <Bar field="bar" percent={sharePercent(bucket.count, attempts)} />
      </td>
    </tr>
  );
}

export function QuestionCard({
  question,
  classId,
}: {
  question: QuestionDistribution;
  classId: string;
}) {
  const { attempts } = question;
  return (
    // Unanswered questions are named in one line above the cards; the card shows once answered.
    <article class="card question" data-question={question.nodeId} hidden={attempts === 0}>
      <h3>{question.title}</h3>
      <p class="question-text">{question.question}</p>
      <p class="question-summary" data-field="summary">
        {answersSummary(question)}
      </p>
      <table class="distribution">
        <caption class="visually-hidden">Answers to “{question.title}” by kind</caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">Count</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          <tr class="bucket-correct">
            <th scope="row">Correct</th>
            <td data-field="correct">{String(question.correct)}</td>
            <td>
              <Bar field="correct-bar" percent={sharePercent(question.correct, attempts)} />
            </td>
          </tr>
          <tr class="bucket-partial">
            <th scope="row">Partly right</th>
            <td data-field="partial">{String(question.partial)}</td>
            <td>
              <Bar field="partial-bar" percent={sharePercent(question.partial, attempts)} />
            </td>
          </tr>
        </tbody>
        <tbody data-list="misconceptions">
          {question.misconceptions.map((bucket) => (
            <MisconceptionRow bucket={bucket} attempts={attempts} classId={classId} />
          ))}
        </tbody>
        <tbody>
          <tr class="bucket-other">
            <th scope="row">
              Other answers
              <Examples examples={question.other.examples} classId={classId} />
            </th>
            <td data-field="other">{String(question.other.count)}</td>
            <td>
              <Bar field="other-bar" percent={sharePercent(question.other.count, attempts)} />
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
