import {
  Client,
  MiddlewareFactory,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { TokenCredential } from '@azure/identity';
import { Agent } from 'undici';
import { ConcurrencyLimiter } from './concurrencyLimiter';
import { estimatedCost, GraphBudget, reportedCost } from './graphBudget';
import { graphErrorFrom, GraphRequestError, redactPath } from './graphErrors';

export const GRAPH_PUBLIC_BASE_URL = 'https://graph.microsoft.com';

export interface GraphApiOptions {
  /** `https://graph.microsoft.com`, or the simulator's loopback URL. */
  baseUrl: string;
  credential: TokenCredential;
  /** Extra CA certificate (PEM) to trust, for the loopback simulator's self-signed certificate. */
  caCertPem?: string;
  /** In-flight requests per tenant (each $batch counts once). */
  maxConcurrency?: number;
  /** SDK retries for 429/503/504 honouring Retry-After (the SDK caps this at 10). */
  maxRetries?: number;
  /** The tenant's Graph budget; a fresh one (largest tier) by default. */
  budget?: GraphBudget;
}

export type GraphVersion = 'v1.0' | 'beta';

export interface GraphResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface GraphPage<T = Record<string, unknown>> {
  value: T[];
  nextLink?: string;
  deltaLink?: string;
}

export interface GraphRequestInit {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A path such as `/users?$top=999`, or an absolute nextLink/deltaLink from this Graph. */
  url: string;
  version?: GraphVersion;
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to repeat after a dropped connection (reads; a `$batch` of GETs). Default: GET only. */
  idempotent?: boolean;
}

/** What one GraphApi instance has spent: shown in job summaries and the benchmark. */
export interface GraphUsage {
  requests: number;
  batchedRequests: number;
  throttledResponses: number;
  retries: number;
}

const NETWORK_RETRIES = 5;

/**
 * Microsoft Graph through @microsoft/microsoft-graph-client: its retry middleware honours
 * Retry-After on 429/503/504, its auth middleware attaches the token only to the configured host.
 * Adds: bounded concurrency, raw status handling, network-error retries for reads, usage counters.
 */
export class GraphApi {
  readonly baseUrl: string;
  private readonly client: Client;
  private readonly limiter: ConcurrencyLimiter;
  readonly usage: GraphUsage = {
    requests: 0,
    batchedRequests: 0,
    throttledResponses: 0,
    retries: 0,
  };

  private readonly credential: TokenCredential;
  /** Shared by every request (and every `withOwnUsage` view) of this client. */
  readonly budget: GraphBudget;

  constructor(options: GraphApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.credential = options.credential;
    const host = new URL(this.baseUrl).hostname;
    const authProvider = new TokenCredentialAuthenticationProvider(options.credential, {
      scopes: [`${GRAPH_PUBLIC_BASE_URL}/.default`],
    });
    const middleware = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
    const retryIndex = middleware.findIndex((m) => m instanceof RetryHandler);
    const usage = this.usage;
    const budget = (this.budget = options.budget ?? new GraphBudget());
    const retryOptions = new RetryHandlerOptions(
      1,
      options.maxRetries ?? 10,
      (_delay, attempt, _request, _options, response) => {
        usage.retries++;
        usage.throttledResponses++;
        budget.throttled(response?.headers.get('x-ms-throttle-information'));
        return attempt >= 0;
      },
    );
    middleware[retryIndex] = new RetryHandler(retryOptions);
    chain(middleware);
    const fetchOptions = options.caCertPem
      ? { dispatcher: new Agent({ connect: { ca: options.caCertPem } }) }
      : undefined;
    this.client = Client.initWithMiddleware({
      middleware: middleware[0],
      baseUrl: `${this.baseUrl}/`,
      defaultVersion: 'v1.0',
      // The token goes only to the configured Graph host, never elsewhere.
      customHosts: host === 'graph.microsoft.com' ? undefined : new Set([host]),
      fetchOptions: fetchOptions as never,
    });
    this.limiter = new ConcurrencyLimiter(options.maxConcurrency ?? 8);
  }

  /** An access token for Graph from this client's credential (to read its own claims; never logged). */
  async accessToken(): Promise<string> {
    const token = await this.credential.getToken(`${GRAPH_PUBLIC_BASE_URL}/.default`);
    if (!token) throw new Error('the credential issued no access token');
    return token.token;
  }

  /**
   * The same client, connection pool and concurrency bound, with its own usage counters: one per
   * activity, so a module's figures are not mixed with those of modules running beside it.
   */
  withOwnUsage(): GraphApi {
    const view = Object.create(this) as GraphApi & { usage: GraphUsage };
    Object.defineProperty(view, 'usage', {
      value: { requests: 0, batchedRequests: 0, throttledResponses: 0, retries: 0 },
    });
    return view;
  }

  /** Absolute URL for a path; absolute URLs on this Graph pass through (nextLink, deltaLink). */
  absoluteUrl(url: string, version: GraphVersion = 'v1.0'): string {
    if (/^https?:\/\//i.test(url)) {
      if (!url.startsWith(this.baseUrl)) {
        throw new Error(`refusing to call ${new URL(url).origin}: not the configured Graph host`);
      }
      return url;
    }
    return `${this.baseUrl}/${version}${url.startsWith('/') ? '' : '/'}${url}`;
  }

  /** Sends one request; non-2xx answers (after the SDK's retries) throw GraphRequestError. */
  async request<T = unknown>(init: GraphRequestInit): Promise<GraphResponse<T>> {
    const method = init.method ?? 'GET';
    const url = this.absoluteUrl(init.url, init.version);
    return this.limiter.run(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          this.usage.requests++;
          const cost = estimatedCost(method, url, init.body);
          await this.budget.take(cost.resourceUnits, cost.writes);
          const response = await this.send(method, url, init.body, init.headers);
          const body = await readBody(response);
          this.budget.settle(cost.resourceUnits, reportedCost(url, response.headers, body));
          if (response.status === 429) this.usage.throttledResponses++;
          if (!response.ok) throw graphErrorFrom(response.status, body, method, pathOf(url));
          return { status: response.status, headers: response.headers, body: body as T };
        } catch (error) {
          // A reset connection on a read is safe to repeat; a write might have happened.
          const repeatable = init.idempotent ?? method === 'GET';
          if (error instanceof GraphRequestError || !repeatable || attempt >= NETWORK_RETRIES) {
            throw error;
          }
          this.usage.retries++;
          await sleep(200 * 2 ** attempt);
        }
      }
    });
  }

  /**
   * A stream property (branding image, CSS): the bytes and their content type, or undefined when
   * Graph has none (404 or an empty 204).
   */
  async getBinary(
    url: string,
    version?: GraphVersion,
  ): Promise<{ data: Uint8Array; contentType: string } | undefined> {
    const absolute = this.absoluteUrl(url, version);
    return this.limiter.run(async () => {
      this.usage.requests++;
      await this.budget.take(1, 0);
      const response = await this.send('GET', absolute, undefined, undefined);
      this.budget.settle(1, reportedCost(absolute, response.headers, undefined));
      if (response.status === 404 || response.status === 204) return undefined;
      if (!response.ok) {
        throw graphErrorFrom(response.status, await readBody(response), 'GET', pathOf(absolute));
      }
      const data = new Uint8Array(await response.arrayBuffer());
      if (data.byteLength === 0) return undefined;
      return {
        data,
        contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      };
    });
  }

  /**
   * Uploads a stream property with its content type. Goes through `request`, so the SDK's
   * throttling retries and the concurrency bound apply; a PUT of the same bytes is repeatable.
   */
  async putBinary(
    url: string,
    bytes: Uint8Array,
    contentType: string,
    version?: GraphVersion,
  ): Promise<void> {
    // The SDK sends a Buffer as it is but copies a Uint8Array's whole underlying ArrayBuffer.
    const body = Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await this.request({
      method: 'PUT',
      url,
      version,
      body,
      headers: { 'Content-Type': contentType },
      idempotent: true,
    });
  }

  async get<T = unknown>(
    url: string,
    version?: GraphVersion,
    headers?: Record<string, string>,
  ): Promise<T> {
    return (await this.request<T>({ url, version, headers })).body;
  }

  async getPage<T = Record<string, unknown>>(
    url: string,
    version?: GraphVersion,
  ): Promise<GraphPage<T>> {
    const body = await this.get<{
      value?: T[];
      '@odata.nextLink'?: string;
      '@odata.deltaLink'?: string;
    }>(url, version);
    return {
      value: body.value ?? [],
      nextLink: body['@odata.nextLink'],
      deltaLink: body['@odata.deltaLink'],
    };
  }

  /** Every page of a collection (use only where the collection is known to be small). */
  async getAll<T = Record<string, unknown>>(url: string, version?: GraphVersion): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = url;
    while (next) {
      const page: GraphPage<T> = await this.getPage<T>(next, version);
      items.push(...page.value);
      next = page.nextLink;
    }
    return items;
  }

  private async send(
    method: string,
    url: string,
    body: unknown,
    headers: Record<string, string> | undefined,
  ): Promise<Response> {
    let request = this.client.api(url).responseType(ResponseType.RAW);
    if (headers) request = request.headers(headers);
    switch (method) {
      case 'GET':
        return request.get();
      case 'POST':
        return request.post(body ?? {});
      case 'PATCH':
        return request.patch(body ?? {});
      case 'PUT':
        return request.put(body ?? {});
      case 'DELETE':
        return request.delete();
      default:
        throw new Error(`unsupported method ${method}`);
    }
  }
}

function chain(middleware: Middleware[]): void {
  for (let i = 0; i < middleware.length - 1; i++) middleware[i].setNext?.(middleware[i + 1]);
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return redactPath(`${parsed.pathname}${parsed.search}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
