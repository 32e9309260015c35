import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** Answers a request outside `/api/`; resolves false when it is not this handler's to answer. */
export type OtherRequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Where `npm run build` puts the portal, seen from this file compiled (dist/local) or not (local). */
export function defaultPortalDir(): string {
  const parent = path.resolve(__dirname, '..');
  return path.basename(parent) === 'dist'
    ? path.join(parent, 'portal')
    : path.join(parent, 'dist', 'portal');
}

/**
 * Serves the built portal as static files, the way Static Web Apps does: files by path,
 * `index.html` for `/`, hashed assets cached for good, everything else revalidated. Paths are
 * resolved inside `rootDir` only; `..` and encoded separators never leave it.
 */
export function staticFileHandler(rootDir: string): OtherRequestHandler {
  const root = path.resolve(rootDir);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return false;
    }
    if (pathname.includes('\0') || pathname.includes('\\')) return false;
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return false;
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return false;
    res.statusCode = 200;
    res.setHeader('content-type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('content-length', info.size);
    res.setHeader(
      'cache-control',
      relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((resolve, reject) => {
      createReadStream(file).on('error', reject).pipe(res).on('finish', resolve);
    });
    return true;
  };
}
