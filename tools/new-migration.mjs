// `npm run db:generate -- <Name>`: writes migrations/<timestamp>-<name>.ts with the SQL that brings a
// database (DATABASE_URL, every migration applied) in line with the entities, and its reverse.
// Review the file, then add the class to migrations/index.ts.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run db:generate -- PascalCaseName   (with DATABASE_URL set)');
  process.exit(2);
}
const diff = spawnSync(process.execPath, ['dist/apps/api/src/cli/schema-diff.js'], { encoding: 'utf8' });
if (diff.status === 0) {
  console.log('Migrations already match the entities: nothing to generate.');
  process.exit(0);
}
const [upPart] = diff.stdout.split('-- down');
const up = upPart
  .replace('-- up', '')
  .split(';\n')
  .map((q) => q.trim().replace(/;$/, ''))
  .filter(Boolean);
if (up.length === 0) {
  console.error(diff.stderr || 'schema-diff failed');
  process.exit(1);
}
const down = [];
for (const q of [...up].reverse()) {
  let m;
  if ((m = /^ALTER TABLE "([^"]+)" ADD CONSTRAINT "([^"]+)"/.exec(q)))
    down.push(`ALTER TABLE "${m[1]}" DROP CONSTRAINT "${m[2]}"`);
  else if ((m = /^CREATE TABLE "([^"]+)"/.exec(q))) down.push(`DROP TABLE "${m[1]}"`);
  else if ((m = /^CREATE (?:UNIQUE )?INDEX "([^"]+)"/.exec(q))) down.push(`DROP INDEX "${m[1]}"`);
  else down.push(`-- TODO reverse: ${q}`);
}
// Indexes go with their tables.
const tables = new Set(up.map((q) => /^CREATE TABLE "([^"]+)"/.exec(q)?.[1]).filter(Boolean));
const downFinal = down.filter((q) => {
  const idx = /^DROP INDEX "([^"]+)"/.exec(q);
  if (!idx) return true;
  const created = up.find((u) => u.includes(`INDEX "${idx[1]}"`));
  const table = created && /ON "([^"]+)"/.exec(created)?.[1];
  return !tables.has(table);
});
const stamp = Date.now();
const lines = (qs) => qs.map((q) => `    await q.query(\`${q}\`);`).join('\n');
const file = `migrations/${stamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
writeFileSync(
  file,
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(q: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines(downFinal)}
  }
}
`,
);
console.log(`Wrote ${file}: add ${name}${stamp} to migrations/index.ts`);
