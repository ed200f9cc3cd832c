import { countLabel } from "../../teach/format";
import { Layout } from "../layout";
import { LogOutButton } from "./log-out-button";

export type ClassSummary = { id: string; name: string; code: string; learnerCount: number };

/** `/teach` for a teacher: their classes with join codes to share, and a form for a new one. */
export function ClassesPage(props: {
  teacherName: string;
  classes: ClassSummary[];
  origin: string;
}) {
  return (
    <Layout title="Your classes" section="teach" scripts={["teach.js"]} styles={["teach.css"]}>
      <div class="page-heading">
        <h1>Your classes</h1>
        <p class="signed-in">
          Signed in as {props.teacherName} <LogOutButton />
        </p>
        <p>
          <a href="/teach/lesson">The lesson, with a box to try answers</a>
        </p>
      </div>
      {props.classes.length === 0 ? (
        <p class="empty">No classes yet. Create one below, then share its code with learners.</p>
      ) : (
        <ul class="class-list">
          {props.classes.map((klass) => (
            <ClassCard klass={klass} origin={props.origin} />
          ))}
        </ul>
      )}
      <form class="card create-class" data-endpoint="/api/classes" aria-labelledby="new-class">
        <h2 id="new-class">Create a class</h2>
        <label>
          Class name
          <input name="name" required maxlength={80} placeholder="Year 11 Computing" />
        </label>
        <button type="submit">Create class</button>
        <p class="form-error" role="alert" />
      </form>
    </Layout>
  );
}

function ClassCard({ klass, origin }: { klass: ClassSummary; origin: string }) {
  const shareLink = `${origin}/?code=${klass.code}`;
  return (
    <li class="card class-card">
      <h2>
        <a href={`/teach/classes/${klass.id}`}>{klass.name}</a>
      </h2>
      <p class="join-code-line">
        Join code <strong class="join-code">{klass.code}</strong>{" "}
        <button type="button" class="secondary small" data-copy={klass.code}>
          Copy code
        </button>
      </p>
      <p class="share-line">
        Share link <a href={shareLink}>{shareLink}</a>{" "}
        <button type="button" class="secondary small" data-copy={shareLink}>
          Copy link
        </button>
      </p>
      <p class="hint">
        {countLabel(klass.learnerCount, "learner", "learners")} ·{" "}
        <a href={`/teach/classes/${klass.id}`}>Open the class view</a>
      </p>
    </li>
  );
}
