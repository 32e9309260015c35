import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_MODULES } from '../../../shared/modules';

const ROOT = join(__dirname, '..', '..', '..');
/** Code that runs backups and restores for every module: it must know none by name. */
const ENGINE_DIRS = ['shared/backup', 'shared/restore', 'shared/snapshots', 'functions'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('engines and modules', () => {
  it('keeps every module fact in shared/modules: no engine file names a module id', () => {
    const ids = ALL_MODULES.map((m) => m.id);
    const quoted = new RegExp(`['"\`](${ids.join('|')})['"\`]`);
    const offenders = ENGINE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(ROOT, file)}:${i + 1}` })),
      )
      .filter(({ line }) => quoted.test(line))
      .map(({ line, at }) => `${at} ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});
