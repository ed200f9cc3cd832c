import { Hono } from "hono";
import { z } from "zod";
import { principalId, requireTeacher } from "../auth/session";
import { lesson } from "../curriculum/lesson";
import { findOwnedClass } from "../db/queries/classes";
import { listClassExemplars } from "../db/queries/reviews";
import type { AppEnv } from "../env";
import { notFound } from "../http/errors";
import { idParam, messageText } from "../http/fields";
import { validate } from "../http/validate";
import { exemplarReading, toExemplar } from "../review/exemplars";
import { previewAnswer } from "../sessions/preview";
import { MAX_MESSAGE_CHARACTERS } from "./turn-body";

const nodeIds = lesson.nodes.map((n) => n.id);

const previewBody = z
  .strictObject({
    nodeId: z.string().refine((id) => nodeIds.includes(id), "must be a node of the lesson"),
    question: z.enum(["check", "guiding"]),
    step: z.number().int().min(0).optional(),
    text: messageText(MAX_MESSAGE_CHARACTERS),
    /** Read as in this class of the teacher's: its exemplars (reviewed answers) apply. */
    classId: idParam.shape.id.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.question !== "guiding") return;
    const node = lesson.nodes.find((n) => n.id === body.nodeId);
    if (body.step === undefined || !node?.voices.socratic[body.step]) {
      ctx.addIssue({
        code: "custom",
        path: ["step"],
        message: `must name a guiding question of the node (0 to ${(node?.voices.socratic.length ?? 1) - 1})`,
      });
    }
  });

/**
 * Teachers try an answer before class: POST /api/preview/answer returns the reading and the reply
 * a fresh learner at that question would get, in one of the teacher's classes if `classId` says
 * so. Nothing is stored; learners get 403.
 */
export const previewRoutes = new Hono<AppEnv>()
  .use(requireTeacher())
  .post("/answer", validate("json", previewBody), async (c) => {
    const { nodeId, question, step, text, classId } = c.req.valid("json");
    const target = question === "guiding" ? { question, step: step ?? 0 } : { question };
    if (!classId) return c.json(previewAnswer(lesson, nodeId, target, text));
    const { db } = c.var.deps;
    if (!(await findOwnedClass(db, principalId(c), classId))) throw notFound("Class");
    const exemplars = (await listClassExemplars(db, classId)).map(toExemplar);
    const teacherReading = question === "check" && exemplarReading(exemplars, nodeId, text);
    return c.json(
      previewAnswer(lesson, nodeId, target, text, teacherReading ? { teacherReading } : {}),
    );
  });
