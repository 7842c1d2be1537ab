import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFromFiles, bundleFromZip } from './bundle';
import type { OneRosterBundle } from './types';

/** The only file-system access of this library: reads a bundle from a folder of CSV files or a zip. */
export function readBundle(path: string): OneRosterBundle {
  if (statSync(path).isDirectory()) {
    const files: Record<string, Uint8Array> = {};
    for (const name of readdirSync(path)) {
      if (!name.toLowerCase().endsWith('.csv')) continue;
      const full = join(path, name);
      if (statSync(full).isFile()) files[name] = readFileSync(full);
    }
    return bundleFromFiles(files);
  }
  return bundleFromZip(readFileSync(path));
}
