import { Hono } from "hono";
import { z } from "zod";
import { loginLimits } from "../auth/limits";
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from "../auth/password";
import { acquire } from "../auth/rate-limit";
import { endAuthSession, startAuthSession } from "../auth/session";
import { trustedDevice } from "../auth/trusted-device";
import { findLearnerById } from "../db/queries/learners";
import { findTeacherByEmail, findTeacherById } from "../db/queries/teachers";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { email } from "../http/fields";
import { validate } from "../http/validate";

const loginBody = z.strictObject({ email, password: z.string().min(1).max(200) });

export const authRoutes = new Hono<AppEnv>()
  .post("/login", validate("json", loginBody), async (c) => {
    const { db, now, clientAddress } = c.var.deps;
    const input = c.req.valid("json");
    const teacher = await findTeacherByEmail(db, input.email);
    const device = await trustedDevice(c);
    const trusted = teacher && device?.teacherId === teacher.id ? device.deviceId : null;
    // Every attempt holds a slot while its password is checked; a failure keeps it.
    const permit = await acquire(db, loginLimits(input.email, clientAddress(c), trusted), now());
    const valid = await verifyPassword(
      input.password,
      teacher?.passwordHash ?? UNKNOWN_ACCOUNT_HASH,
    );
    if (!teacher || !valid) {
      throw new ApiError(401, "invalid_credentials", "That email and password do not match.");
    }
    await permit.release();
    await startAuthSession(c, { kind: "teacher", id: teacher.id });
    return c.json({ teacher: { id: teacher.id, email: teacher.email, name: teacher.name } });
  })
  .post("/logout", async (c) => {
    await endAuthSession(c);
    return c.json({ ok: true });
  })
  .get("/me", async (c) => {
    const principal = c.var.principal;
    const { db } = c.var.deps;
    if (principal?.kind === "teacher") {
      return c.json({ teacher: (await findTeacherById(db, principal.id)) ?? null, learner: null });
    }
    if (principal?.kind === "learner") {
      return c.json({ teacher: null, learner: (await findLearnerById(db, principal.id)) ?? null });
    }
    return c.json({ teacher: null, learner: null });
  });
