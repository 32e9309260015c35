import { sleep, type GraphApi, type GraphVersion } from './graphApi';
import { graphErrorFrom, GraphRequestError } from './graphErrors';

/** Graph's JSON batching limit (json-batching doc). */
export const MAX_BATCH_REQUESTS = 20;
const RETRYABLE = new Set([429, 503, 504]);
const MAX_BATCH_ATTEMPTS = 8;

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version root, e.g. `/groups/{id}/owners?$select=id`. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchResult {
  id: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

interface BatchResponseBody {
  responses?: Array<{
    id: string;
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
  }>;
}

/**
 * Sends any number of requests through `$batch`, 20 at a time. Inner requests are throttled
 * individually and the SDK does not retry them, so 429/503/504 inner answers are re-sent in a
 * later batch after the longest Retry-After they carried.
 */
export async function sendBatched(
  graph: GraphApi,
  requests: readonly BatchRequest[],
  version: GraphVersion = 'v1.0',
): Promise<Map<string, BatchResult>> {
  const results = new Map<string, BatchResult>();
  const ids = new Set<string>();
  for (const request of requests) {
    if (ids.has(request.id)) throw new Error(`duplicate batch request id ${request.id}`);
    ids.add(request.id);
  }
  const groups: BatchRequest[][] = [];
  for (let i = 0; i < requests.length; i += MAX_BATCH_REQUESTS) {
    groups.push(requests.slice(i, i + MAX_BATCH_REQUESTS));
  }
  await Promise.all(groups.map((group) => sendOneBatch(graph, group, version, results)));
  return results;
}

async function sendOneBatch(
  graph: GraphApi,
  group: BatchRequest[],
  version: GraphVersion,
  results: Map<string, BatchResult>,
): Promise<void> {
  let pending = group;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const response = await graph.request<BatchResponseBody>({
      method: 'POST',
      url: '/$batch',
      version,
      // A batch of reads can be sent again after a dropped connection; one with writes cannot.
      idempotent: pending.every((r) => r.method === 'GET'),
      body: {
        requests: pending.map((r) => ({
          id: r.id,
          method: r.method,
          url: r.url,
          ...(r.body !== undefined
            ? { body: r.body, headers: { 'Content-Type': 'application/json', ...r.headers } }
            : r.headers
              ? { headers: r.headers }
              : {}),
        })),
      },
    });
    graph.usage.batchedRequests += pending.length;
    const byId = new Map((response.body.responses ?? []).map((r) => [r.id, r]));
    const retry: BatchRequest[] = [];
    let waitSeconds = 0;
    for (const request of pending) {
      const inner = byId.get(request.id);
      if (!inner) throw new Error(`$batch answered without request ${request.id}`);
      const headers = lowerKeys(inner.headers ?? {});
      if (RETRYABLE.has(inner.status) && attempt < MAX_BATCH_ATTEMPTS) {
        if (inner.status === 429) {
          graph.usage.throttledResponses++;
          graph.budget.throttled(headers['x-ms-throttle-information']);
        }
        graph.usage.retries++;
        retry.push(request);
        const retryAfter = Number(headers['retry-after']);
        waitSeconds = Math.max(
          waitSeconds,
          Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 2 ** attempt * 0.5,
        );
        continue;
      }
      results.set(request.id, { id: request.id, status: inner.status, body: inner.body, headers });
    }
    pending = retry;
    if (pending.length > 0) await sleep(Math.min(waitSeconds, 180) * 1000);
  }
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** The result body, or a GraphRequestError for a non-2xx inner answer. */
export function batchBodyOrThrow<T>(result: BatchResult | undefined, request: BatchRequest): T {
  if (!result) throw new Error(`no batch result for ${request.id}`);
  if (result.status >= 200 && result.status < 300) return result.body as T;
  throw graphErrorFrom(result.status, result.body, request.method, request.url);
}

export { GraphRequestError };
