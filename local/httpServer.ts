import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import {
  HttpRequest,
  HttpResponse,
  type HttpResponseInit,
  InvocationContext,
  type LogHandler,
} from '@azure/functions';
import { errorResponse, methodNotAllowed, notFound, payloadTooLarge } from '../shared/api/errors';
import { DEFAULT_MAX_BODY_BYTES, type DefinedRoute, listRoutes } from '../shared/api/routeTable';
import { compareSpecificity, matchRoute } from '../shared/api/routeTemplate';
import type { OtherRequestHandler } from './staticFiles';

export interface LocalHttpServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  routes?: DefinedRoute[];
  /** Where handlers' `context.log` goes; default the console. */
  logHandler?: LogHandler;
  /** Tried in order for paths outside `/api/` (the portal's files, local sign-in); else 404. */
  otherRequests?: OtherRequestHandler[];
}

export interface LocalHttpServer {
  /** `http://host:port`, without the `/api` prefix. */
  url: string;
  stop(): Promise<void>;
}

const API_PREFIX = '/api/';
/** Past this many discarded bytes an oversize upload is cut off instead of drained. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Serves the route table over node:http the way the Functions host would: same route templates
 * under `/api/`, an `HttpRequest` and a fresh `InvocationContext` per call, the same handlers.
 * This is what `entra-backup serve` runs; it binds to loopback unless told otherwise.
 */
export async function startLocalHttpServer(
  options: LocalHttpServerOptions,
): Promise<LocalHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const routes = [...(options.routes ?? listRoutes())].sort((a, b) =>
    compareSpecificity(a.template, b.template),
  );
  const server = createServer((req, res) => {
    handle(req, res, routes, options.logHandler, options.otherRequests ?? []).catch(
      (err: unknown) => {
        // handle() already maps handler errors; this is a failure writing the response itself.
        if (!res.headersSent) {
          void writeResponse(res, errorResponse(err));
        } else {
          res.destroy();
        }
      },
    );
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: DefinedRoute[],
  logHandler: LogHandler | undefined,
  otherRequests: OtherRequestHandler[],
): Promise<void> {
  const requestUrl = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const method = (req.method ?? 'GET').toUpperCase();
  if (!requestUrl.pathname.startsWith(API_PREFIX)) {
    for (const other of otherRequests) if (await other(req, res)) return;
    await drain(req);
    return writeResponse(res, errorResponse(notFound('No such resource.')));
  }
  const pathSegments = requestUrl.pathname
    .slice(API_PREFIX.length)
    .replace(/\/+$/, '')
    .split('/')
    .filter((segment, index, all) => segment !== '' || all.length > 1);

  let allowed: string[] = [];
  for (const route of routes) {
    const params = matchRoute(route.template, pathSegments);
    if (!params) continue;
    if (!route.definition.methods.includes(method as never)) {
      allowed = allowed.concat(route.definition.methods);
      continue;
    }
    const maxBytes = route.definition.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const body = await readBody(req, maxBytes);
    if (body === 'tooLarge') return writeResponse(res, errorResponse(payloadTooLarge(maxBytes)));
    const request = new HttpRequest({
      method,
      url: requestUrl.toString(),
      headers: flattenHeaders(req),
      params,
      body: body.byteLength > 0 ? { bytes: body } : undefined,
    });
    const context = new InvocationContext({
      functionName: route.definition.name,
      invocationId: randomUUID(),
      logHandler,
    });
    let response: HttpResponseInit;
    try {
      response = await route.handler(request, context);
    } catch (err) {
      response = errorResponse(err, context);
    }
    return writeResponse(res, response);
  }
  await drain(req);
  const error = allowed.length
    ? methodNotAllowed([...new Set(allowed)])
    : notFound('No such resource.');
  return writeResponse(res, errorResponse(error));
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Buffers at most `maxBytes`; beyond that it drains (so the client reads our 413) and reports. */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array | 'tooLarge'> {
  const chunks: Buffer[] = [];
  let total = 0;
  let tooLarge = Number(req.headers['content-length'] ?? '0') > maxBytes;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) tooLarge = true;
    if (tooLarge) {
      if (total > maxBytes + MAX_DRAIN_BYTES) {
        req.destroy();
        break;
      }
      continue;
    }
    chunks.push(chunk);
  }
  return tooLarge ? 'tooLarge' : new Uint8Array(Buffer.concat(chunks));
}

async function drain(req: IncomingMessage): Promise<void> {
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_DRAIN_BYTES) {
      req.destroy();
      return;
    }
  }
}

/** Writes an HttpResponseInit the way the host does, via the library's own HttpResponse. */
async function writeResponse(res: ServerResponse, init: HttpResponseInit): Promise<void> {
  const response = new HttpResponse(init);
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  for (const cookie of response.cookies) {
    res.appendHeader('set-cookie', `${cookie.name}=${cookie.value}`);
  }
  const body = response.body;
  if (!body) {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(body as WebReadableStream<Uint8Array>)
      .on('error', reject)
      .pipe(res)
      .on('finish', resolve)
      .on('error', reject);
  });
}
