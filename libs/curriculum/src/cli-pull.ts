import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import semver from 'semver';
import { isModelledPath } from './authoring/document-files';
import { ModuleZipError, unpackModuleZip } from './authoring/module-zip';
import { readModuleFiles } from './load-module';
import { MODULE_FILE, type ModuleFiles } from './parse';
import { SLUG_PATTERN } from './schemas';

/** The `fetch` the CLI uses (injected in tests). */
export type FetchFn = (url: string, init?: RequestInit) => Promise<Response>;

export interface PullOptions {
  /** `<module>@<version>`. */
  spec: string;
  /** Base URL of a running Haven, e.g. `http://localhost:3000`. */
  from: string;
  /** Absolute path of the curricula folder to write into. */
  outDir: string;
  /** Shown in messages instead of `outDir` (e.g. the path as typed). */
  shownOutDir: string;
  email: string | undefined;
  password: string | undefined;
  fetch: FetchFn;
  out: (line: string) => void;
}

/** An error the CLI prints as is (no stack): bad input, server refused, nothing to write. */
export class PullError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'PullError';
  }
}

/** `online-safety-6-8@1.1.0` → `{ moduleId, version }`; throws a PullError (exit 2) otherwise. */
export function parseModuleSpec(spec: string): { moduleId: string; version: string } {
  const at = spec.lastIndexOf('@');
  const moduleId = at > 0 ? spec.slice(0, at) : '';
  const version = at > 0 ? spec.slice(at + 1) : '';
  if (!SLUG_PATTERN.test(moduleId) || semver.valid(version) === null || semver.clean(version) !== version)
    throw new PullError(
      `"${spec}" is not <module>@<version>, e.g. online-safety-6-8@1.1.0 (a module id and a semantic version)`,
      2,
    );
  return { moduleId, version };
}

const SIGN_IN = 'mutation SignIn($input: StaffSignInInput!) { signIn(input: $input) { id } }';

/** `name=value` of each Set-Cookie header, joined as a Cookie header. */
function cookieHeader(res: Response): string {
  const headers = res.headers as Headers & { getSetCookie?: () => string[] };
  const all =
    typeof headers.getSetCookie === 'function'
      ? headers.getSetCookie()
      : (headers.get('set-cookie') ?? '').split(/,(?=\s*[^;,=\s]+=)/);
  return all
    .map((c) => c.split(';')[0]?.trim() ?? '')
    .filter((c) => c.includes('='))
    .join('; ');
}

async function request(fetchFn: FetchFn, url: string, init: RequestInit, from: string): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
    throw new PullError(`cannot reach Haven at ${from} (${why}); is it running? (--from <url>)`);
  }
}

/** Signs in as a staff member and returns the session cookie. */
async function signIn(o: PullOptions, base: string): Promise<string> {
  if (!o.email || !o.password)
    throw new PullError('set HAVEN_EMAIL and HAVEN_PASSWORD to the email and password of a staff account', 2);
  const res = await request(
    o.fetch,
    `${base}/graphql`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Apollo's CSRF prevention accepts JSON requests; this header makes the intent explicit.
        'apollo-require-preflight': 'true',
        'x-haven-csrf': '1',
      },
      body: JSON.stringify({
        operationName: 'SignIn',
        query: SIGN_IN,
        variables: { input: { email: o.email, password: o.password } },
      }),
    },
    o.from,
  );
  let body:
    { errors?: { message?: string }[]; data?: { signIn?: { id?: string } | null } | null } | undefined;
  try {
    body = (await res.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const message = body?.errors?.[0]?.message;
  if (!res.ok || message || !body?.data?.signIn)
    throw new PullError(
      `sign-in as ${o.email} failed${message ? `: ${message}` : ` (HTTP ${res.status})`}; check HAVEN_EMAIL and HAVEN_PASSWORD`,
    );
  const cookie = cookieHeader(res);
  if (!cookie) throw new PullError(`sign-in at ${o.from} returned no session cookie`);
  return cookie;
}

/**
 * `curricula pull <module>@<version>`: signs in to a running Haven (HAVEN_EMAIL / HAVEN_PASSWORD),
 * downloads `GET <from>/exports/modules/<module>/<version>.zip`, and writes its files into
 * `<out>/<module>/`: every file of the zip is written, module.yaml, lesson, scenario and assessment
 * files that are not in the zip are deleted, and other files (e.g. README.md) are kept unless the zip
 * has them. Prints one line per file. Throws a PullError with a message for people on failure.
 */
export async function pullModule(o: PullOptions): Promise<void> {
  const { moduleId, version } = parseModuleSpec(o.spec);
  let base: string;
  try {
    base = new URL(o.from).toString().replace(/\/+$/, '');
  } catch {
    throw new PullError(`--from "${o.from}" is not a URL such as http://localhost:3000`, 2);
  }
  const cookie = await signIn(o, base);
  const url = `${base}/exports/modules/${moduleId}/${version}.zip`;
  const res = await request(o.fetch, url, { headers: { cookie, 'x-haven-csrf': '1' } }, o.from);
  if (res.status === 401 || res.status === 403)
    throw new PullError(`${url}: HTTP ${res.status}; the account ${o.email ?? ''} may not export modules`);
  if (res.status === 404) throw new PullError(`${moduleId}@${version} was not found at ${o.from} (HTTP 404)`);
  if (!res.ok) throw new PullError(`${url}: HTTP ${res.status} ${res.statusText}`.trim());

  let files: ModuleFiles;
  try {
    files = unpackModuleZip(new Uint8Array(await res.arrayBuffer()));
  } catch (e) {
    if (e instanceof ModuleZipError)
      throw new PullError(`the download is not a usable module zip: ${e.message}`);
    throw e;
  }
  if (files[MODULE_FILE] === undefined)
    throw new PullError('the download is not a module zip: it has no module.yaml');

  const dir = join(o.outDir, moduleId);
  const shown = (p: string): string => `${o.shownOutDir.replace(/\/+$/, '')}/${moduleId}/${p}`;
  let existing: ModuleFiles = {};
  try {
    existing = await readModuleFiles(dir);
  } catch {
    existing = {};
  }
  let written = 0;
  let deleted = 0;
  for (const path of Object.keys(existing).sort()) {
    if (isModelledPath(path) && files[path] === undefined) {
      await rm(join(dir, path));
      o.out(`deleted   ${shown(path)}`);
      deleted++;
    }
  }
  for (const path of Object.keys(files).sort()) {
    const text = files[path]!;
    const target = join(dir, path);
    let old: string | undefined;
    try {
      old = await readFile(target, 'utf8');
    } catch {
      old = undefined;
    }
    if (old === text) {
      o.out(`unchanged ${shown(path)}`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    o.out(`${old === undefined ? 'created' : 'updated'}   ${shown(path)}`);
    written++;
  }
  o.out(
    `${moduleId}@${version} → ${o.shownOutDir.replace(/\/+$/, '')}/${moduleId}/: ${written} file(s) written, ${deleted} deleted`,
  );
}
