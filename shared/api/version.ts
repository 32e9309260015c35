import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/**
 * The app version: `APP_VERSION` when the deployment sets it, else package.json's version found
 * by walking up from this file (works from the sources and from `dist/`).
 */
export function appVersion(): string {
  if (process.env.APP_VERSION?.trim()) return process.env.APP_VERSION.trim();
  cached ??= readPackageVersion();
  return cached;
}

function readPackageVersion(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'entra-backup' && pkg.version) return pkg.version;
    } catch {
      // not here; keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return '0.0.0-unknown';
}
