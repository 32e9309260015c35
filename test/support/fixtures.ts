import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The one reader of vendored reference data under test/fixtures/: Microsoft Graph's v1.0 CSDL and
 * permissions reference (graph-metadata/) and Microsoft's documentation example payloads
 * (graph-examples/). Large files are stored gzip-compressed (`<name>.gz`); a missing fixture
 * throws, naming the file, so a conformance test fails instead of skipping.
 */

/** test/fixtures from the sources, and from the build too (dist/test/support → ../../../test/fixtures). */
export const FIXTURES_DIR =
  [
    path.resolve(__dirname, '..', 'fixtures'),
    path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures'),
  ].find((dir) => fs.existsSync(dir)) ?? path.resolve(__dirname, '..', 'fixtures');

/** The file a fixture is stored in: `<relPath>.gz` when compressed, else `<relPath>`. */
export function fixturePath(relPath: string): string {
  const compressed = path.join(FIXTURES_DIR, `${relPath}.gz`);
  if (fs.existsSync(compressed)) return compressed;
  const plain = path.join(FIXTURES_DIR, relPath);
  if (fs.existsSync(plain)) return plain;
  throw new Error(
    `test fixture ${relPath} is missing: expected ${path.relative(process.cwd(), compressed)} ` +
      '(see the SOURCE.md beside it for where it comes from)',
  );
}

const textCache = new Map<string, string>();

/** A fixture's text, gunzipped when stored compressed; read once per test file. */
export function readFixtureText(relPath: string): string {
  const cached = textCache.get(relPath);
  if (cached !== undefined) return cached;
  const file = fixturePath(relPath);
  const bytes = fs.readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  textCache.set(relPath, text);
  return text;
}

export function readFixtureJson<T = unknown>(relPath: string): T {
  return JSON.parse(readFixtureText(relPath)) as T;
}

/** The names of the vendored example payloads (`users`, `groupMembers`, `readonly`, …). */
export function graphExampleNames(): string[] {
  return fs
    .readdirSync(path.join(FIXTURES_DIR, 'graph-examples'))
    .filter((name) => name.endsWith('.json.gz'))
    .map((name) => name.slice(0, -'.json.gz'.length))
    .sort();
}

/** One of Microsoft's documentation example payloads, e.g. `readGraphExample('users')`. */
export function readGraphExample<T = unknown>(name: string): T {
  return readFixtureJson<T>(`graph-examples/${name}.json`);
}

/** Microsoft Graph's v1.0 CSDL (msgraph-metadata schemas/v1.0-Prod.csdl). */
export function readCsdlText(): string {
  return readFixtureText('graph-metadata/v1.0-Prod.csdl');
}

/** Microsoft Graph's permissions reference (microsoft-graph-devx-content permissions.json). */
export function readGraphPermissions<T = unknown>(): T {
  return readFixtureJson<T>('graph-metadata/permissions.json');
}
