import type { HttpResponseInit, InvocationContext } from '@azure/functions';

/** The JSON error envelope every API response uses: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/**
 * An error whose message is safe to show to the caller. Anything else that escapes a handler is
 * treated as an internal error and its message is only logged.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

export const badRequest = (message: string, details?: unknown, code = 'badRequest'): ApiError =>
  new ApiError(400, code, message, { details });

export const unauthorized = (reason: string): ApiError =>
  new ApiError(401, 'unauthorized', reason, {
    headers: { 'WWW-Authenticate': bearerChallenge(reason) },
  });

export const forbidden = (message: string, details?: unknown): ApiError =>
  new ApiError(403, 'forbidden', message, { details });

export const notFound = (message: string, details?: unknown): ApiError =>
  new ApiError(404, 'notFound', message, { details });

export const methodNotAllowed = (allowed: readonly string[]): ApiError =>
  new ApiError(405, 'methodNotAllowed', 'Method not allowed for this resource.', {
    details: { allowed },
    headers: { Allow: allowed.join(', ') },
  });

export const conflict = (message: string, details?: unknown): ApiError =>
  new ApiError(409, 'conflict', message, { details });

export const payloadTooLarge = (maxBytes: number): ApiError =>
  new ApiError(413, 'payloadTooLarge', `Request body exceeds the limit of ${maxBytes} bytes.`, {
    details: { maxBytes },
  });

export const unsupportedMediaType = (expected: string): ApiError =>
  new ApiError(415, 'unsupportedMediaType', `Request body must be ${expected}.`, {
    details: { expected },
  });

export const serviceUnavailable = (message: string): ApiError =>
  new ApiError(503, 'serviceUnavailable', message);

const INTERNAL_MESSAGE = 'An unexpected error occurred.';

/**
 * Turns anything thrown by a handler into the error envelope. Unknown errors become a generic 500;
 * the real error goes to the invocation log only (handlers must not put secrets in messages).
 */
export function errorResponse(err: unknown, context?: InvocationContext): HttpResponseInit {
  if (isApiError(err)) {
    const error: ErrorBody['error'] = { code: err.code, message: err.message };
    if (err.details !== undefined) error.details = err.details;
    return { status: err.status, headers: err.headers, jsonBody: { error } satisfies ErrorBody };
  }
  const invocationId = context?.invocationId;
  context?.error('Unhandled error in HTTP handler', describeError(err));
  const error: ErrorBody['error'] = { code: 'internalError', message: INTERNAL_MESSAGE };
  if (invocationId && invocationId !== 'unknown') error.details = { invocationId };
  return { status: 500, jsonBody: { error } satisfies ErrorBody };
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

/** RFC 6750 challenge; the reason is ours, never caller input, so quoting is safe after escaping. */
function bearerChallenge(reason: string): string {
  const description = reason.replace(/["\\]/g, '');
  return `Bearer realm="entra-backup", error="invalid_token", error_description="${description}"`;
}
