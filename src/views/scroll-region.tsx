import type { Child } from "hono/jsx";

/**
 * A wide table's own sideways scroller, so the page never scrolls sideways on a phone: a named
 * region (a section with a label) for screen readers, focusable so the arrow keys scroll it.
 */
export function ScrollRegion({ label, children }: { label: string; children: Child }) {
  return (
    <section class="table-scroll" aria-label={label} tabindex={0}>
      {children}
    </section>
  );
}
