import { z } from 'zod';
import { badRequest, graphErrorBody } from '../errors';
import { type HandlerContext, type SimResponse, json } from './context';

/** JSON batching limit (graph-notes 1.1). */
export const MAX_BATCH_REQUESTS = 20;

const batchSchema = z.object({
  requests: z.array(
    z.object({
      id: z.string().min(1),
      method: z.string().min(1),
      url: z.string().min(1),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
      dependsOn: z.array(z.string()).optional(),
    }),
  ),
});

/**
 * POST /$batch: requests run one at a time in array order (deterministic), each through the full
 * pipeline (throttling included); a request whose dependency failed gets 424.
 */
export async function handleBatch(ctx: HandlerContext): Promise<SimResponse> {
  const parsed = batchSchema.safeParse(ctx.req.body);
  if (!parsed.success)
    throw badRequest(`Invalid batch payload: ${parsed.error.issues[0]?.message ?? 'malformed'}.`);
  const requests = parsed.data.requests;
  if (requests.length === 0)
    throw badRequest('The batch request must contain at least one request.');
  if (requests.length > MAX_BATCH_REQUESTS)
    throw badRequest(`Number of requests exceeds the maximum of ${MAX_BATCH_REQUESTS}.`);
  const ids = new Set<string>();
  for (const r of requests) {
    if (ids.has(r.id)) throw badRequest(`Batch request ids must be unique; '${r.id}' is repeated.`);
    for (const dep of r.dependsOn ?? [])
      if (!ids.has(dep))
        throw badRequest(
          `Request '${r.id}' depends on '${dep}', which is not an earlier request of this batch.`,
        );
    ids.add(r.id);
    if (/^https?:/i.test(r.url))
      throw badRequest(`Batch request '${r.id}' must use a relative url.`);
    if (/^\/?\$batch/.test(r.url)) throw badRequest('Nested batch requests are not supported.');
  }
  const version = ctx.req.path.split('/')[1];
  const statuses = new Map<string, number>();
  const responses: unknown[] = [];
  let maxDelay = 0;
  for (const r of requests) {
    if ((r.dependsOn ?? []).some((dep) => (statuses.get(dep) ?? 0) >= 400)) {
      statuses.set(r.id, 424);
      const body = graphErrorBody(
        'FailedDependency',
        'Dependent request failed.',
        r.id,
        ctx.req.headers['client-request-id'] ?? r.id,
        ctx.store.now(),
      );
      responses.push({
        id: r.id,
        status: 424,
        headers: { 'content-type': 'application/json' },
        body,
      });
      continue;
    }
    const relative = r.url.startsWith('/') ? r.url : `/${r.url}`;
    const url = new URL(`http://batch/${version}${relative}`);
    const headers: Record<string, string> = {
      authorization: ctx.req.headers['authorization'] ?? '',
    };
    for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
    const inner = await ctx.execute({
      method: r.method.toUpperCase(),
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers,
      body: r.body,
    });
    statuses.set(r.id, inner.status);
    maxDelay = Math.max(maxDelay, inner.delayMs ?? 0);
    const outHeaders: Record<string, string> = { ...(inner.headers ?? {}) };
    if (inner.body !== undefined && !outHeaders['content-type'])
      outHeaders['content-type'] = 'application/json';
    responses.push({
      id: r.id,
      status: inner.status,
      headers: outHeaders,
      body: inner.body ?? inner.text,
    });
  }
  const response = json(200, { responses });
  response.delayMs = maxDelay;
  return response;
}
