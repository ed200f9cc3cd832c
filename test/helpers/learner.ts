import { lesson } from "../../src/curriculum/lesson";
import { strongLearner } from "../tutor/learners";
import type { TestClient } from "./client";

/** A learner with an open session, through the public API. */
export async function learnerWithSession(client: TestClient, name = "Sam", voice?: string) {
  const joined = await client.post("/api/learners", { name });
  const opened = await client.post("/api/sessions", voice ? { voice } : {});
  if (opened.status !== 201)
    throw new Error(`could not open a session: ${JSON.stringify(opened.body)}`);
  return {
    learner: joined.body.learner,
    resumeCode: joined.body.resumeCode as string,
    session: opened.body,
  };
}

/**
 * A learner (of the class `classCode`, or a guest) at the start node's check question, having
 * answered its guiding questions well.
 */
export async function learnerAtCheck(client: TestClient, name = "Sam", classCode?: string) {
  const joined = await client.post("/api/learners", { name, ...(classCode && { classCode }) });
  if (joined.status !== 201) throw new Error(`could not join: ${JSON.stringify(joined.body)}`);
  const opened = await client.post("/api/sessions", {});
  const id = opened.body.session.id as string;
  const node = lesson.nodes.find((n) => n.id === lesson.start);
  if (!node) throw new Error("the lesson has no start node");
  let state = opened.body.state;
  while (state.phase === "socratic") {
    const res = await client.post(`/api/sessions/${id}/messages?stream=false`, {
      text: strongLearner(node, state),
    });
    state = res.body.state;
  }
  return { client, id, node, learnerId: joined.body.learner.id as string };
}
