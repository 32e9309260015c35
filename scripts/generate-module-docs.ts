/**
 * Writes docs/modules.md from the module catalogue. Run from the repository root:
 *   npx tsc -p tsconfig.json --outDir /tmp/mdocs && node /tmp/mdocs/scripts/generate-module-docs.js
 * `--check` only compares and exits 1 when the file is out of date.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Prettier from 'prettier';
import { renderModuleDocs } from '../shared/modules/moduleDocs';

export const MODULE_DOCS_PATH = path.join('docs', 'modules.md');

/**
 * The catalogue's docs as prettier formats them, so `prettier --write` over the repository
 * never makes the committed file differ from what this script generates.
 */
export async function formattedModuleDocs(target = MODULE_DOCS_PATH): Promise<string> {
  // Resolved from the repository, not from this file: the script may be compiled elsewhere.
  const prettier = createRequire(path.resolve('package.json'))('prettier') as typeof Prettier;
  const config = (await prettier.resolveConfig(path.resolve(target))) ?? {};
  return prettier.format(renderModuleDocs(), { ...config, parser: 'markdown' });
}

async function main(args: string[]): Promise<number> {
  const target = path.resolve(args.find((a) => !a.startsWith('--')) ?? MODULE_DOCS_PATH);
  const expected = await formattedModuleDocs(target);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (args.includes('--check')) {
    if (current === expected) return 0;
    process.stderr.write(`${target} is out of date: run scripts/generate-module-docs.ts\n`);
    return 1;
  }
  if (current !== expected) fs.writeFileSync(target, expected);
  process.stdout.write(`${target}: ${current === expected ? 'up to date' : 'written'}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
