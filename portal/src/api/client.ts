import { getAccessToken } from '../auth/session';

/** An error the API answered with: its envelope's message is what the page shows. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiResponse<T> {
  status: number;
  body: T;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  json?: unknown;
  bytes?: ArrayBuffer;
  contentType?: string;
}

/** Calls `/api/<path>` with the signed-in user's bearer token; non-2xx throws an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${await getAccessToken()}` };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.bytes) {
    headers['content-type'] = options.contentType ?? 'application/octet-stream';
    body = options.bytes;
  }
  const response = await fetch(`/api/${path}`, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'httpError',
      error?.message ?? `The API answered ${response.status} ${response.statusText}.`,
    );
  }
  return { status: response.status, body: parsed as T };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
