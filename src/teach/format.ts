/** Formatting shared by the server-rendered class view and the script that refreshes it. */
import { isMastered, MASTERY_THRESHOLD } from "../tutor/mastery";

/** Rounded down, so 89.6% mastery never reads as the 90% threshold. */
export function percentOf(fraction: number): number {
  return Math.floor(fraction * 100 + 1e-9);
}

export function formatPercent(fraction: number): string {
  return `${percentOf(fraction)}%`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatAgo(at: number, now: number): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  const days = Math.floor(elapsed / DAY);
  return days === 1 ? "yesterday" : `${days} days ago`;
}

const HEAT_STEPS_BELOW_MASTERY = 5;

/** The heatmap's colour class: five steps below the mastery threshold, mastered, or not practised. */
export function heatClass(value: number | null | undefined): string {
  if (value == null) return "heat-none";
  if (isMastered(value)) return "heat-mastered";
  return `heat-${Math.floor((value / MASTERY_THRESHOLD) * HEAT_STEPS_BELOW_MASTERY)}`;
}

/** A heatmap cell's visible text: the percentage, or nothing before any practice. */
export function heatText(value: number | null | undefined): string {
  return value == null ? "" : String(percentOf(value));
}

export function masteryLabel(value: number | null | undefined): string {
  if (value == null) return "not practised";
  return isMastered(value) ? `${formatPercent(value)}, mastered` : formatPercent(value);
}

export function countLabel(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
