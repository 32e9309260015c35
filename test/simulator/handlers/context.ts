import type { ODataQuery } from '../odata/query';
import type { TenantStore } from '../store/tenantStore';

export interface SimRequest {
  method: string;
  /** Path without query, starting at the version segment: '/v1.0/users/{id}'. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body?: unknown;
  /** The bytes of a non-JSON body (image/*, text/css stream uploads). */
  rawBody?: Buffer;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body. */
  body?: unknown;
  /** Plain-text body ($count). */
  text?: string;
  /** Binary body (stream GET: branding images). */
  binary?: Buffer;
  /** Objects returned (latency model + counters). */
  objects?: number;
  /** Modelled latency not yet waited for (inner $batch responses; the batch waits for the slowest). */
  delayMs?: number;
}

/** What a route handler gets. */
export interface HandlerContext {
  store: TenantStore;
  req: SimRequest;
  query: ODataQuery;
  /** 'https://127.0.0.1:PORT/v1.0' (or /beta): base of @odata.context and next links. */
  apiBase: string;
  newId(): string;
  /** Runs another request through the full pipeline ($batch). */
  execute(inner: SimRequest): Promise<SimResponse>;
  deltaSessions: import('./deltaSessions').DeltaSessions;
}

export const json = (
  status: number,
  body: unknown,
  objects = 0,
  headers: Record<string, string> = {},
): SimResponse => ({
  status,
  body,
  objects,
  headers,
});

export const noContent = (): SimResponse => ({ status: 204 });
