import type { Lesson, LessonNode } from "../../curriculum/schema";
import { groupByQuestion, type ReviewAnswer } from "../../review/queue";
import { transcriptPath } from "../../teach/labels";
import { Layout } from "../layout";
import { LogOutButton } from "./log-out-button";

type Props = { klass: { id: string; name: string }; lesson: Lesson; answers: ReviewAnswer[] };

const VERDICTS = [
  { value: "correct", label: "Right" },
  { value: "partial", label: "Partly right" },
  { value: "misconception", label: "A misconception" },
  { value: "unrecognised", label: "Not an answer to this question" },
] as const;

const TUTOR_READ: Record<string, string> = {
  correct: "right",
  partial: "partly right",
  misconception: "a misconception",
  unrecognised: "not recognised",
};

/**
 * `/teach/classes/:id/review`: answers the tutor could not read confidently, per question, each
 * with a form for the teacher's verdict (POST /api/classes/:id/review/:messageId, sent by
 * teach.js). Learner text is rendered as text by hono/jsx, never as markup.
 */
export function ReviewPage({ klass, lesson, answers }: Props) {
  const api = `/api/classes/${klass.id}`;
  const groups = groupByQuestion(answers, lesson);
  return (
    <Layout
      title={`Review: ${klass.name}`}
      section="teach"
      scripts={["teach.js"]}
      styles={["teach.css"]}
    >
      <div class="page-heading">
        <div>
          <p class="breadcrumb">
            <a href="/teach">Your classes</a> ›{" "}
            <a href={`/teach/classes/${klass.id}`}>{klass.name}</a>
          </p>
          <h1>Review the tutor's grading</h1>
          <p class="hint">
            Answers the tutor found hard to read: not recognised, partly right, low confidence or
            gaming. Your verdict replaces the tutor's in every report, the learner's mastery is
            recomputed, and the same answer from a classmate is then read your way.
          </p>
        </div>
        <div class="heading-actions">
          <a class="button secondary" href={`${api}/review/bank.yaml`} download>
            Download reviewed answers (answer bank)
          </a>
          <LogOutButton />
        </div>
      </div>
      <p class="empty" hidden={answers.length > 0}>
        Nothing to review: the tutor read every answer confidently.
      </p>
      {groups.map(({ node, answers: waiting }) => (
        <section class="card review-question" aria-labelledby={`review-${node.id}`}>
          <h2 id={`review-${node.id}`}>{node.title}</h2>
          <p class="question-text">{node.check.question}</p>
          <ol class="review-list">
            {waiting.map((answer) => (
              <ReviewItem answer={answer} node={node} classId={klass.id} />
            ))}
          </ol>
        </section>
      ))}
    </Layout>
  );
}

function tutorReading(answer: ReviewAnswer, node: LessonNode): string {
  const ideas = node.check.rubric.keyIdeas
    .filter((idea) => answer.keyIdeasFound.includes(idea.id))
    .map((idea) => idea.description);
  const misconception = node.check.rubric.misconceptions.find(
    (m) => m.id === answer.misconceptionId,
  );
  const read = TUTOR_READ[answer.verdict] ?? answer.verdict;
  const found = ideas.length > 0 ? ` It found: ${ideas.join(" ")}` : "";
  const wrongIdea = misconception ? ` (${misconception.description})` : "";
  const gaming = answer.flag === "gaming" ? " It flagged the answer as gaming the grader." : "";
  return `The tutor read this as ${read}${wrongIdea}.${found}${gaming}`;
}

function ReviewItem(props: { answer: ReviewAnswer; node: LessonNode; classId: string }) {
  const { answer, node } = props;
  const id = `review-${answer.id}`;
  return (
    <li class="review-item" data-message-id={answer.id}>
      <p class="review-who">
        <a href={transcriptPath(props.classId, answer.learnerId)}>{answer.learnerName}</a>{" "}
        <time datetime={new Date(answer.at).toISOString()}>
          {new Date(answer.at).toISOString().slice(0, 16).replace("T", " ")} UTC
        </time>
      </p>
      <blockquote class="review-text" id={`${id}-text`}>
        {answer.text}
      </blockquote>
      <p class="hint">{tutorReading(answer, node)}</p>
      <form
        class="review-form"
        data-review-url={`/api/classes/${props.classId}/review/${answer.id}`}
        aria-describedby={`${id}-text`}
      >
        <fieldset>
          <legend>Your verdict</legend>
          {VERDICTS.map((v) => (
            <label class="choice">
              <input type="radio" name="verdict" value={v.value} required /> {v.label}
            </label>
          ))}
        </fieldset>
        <label for={`${id}-misconception`}>Which misconception (for “a misconception”)</label>
        <select id={`${id}-misconception`} name="misconceptionId">
          <option value="">None</option>
          {node.check.rubric.misconceptions.map((m) => (
            <option value={m.id} selected={m.id === answer.misconceptionId}>
              {m.description}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>Key ideas it shows (for “partly right”; “right” means all)</legend>
          {node.check.rubric.keyIdeas.map((idea) => (
            <label class="choice">
              <input
                type="checkbox"
                name="keyIdeas"
                value={idea.id}
                checked={answer.keyIdeasFound.includes(idea.id)}
              />{" "}
              {idea.description}
            </label>
          ))}
        </fieldset>
        <button type="submit">Save verdict</button>
        <p class="review-status" role="status" />
      </form>
    </li>
  );
}
