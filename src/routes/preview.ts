import { Hono } from "hono";
import { z } from "zod";
import { requireTeacher } from "../auth/session";
import { lesson } from "../curriculum/lesson";
import type { AppEnv } from "../env";
import { messageText } from "../http/fields";
import { validate } from "../http/validate";
import { previewAnswer } from "../sessions/preview";
import { MAX_MESSAGE_CHARACTERS } from "./turn-body";

const nodeIds = lesson.nodes.map((n) => n.id);

const previewBody = z
  .strictObject({
    nodeId: z.string().refine((id) => nodeIds.includes(id), "must be a node of the lesson"),
    question: z.enum(["check", "guiding"]),
    step: z.number().int().min(0).optional(),
    text: messageText(MAX_MESSAGE_CHARACTERS),
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
 * a fresh learner at that question would get. Nothing is stored; learners get 403.
 */
export const previewRoutes = new Hono<AppEnv>()
  .use(requireTeacher())
  .post("/answer", validate("json", previewBody), (c) => {
    const { nodeId, question, step, text } = c.req.valid("json");
    const target = question === "guiding" ? { question, step: step ?? 0 } : { question };
    return c.json(previewAnswer(lesson, nodeId, target, text));
  });
