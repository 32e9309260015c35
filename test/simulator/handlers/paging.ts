import { badRequest } from '../errors';
import { DEFAULT_PAGE_SIZE } from '../odata/query';
import type { HandlerContext } from './context';

export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeToken(token: string): unknown {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** `Prefer: odata.maxpagesize=N` (1..999), used where $top is not allowed (delta). */
export function preferredPageSize(ctx: HandlerContext): number | undefined {
  const m = /odata\.maxpagesize=(\d+)/i.exec(ctx.req.headers['prefer'] ?? '');
  return m ? Math.min(999, Math.max(1, Number(m[1]))) : undefined;
}

/**
 * One page of an id list: offset from $skiptoken, size from $top (default 100), and an absolute
 * @odata.nextLink that repeats the original query with a new opaque $skiptoken.
 */
export function pageIds(
  ctx: HandlerContext,
  ids: readonly string[],
): { ids: readonly string[]; nextLink?: string } {
  let offset = 0;
  if (ctx.query.skipToken !== undefined) {
    const decoded = decodeToken(ctx.query.skipToken) as { o?: unknown } | undefined;
    if (!decoded || typeof decoded.o !== 'number' || decoded.o < 0)
      throw badRequest('Invalid $skiptoken.');
    offset = decoded.o;
  }
  const size = ctx.query.top ?? preferredPageSize(ctx) ?? DEFAULT_PAGE_SIZE;
  const page = ids.slice(offset, offset + size);
  if (offset + size >= ids.length) return { ids: page };
  const params = new URLSearchParams();
  for (const [k, v] of ctx.req.query) if (k.toLowerCase() !== '$skiptoken') params.append(k, v);
  params.append('$skiptoken', encodeToken({ o: offset + size }));
  const path = ctx.req.path.replace(/^\/(v1\.0|beta)/, '');
  return { ids: page, nextLink: `${ctx.apiBase}${path}?${params.toString()}` };
}

export function contextUrl(
  ctx: HandlerContext,
  entitySet: string,
  select?: string[],
  entity = false,
): string {
  const sel = select?.length ? `(${select.join(',')})` : '';
  return `${ctx.apiBase}/$metadata#${entitySet}${sel}${entity ? '/$entity' : ''}`;
}

export function wantsCount(ctx: HandlerContext): boolean {
  return (
    ctx.query.count && (ctx.req.headers['consistencylevel'] ?? '').toLowerCase() === 'eventual'
  );
}
