import { unzipSync } from 'fflate';
import type { OneRosterBundle } from './types';

/** Every file a OneRoster 1.1 or 1.2 CSV bundle may hold (canonical spelling). */
export const ONEROSTER_FILES = [
  'manifest.csv',
  'academicSessions.csv',
  'categories.csv',
  'classes.csv',
  'classResources.csv',
  'courses.csv',
  'courseResources.csv',
  'demographics.csv',
  'enrollments.csv',
  'lineItemLearningObjectiveIds.csv',
  'lineItems.csv',
  'lineItemScoreScales.csv',
  'orgs.csv',
  'resources.csv',
  'results.csv',
  'resultLearningObjectiveIds.csv',
  'resultScoreScales.csv',
  'roles.csv',
  'scoreScales.csv',
  'userProfiles.csv',
  'userResources.csv',
  'users.csv',
] as const;

/** Largest bundle read, uncompressed (guards against zip bombs). */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

const decoder = new TextDecoder('utf-8');

/** Files by name → bundle: keeps CSV files, spelled as the standard spells them (matched case-insensitively). */
export function bundleFromFiles(files: Readonly<Record<string, Uint8Array | string>>): OneRosterBundle {
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const base = name.split('/').pop() ?? name;
    if (!base.toLowerCase().endsWith('.csv')) continue;
    const canonical = ONEROSTER_FILES.find((f) => f.toLowerCase() === base.toLowerCase()) ?? base;
    out[canonical] = typeof content === 'string' ? content : decoder.decode(content);
  }
  return { files: out };
}

/**
 * A zipped bundle → bundle. The CSV files may sit at the top of the zip or in one folder; macOS metadata
 * (`__MACOSX/`) is ignored. Throws a RangeError when the content is larger than `MAX_BUNDLE_BYTES`.
 */
export function bundleFromZip(bytes: Uint8Array): OneRosterBundle {
  let total = 0;
  const entries = unzipSync(bytes, {
    filter: (file) => {
      if (file.name.startsWith('__MACOSX/') || !file.name.toLowerCase().endsWith('.csv')) return false;
      total += file.originalSize;
      if (total > MAX_BUNDLE_BYTES)
        throw new RangeError(`The zip holds more than ${MAX_BUNDLE_BYTES} bytes of CSV; split the export`);
      return true;
    },
  });
  const depth = new Set(Object.keys(entries).map((n) => n.split('/').length));
  if (depth.size > 1) {
    const top = Math.min(...depth);
    for (const name of Object.keys(entries)) if (name.split('/').length !== top) delete entries[name];
  }
  return bundleFromFiles(entries);
}
