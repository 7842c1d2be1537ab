import { useEffect, useState } from 'react';
import { addStrings } from './i18n';

let loading: Promise<void> | undefined;
let loaded = false;

/**
 * Loads the staff areas' texts (both languages) the first time a staff area opens; settles once they
 * are there. A failed load is tried again on the next call.
 */
export function loadStaffStrings(): Promise<void> {
  loading ??= import('./staff-strings').then(
    ({ staffStrings }) => {
      addStrings(staffStrings);
      loaded = true;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether the staff texts are there, loading them if not: for what a staff layout shows around an area. */
export function useStaffStrings(): boolean {
  const [ready, setReady] = useState(loaded);
  useEffect(() => {
    if (ready) return;
    let current = true;
    loadStaffStrings().then(
      () => current && setReady(true),
      () => undefined, // the area's own lazy load reports the failure
    );
    return () => {
      current = false;
    };
  }, [ready]);
  return ready;
}
