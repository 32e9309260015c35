import { badRequest, methodNotAllowed, notFound } from '../../errors';
import { SIM_PREFIX } from '../../odata/projection';
import type { ResourceDescriptor } from '../../resources/descriptor';
import type { GraphObject } from '../../tenantState';
import { type HandlerContext, type SimResponse, noContent } from '../context';
import { type Locator, saveObject } from './locator';
import { type Route, route } from './route';

/** Simulator-private key holding an object's binary streams (never returned; see projection). */
const STREAMS_KEY = `${SIM_PREFIX}streams`;
interface StoredStream {
  contentType: string;
  base64: string;
}

/** GET / PUT {item}/{stream} (logo, backgroundImage, ...). */
export function streamRoute(
  method: string,
  d: ResourceDescriptor,
  template: string,
  name: string,
  expected: string,
  loc: Locator,
): Route {
  const find = loc.find;
  const t = `${template}/${name}`;
  if (method === 'GET') return route(t, 1, false, (ctx) => readStream(find(ctx), name));
  if (method !== 'PUT') throw methodNotAllowed();
  return route(t, 1, true, (ctx) => {
    const obj = writeStream(ctx, d, find(ctx), name, expected);
    saveObject(ctx, d, loc, obj);
    return noContent();
  });
}

/** GET {item}/{stream}: the stored bytes with their content type (404 when never uploaded). */
function readStream(obj: GraphObject, name: string): SimResponse {
  const streams = (obj[STREAMS_KEY] ?? {}) as Record<string, StoredStream>;
  const s = streams[name];
  if (!s) throw notFound(name);
  return {
    status: 200,
    binary: Buffer.from(s.base64, 'base64'),
    headers: { 'content-type': s.contentType },
    objects: 1,
  };
}

/** PUT {item}/{stream} with an image/* (or text/css) body; sets `{stream}RelativeUrl` when declared. */
function writeStream(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  obj: GraphObject,
  name: string,
  expected: string,
): GraphObject {
  const bytes = ctx.req.rawBody;
  const contentType = (ctx.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!bytes || bytes.length === 0)
    throw badRequest(`The stream '${name}' needs a non-empty body.`);
  if (!contentType.startsWith(expected))
    throw badRequest(
      `Content type '${contentType || '(none)'}' is not valid for '${name}'; expected ${expected}*.`,
    );
  const streams = { ...((obj[STREAMS_KEY] ?? {}) as Record<string, StoredStream>) };
  streams[name] = { contentType, base64: bytes.toString('base64') };
  const next: GraphObject = { ...obj, [STREAMS_KEY]: streams };
  if (d.properties.includes(`${name}RelativeUrl`))
    next[`${name}RelativeUrl`] = `c_${ctx.store.tenantId.slice(0, 8)}/${obj.id}/${name}`;
  return next;
}
