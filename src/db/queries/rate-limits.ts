import { and, eq, lt, sql } from "drizzle-orm";
import { rateLimits } from "../schema";
import type { Db } from "../types";

/** A counter slot that was granted: which window it was counted in, so it can be given back. */
export type Slot = { key: string; windowStart: number };

/**
 * Counts one hit for `key` unless its window already holds `max`, in one statement: the upsert
 * increments and reads atomically, so concurrent callers can never be granted more than `max`
 * slots in a window. A refused hit changes nothing and returns null. A window that has passed
 * starts again at one. (Upsert with a WHERE and RETURNING: SQLite 3.35+, which D1 runs.)
 */
export async function takeSlot(
  db: Db,
  key: string,
  max: number,
  windowMs: number,
  now: number,
): Promise<Slot | null> {
  const expired = sql`${rateLimits.windowStart} <= ${now - windowMs}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${now} else ${rateLimits.windowStart} end`,
      },
      setWhere: sql`${expired} or ${rateLimits.count} < ${max}`,
    })
    .returning({ windowStart: rateLimits.windowStart });
  return row ? { key, windowStart: row.windowStart } : null;
}

/** Gives slots back, each only if its window is still the current one (a new window owes nothing). */
export async function releaseSlots(db: Db, slots: Slot[]) {
  const [first, ...rest] = slots.map((slot) =>
    db
      .update(rateLimits)
      .set({ count: sql`max(${rateLimits.count} - 1, 0)` })
      .where(and(eq(rateLimits.key, slot.key), eq(rateLimits.windowStart, slot.windowStart))),
  );
  if (first) await db.batch([first, ...rest]);
}

/** Drops counters whose window began before `before`: they can no longer refuse anyone. */
export async function deleteCountersOlderThan(db: Db, before: number) {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}
