import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MODULE_FILE, parseModule, type ModuleFiles, type ParsedModule, type ParseOptions } from './parse';

// Reading modules from disk (Node only; everything else in this library also runs in a browser).

/** Reads every content file under `dir` (YAML, Markdown, SVG images; skipping dot-files) into a ModuleFiles map. */
export async function readModuleFiles(dir: string): Promise<ModuleFiles> {
  const files: ModuleFiles = {};
  const visit = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) await visit(p);
      else if (/\.(ya?ml|md|svg)$/.test(entry.name))
        files[relative(dir, p).split(sep).join('/')] = await readFile(p, 'utf8');
    }
  };
  await visit(dir);
  return files;
}

/**
 * Reads and parses a module folder. Issues name files as `<basePath>/<relative path>`; basePath
 * defaults to `dir` as given.
 */
export async function loadModule(dir: string, options: ParseOptions = {}): Promise<ParsedModule> {
  const files = await readModuleFiles(dir);
  return parseModule(files, { basePath: (options.basePath ?? dir).replace(/\/+$/, '') });
}

/** Module folders directly under a curricula folder (those holding a module.yaml). */
export async function listModuleDirs(curriculaDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(curriculaDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const names = await readdir(join(curriculaDir, entry.name));
    if (names.includes(MODULE_FILE)) out.push(join(curriculaDir, entry.name));
  }
  return out.sort();
}
