import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Principal } from "../../env";
import { preparedPerDb } from "../prepared";
import { authSessions } from "../schema";
import type { Db } from "../types";

export async function insertAuthSession(
  db: Db,
  id: string,
  principal: Principal,
  expiresAt: number,
) {
  await db.insert(authSessions).values({
    id,
    teacherId: principal.kind === "teacher" ? principal.id : null,
    learnerId: principal.kind === "learner" ? principal.id : null,
    expiresAt,
  });
}

const principalQuery = preparedPerDb((db) =>
  db
    .select({ teacherId: authSessions.teacherId, learnerId: authSessions.learnerId })
    .from(authSessions)
    .where(
      and(
        eq(authSessions.id, sql.placeholder("id")),
        gt(authSessions.expiresAt, sql.placeholder("now")),
      ),
    )
    .limit(1)
    .prepare(),
);

export async function findPrincipal(db: Db, id: string, now: number): Promise<Principal | null> {
  const row = await principalQuery(db).get({ id, now });
  if (row?.teacherId) return { kind: "teacher", id: row.teacherId };
  if (row?.learnerId) return { kind: "learner", id: row.learnerId };
  return null;
}

export async function deleteAuthSession(db: Db, id: string) {
  await db.delete(authSessions).where(eq(authSessions.id, id));
}

export async function deleteExpiredAuthSessions(db: Db, now: number) {
  await db.delete(authSessions).where(lt(authSessions.expiresAt, now));
}
