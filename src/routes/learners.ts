import { Hono } from "hono";
import { z } from "zod";
import { hashResumeCode, JOIN_CODE_LENGTH, newResumeCode, normaliseCode } from "../auth/codes";
import { codeGuessLimits, guestSignupLimits } from "../auth/limits";
import { acquire } from "../auth/rate-limit";
import { startAuthSession } from "../auth/session";
import { findClassByCode } from "../db/queries/classes";
import { findLearnerByResumeHash, insertLearner } from "../db/queries/learners";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { displayName } from "../http/fields";
import { validate } from "../http/validate";

const code = (length: number, what: string) =>
  z
    .string()
    .max(40)
    .transform(normaliseCode)
    .pipe(
      z
        .string()
        .regex(new RegExp(`^[A-Z0-9]{${length}}$`), `must be a ${length}-character ${what}`),
    );

const joinBody = z.strictObject({
  name: displayName(40),
  classCode: code(JOIN_CODE_LENGTH, "class code").optional(),
});
const resumeBody = z.strictObject({ resumeCode: code(12, "resume code") });

export const learnerRoutes = new Hono<AppEnv>()
  .post("/", validate("json", joinBody), async (c) => {
    const { db, now, clientAddress, settings } = c.var.deps;
    const { name, classCode } = c.req.valid("json");
    const address = clientAddress(c);
    let classId: string | null = null;
    if (classCode) {
      // Each guess holds a slot while it is looked up; a wrong code keeps it, a right one not.
      const permit = await acquire(db, codeGuessLimits("join", address, name), now());
      const found = await findClassByCode(db, classCode);
      if (!found) {
        throw new ApiError(
          404,
          "unknown_class_code",
          "No class has that code. Check it with your teacher.",
        );
      }
      await permit.release();
      classId = found.id;
    } else {
      await acquire(db, guestSignupLimits(address, settings.limits.guestSignupsPerMinute), now());
    }
    const resumeCode = newResumeCode();
    const learner = { id: crypto.randomUUID(), name };
    await insertLearner(
      db,
      { ...learner, classId, resumeCodeHash: await hashResumeCode(resumeCode) },
      now(),
    );
    await startAuthSession(c, { kind: "learner", id: learner.id });
    return c.json({ learner: { ...learner, classId }, resumeCode }, 201);
  })
  .post("/resume", validate("json", resumeBody), async (c) => {
    const { db, now, clientAddress } = c.var.deps;
    const permit = await acquire(db, codeGuessLimits("resume", clientAddress(c)), now());
    const learner = await findLearnerByResumeHash(
      db,
      await hashResumeCode(c.req.valid("json").resumeCode),
    );
    if (!learner) {
      throw new ApiError(404, "unknown_resume_code", "No learner has that resume code.");
    }
    await permit.release();
    await startAuthSession(c, { kind: "learner", id: learner.id });
    return c.json({ learner });
  });
