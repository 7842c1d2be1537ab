import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { formatIssue, readBundle, type OneRosterBundle } from '@haven/oneroster';
import { createApp } from '../bootstrap';
import { ConfigError, loadConfig } from '../config/config';
import { DatabaseUnreachableError, migrate, startDatabase } from '../database/database';
import { DataFolderLockedError } from '../database/embedded';
import { District } from '../identity/district.entity';
import { ENTITY_KINDS } from '@haven/oneroster';
import { ImportResult, RosterImportService } from '../roster-import/roster-import.service';

const USAGE = `Usage: npm run roster:import -- --district <id or name> [--valid-rows] [--dry-run] <zip|folder>

Imports a OneRoster 1.1/1.2 CSV export into a district (DATABASE_URL, or the embedded database).
  --valid-rows  import the rows without errors (default: an import with errors writes nothing)
  --dry-run     show what would change; write nothing`;

interface Args {
  district: string;
  path: string;
  validRows: boolean;
  dryRun: boolean;
}

function parseArgs(argv: string[]): Args | string {
  let district: string | undefined;
  let path: string | undefined;
  let validRows = false;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--district') district = argv[++i];
    else if (a.startsWith('--district=')) district = a.slice('--district='.length);
    else if (a === '--valid-rows') validRows = true;
    else if (a === '--dry-run') dryRun = true;
    else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('--')) return `Unknown option ${a}\n\n${USAGE}`;
    else if (path) return `Give one zip or folder\n\n${USAGE}`;
    else path = a;
  }
  if (!district || !path) return USAGE;
  return { district, path, validRows, dryRun };
}

function summary(r: ImportResult): string[] {
  const line = (what: string, counts: Record<string, number>): string =>
    `${what}: ${ENTITY_KINDS.map((k) => `${counts[k]} ${k}`).join(', ')}`;
  const verb = r.status === 'applied' || r.status === 'unchanged' ? '' : 'Would be';
  return [
    line(`${verb} created`.trim(), r.counts.created),
    line(`${verb} updated`.trim(), r.counts.updated),
    line(`${verb} deactivated`.trim(), r.counts.deactivated),
    `${r.counts.errors} error(s), ${r.counts.warnings} warning(s)`,
  ];
}

/** `npm run roster:import`: the same import as the admin page, from the command line. */
async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  let bundle: OneRosterBundle;
  try {
    bundle = readBundle(args.path);
  } catch (e) {
    console.error(`Cannot read ${args.path}: ${(e as Error).message}`);
    return 2;
  }
  const config = loadConfig();
  const db = await startDatabase(config);
  try {
    await migrate(db.url, db.embedded);
    const app = await createApp({ config, databaseUrl: db.url, logger: ['error', 'warn'] });
    try {
      const ds = app.get<DataSource>(getDataSourceToken());
      const byId = /^[0-9a-f-]{36}$/i.test(args.district)
        ? await ds.getRepository(District).findOne({ where: { id: args.district } })
        : null;
      const matches =
        byId !== null
          ? [byId]
          : await ds
              .getRepository(District)
              .createQueryBuilder('d')
              .where('lower(d.name) = lower(:name)', { name: args.district })
              .getMany();
      if (matches.length !== 1) {
        console.error(
          matches.length
            ? `Several districts are named "${args.district}": give its id`
            : `No district "${args.district}"`,
        );
        return 2;
      }
      const district = matches[0];
      const result = await app.get(RosterImportService).run({ userId: null }, district.id, bundle, {
        mode: args.validRows ? 'valid-rows' : 'all-or-nothing',
        dryRun: args.dryRun,
        fileName: basename(args.path),
      });
      for (const issue of result.issues) console.log(formatIssue(issue));
      console.log(`\n${district.name}: ${result.dryRun ? 'dry run, nothing written' : result.status}`);
      for (const l of summary(result)) console.log(l);
      if (result.status === 'rejected')
        console.log(
          'Nothing was written: fix the errors, or run with --valid-rows to import the valid rows.',
        );
      if (result.createdStudents.length) {
        console.log(
          '\nNew students and their initial PINs (shown once; hand them out, then clear this output):',
        );
        for (const s of result.createdStudents)
          console.log(`${s.school}\t${s.username}\t${s.displayName}\t${s.initialPin}`);
      }
      for (const note of result.notes) console.log(`\nNote: ${note}`);
      return result.counts.errors > 0 ? 1 : 0;
    } finally {
      await app.close();
    }
  } finally {
    await db.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const known =
      e instanceof ConfigError || e instanceof DatabaseUnreachableError || e instanceof DataFolderLockedError;
    console.error(known ? (e as Error).message : `Import failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
