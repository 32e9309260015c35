import { Client } from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';
import type { RunningSimulator } from '../index';

/**
 * The real Graph SDK pointed at the simulator: token attached because the host is listed in
 * customHosts and the URL is https; the simulator's self-signed certificate trusted via undici.
 */
export function simulatorGraphClient(
  sim: RunningSimulator,
  token = sim.token,
): { client: Client; close(): Promise<void> } {
  const dispatcher = new Agent({ connect: { ca: sim.caCertPem } });
  const client = Client.initWithMiddleware({
    authProvider: { getAccessToken: async () => token },
    customHosts: new Set(['127.0.0.1']),
    baseUrl: `${sim.baseUrl}/`,
    defaultVersion: 'v1.0',
    fetchOptions: { dispatcher } as unknown as RequestInit,
  });
  return { client, close: () => dispatcher.close() };
}

/** Raw HTTPS call (for status codes and headers the SDK hides), trusting the simulator's cert. */
export async function rawRequest(
  sim: RunningSimulator,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Graph JSON of any shape
): Promise<{ status: number; headers: Headers; body: any }> {
  const dispatcher = new Agent({ connect: { ca: sim.caCertPem } });
  try {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const token = options.token === undefined ? sim.token : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const url = path.startsWith('https://') ? path : `${sim.baseUrl}${path}`;
    const res = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      dispatcher,
    } as RequestInit);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* plain text ($count) */
    }
    return { status: res.status, headers: res.headers, body };
  } finally {
    await dispatcher.close();
  }
}
