import type { Lesson, LessonNode } from "../../curriculum/schema";
import { Layout } from "../layout";
import { LogOutButton } from "./log-out-button";

/**
 * `/teach/lesson`: every question of the lesson with a "Try an answer" box, so a teacher can see
 * how the tutor reads an answer (and what it replies) before class. The boxes call
 * POST /api/preview/answer; nothing they send is stored.
 */
export function LessonPage({ lesson }: { lesson: Lesson }) {
  return (
    <Layout title="The lesson" section="teach" scripts={["teach.js"]} styles={["teach.css"]}>
      <div class="page-heading">
        <h1>{lesson.title}</h1>
        <p class="signed-in">
          <a href="/teach">Your classes</a> <LogOutButton />
        </p>
      </div>
      <p class="hint">
        Try an answer the way a learner might write it: you see how the tutor reads it (the ideas it
        finds, a misconception, a flag) and the reply a learner at that question would get. Nothing
        is stored.
      </p>
      {lesson.nodes.map((node, i) => (
        <NodeSection node={node} index={i} />
      ))}
    </Layout>
  );
}

function NodeSection({ node, index }: { node: LessonNode; index: number }) {
  return (
    <section class="card lesson-node" aria-labelledby={`node-${node.id}`}>
      <h2 id={`node-${node.id}`}>
        {index + 1}. {node.title}
      </h2>
      {node.voices.socratic.map((guiding, step) => (
        <TryAnswer
          nodeId={node.id}
          question="guiding"
          step={step}
          label={`Guiding question ${step + 1}`}
          text={guiding.ask}
        />
      ))}
      <TryAnswer
        nodeId={node.id}
        question="check"
        label="Check question"
        text={node.check.question}
      />
    </section>
  );
}

function TryAnswer(props: {
  nodeId: string;
  question: "check" | "guiding";
  step?: number;
  label: string;
  text: string;
}) {
  const id = `try-${props.nodeId}-${props.question}${props.step ?? ""}`;
  return (
    <form
      class="try-answer"
      data-preview-node={props.nodeId}
      data-preview-question={props.question}
      data-preview-step={props.step === undefined ? undefined : String(props.step)}
      aria-labelledby={`${id}-label`}
    >
      <h3 id={`${id}-label`}>{props.label}</h3>
      <p class="question-text">{props.text}</p>
      <label for={id}>Try an answer</label>
      <textarea id={id} name="text" required maxlength={2000} rows={2} />
      <button type="submit" class="secondary">
        Read it
      </button>
      <div class="preview-result" aria-live="polite" />
    </form>
  );
}
