import fs from 'node:fs';
import path from 'node:path';

/**
 * The repository stands alone: every relative link in its Markdown resolves to a file in it, and
 * nothing points at reference material outside it (the machine the project was first built on
 * kept Microsoft's metadata in a folder users do not have; it is vendored under test/fixtures/).
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.git']);
const TEXT_FILES = /\.(ts|js|mjs|cjs|json|md|ya?ml|bicep|sh)$/;
// Spelled in two parts so this file does not match itself.
const OUTSIDE_FOLDER = ['/work', 'shared'].join('/');

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('__')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

const files = walk(ROOT);
const markdown = files.filter((f) => f.endsWith('.md'));

/** Link targets of a Markdown text, outside fenced code blocks and code spans. */
export function linkTargets(text: string): string[] {
  const prose = text.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  const inline = [...prose.matchAll(/!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)];
  const definitions = [...prose.matchAll(/^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)];
  return [...inline, ...definitions].map((m) => m[1]);
}

function isRelative(target: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target);
}

describe('the repository is self-contained', () => {
  it('finds the Markdown files it checks', () => {
    const names = markdown.map((f) => path.relative(ROOT, f));
    expect(names).toEqual(
      expect.arrayContaining(['README.md', 'docs/design.md', 'test/simulator/README.md']),
    );
  });

  it('every relative link in a Markdown file resolves to a file or folder in the repository', () => {
    const broken: string[] = [];
    for (const file of markdown) {
      for (const target of linkTargets(fs.readFileSync(file, 'utf8')).filter(isRelative)) {
        const withoutFragment = decodeURI(target.split('#')[0].split('?')[0]);
        if (!withoutFragment) continue;
        const resolved = path.resolve(path.dirname(file), withoutFragment);
        if (!resolved.startsWith(ROOT + path.sep) || !fs.existsSync(resolved)) {
          broken.push(`${path.relative(ROOT, file)} → ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it(`no source, test or Markdown file mentions ${OUTSIDE_FOLDER}`, () => {
    const mentions = files
      .filter((f) => TEXT_FILES.test(f) && !f.endsWith('package-lock.json'))
      .filter((f) => fs.readFileSync(f, 'utf8').includes(OUTSIDE_FOLDER))
      .map((f) => path.relative(ROOT, f));
    expect(mentions).toEqual([]);
  });

  it('the link reader sees inline links, reference definitions and images, not code', () => {
    const text = [
      'See [design](docs/design.md#flow) and ![chart](chart.svg "c").',
      '[ref]: ../other.md',
      '`[not](a-link.md)`',
      '```',
      '[also not](in-code.md)',
      '```',
      '[web](https://example.com)',
    ].join('\n');
    expect(linkTargets(text)).toEqual([
      'docs/design.md#flow',
      'chart.svg',
      'https://example.com',
      '../other.md',
    ]);
  });
});
