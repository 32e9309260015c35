import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { badRequest, payloadTooLarge, unsupportedMediaType } from './errors';

export type InputLocation = 'params' | 'query' | 'body';

/** One entry of a 400 `validationFailed` error's `details.issues`. Never contains input values. */
export interface ValidationIssue {
  location: InputLocation;
  path: string;
  code: string;
  message: string;
}

/** Parses with zod; a failure is a 400 listing every issue with where it was found. */
export function validateInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  location: InputLocation,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    location,
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
  throw badRequest(`The request ${location} is invalid.`, { issues }, 'validationFailed');
}

/** Query string as an object: a repeated key becomes an array. */
export function queryToObject(query: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    result[key] = values.length === 1 ? values[0] : values;
  }
  return result;
}

/**
 * Reads the body, refusing more than `maxBytes` (413). Checks Content-Length first so an honest
 * oversize request is refused before it is buffered.
 */
export async function readBodyBytes(request: HttpRequest, maxBytes: number): Promise<Uint8Array> {
  assertContentLength(request, maxBytes);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw payloadTooLarge(maxBytes);
  return bytes;
}

export function assertContentLength(request: HttpRequest, maxBytes: number): void {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes);
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The JSON body, or undefined when there is none: 413 over the limit, 415 when it is not
 * declared as JSON, 400 when it does not parse (the parser's message would quote the body).
 */
export async function readJsonBody(request: HttpRequest, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyBytes(request, maxBytes);
  if (bytes.byteLength === 0) return undefined;
  if (!JSON_MEDIA_TYPE.test(request.headers.get('content-type') ?? '')) {
    throw unsupportedMediaType('application/json');
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw badRequest('The request body is not valid JSON.', undefined, 'invalidJson');
  }
}
