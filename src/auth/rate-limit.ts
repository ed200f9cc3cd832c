import { releaseSlots, type Slot, takeSlot } from "../db/queries/rate-limits";
import type { Db } from "../db/types";
import { ApiError } from "../http/errors";

/** At most `max` hits on `key` per fixed window of `windowMs`. */
export type Limit = { key: string; max: number; windowMs: number };

/** Slots held in every limit of an action; a success that should not count gives them back. */
export type Permit = { release: () => Promise<void> };

const MINUTE = 60_000;

function waitFor(windowMs: number): string {
  const minutes = Math.ceil(windowMs / MINUTE);
  if (minutes <= 60) return minutes === 1 ? "a minute" : `up to ${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return `up to ${hours} hours`;
}

function rateLimited(limit: Limit) {
  return new ApiError(
    429,
    "rate_limited",
    `Too many attempts. Wait ${waitFor(limit.windowMs)} and try again.`,
  );
}

/**
 * Takes a slot in each limit, in order, before the guarded work runs (so work in flight counts
 * too and concurrent requests cannot slip past a limit). At the first full limit it gives back
 * the slots already taken, so a refused request costs nothing, and refuses with 429.
 */
export async function acquire(db: Db, limits: Limit[], now: number): Promise<Permit> {
  const taken: Slot[] = [];
  for (const limit of limits) {
    const slot = await takeSlot(db, limit.key, limit.max, limit.windowMs, now);
    if (!slot) {
      await releaseSlots(db, taken);
      throw rateLimited(limit);
    }
    taken.push(slot);
  }
  return { release: () => releaseSlots(db, taken) };
}
