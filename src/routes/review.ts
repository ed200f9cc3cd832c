import { Hono } from "hono";
import { z } from "zod";
import { requireTeacher } from "../auth/session";
import { lesson } from "../curriculum/lesson";
import { listClassExemplars } from "../db/queries/reviews";
import { ApiError, notFound } from "../http/errors";
import { validate } from "../http/validate";
import { reviewedAnswersAsBank } from "../review/bank-yaml";
import { toExemplar, VerdictSchema } from "../review/exemplars";
import { loadReviewQueue } from "../review/queue-data";
import { reviewAnswer } from "../review/review-answer";
import { downloadName } from "../teach/download-name";
import { type ClassEnv, loadOwnedClass } from "./owned-class";

const rubricId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be an id of the rubric");

const verdictBody = z.strictObject({
  verdict: VerdictSchema,
  misconceptionId: rubricId.optional(),
  keyIdeas: z.array(rubricId).max(20).optional(),
});

const messageParams = z.object({
  id: z.string(),
  messageId: z.string().regex(/^[0-9a-f-]{36}$/i, "must be an id"),
});

/** The class's review queue and its exemplars, mounted at /api/classes beside the class routes. */
export const reviewRoutes = new Hono<ClassEnv>()
  .use(requireTeacher())
  .use("/:id/*", loadOwnedClass())
  .get("/:id/review", async (c) =>
    c.json({ answers: await loadReviewQueue(c.var.deps.db, c.var.ownedClass.id, lesson) }),
  )
  .get("/:id/review/bank.yaml", async (c) => {
    const klass = c.var.ownedClass;
    const rows = await listClassExemplars(c.var.deps.db, klass.id);
    const answers = rows.map((row) => ({ ...row, keyIdeas: toExemplar(row).keyIdeasFound }));
    c.header("content-type", "application/yaml; charset=utf-8");
    c.header(
      "content-disposition",
      `attachment; filename="${downloadName(klass.name, "answer-bank.yaml")}"`,
    );
    return c.body(reviewedAnswersAsBank(answers, lesson));
  })
  .post(
    "/:id/review/:messageId",
    validate("param", messageParams),
    validate("json", verdictBody),
    async (c) => {
      const { db, now } = c.var.deps;
      const outcome = await reviewAnswer(
        db,
        lesson,
        {
          classId: c.var.ownedClass.id,
          teacherId: c.var.ownedClass.teacherId,
          messageId: c.req.valid("param").messageId,
          verdict: c.req.valid("json"),
        },
        now(),
      );
      switch (outcome.kind) {
        case "not-found":
          throw notFound("Graded answer");
        case "invalid":
          throw new ApiError(
            400,
            "invalid_input",
            `Invalid request body. ${outcome.issues[0]?.path}: ${outcome.issues[0]?.message}`,
            outcome.issues,
          );
        case "busy":
          throw new ApiError(409, "busy", "The learner is answering right now; try again.");
        case "reviewed":
          return c.json({ review: outcome.review, mastery: outcome.mastery });
      }
    },
  );
