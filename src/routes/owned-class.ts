import { createMiddleware } from "hono/factory";
import { findOwnedClass } from "../db/queries/classes";
import type { classes } from "../db/schema";
import type { AppEnv } from "../env";
import { notFound, unauthorized, validationError } from "../http/errors";
import { idParam } from "../http/fields";

export type ClassEnv = {
  Variables: AppEnv["Variables"] & { ownedClass: typeof classes.$inferSelect };
};

/**
 * After `requireTeacher`: loads the `:id` class if the caller owns it. Another teacher's class
 * and a class that does not exist get the same 404, so ids reveal nothing. Route groups mounted
 * side by side each use it; the class is looked up once per request.
 */
export const loadOwnedClass = () =>
  createMiddleware<ClassEnv>(async (c, next) => {
    if (c.get("ownedClass")) return next();
    const params = idParam.safeParse({ id: c.req.param("id") });
    if (!params.success) throw validationError(params.error, "path parameters");
    const principal = c.var.principal;
    if (principal?.kind !== "teacher") throw unauthorized();
    const klass = await findOwnedClass(c.var.deps.db, principal.id, params.data.id);
    if (!klass) throw notFound("Class");
    c.set("ownedClass", klass);
    await next();
  });

/** `:id` of a class and `:learnerId` of one of its learners. */
export const classLearnerParams = idParam.extend({ learnerId: idParam.shape.id });
