import type { ReactNode } from 'react';

/**
 * Wraps a table that may scroll sideways on narrow screens: the wrapper is a labelled region in the tab
 * order, so keyboard users can scroll it (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
