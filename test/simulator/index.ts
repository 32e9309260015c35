import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { GraphError, graphErrorBody } from './errors';
import type { SimRequest, SimResponse } from './handlers/context';
import { type SimulatorCounters } from './runtime/counters';
import { type FaultOptions, faultOptionsSchema } from './runtime/faults';
import { Pipeline } from './runtime/pipeline';
import { generateCertificate } from './runtime/tls';
import { TenantStore } from './store/tenantStore';
import { emptyTenant } from './defaultTenant';
import type { TenantState } from './tenantState';
import {
  handleIdentityRequest,
  isIdentityPath,
  type ConsentBehaviour,
  type IdentityPlatformState,
  type SimulatedClient,
} from './identity/identityPlatform';

export type { FaultOptions } from './runtime/faults';
export type { SimulatorCounters } from './runtime/counters';
export type { TenantState, GraphObject } from './tenantState';
export { TenantStore } from './store/tenantStore';
export { emptyTenant } from './defaultTenant';
export type { SimulatedClient } from './identity/identityPlatform';

export interface SimulatorOptions {
  /** Initial tenant (default: empty tenant with organization + the two policy singletons). The store takes ownership. */
  state?: TenantState;
  /** Default 0 = a free port; always binds 127.0.0.1. */
  port?: number;
  /** The one bearer token accepted; default 'simulator-token'. */
  token?: string;
  throttling?: boolean;
  latency?: { baseMs: number; perObjectMs: number } | false;
  faults?: FaultOptions;
  seed?: number;
  /**
   * Apps that may get tokens from this simulator's identity endpoints (its origin is then an
   * authority host for @azure/identity); their tokens name this tenant in `tid`.
   */
  clients?: SimulatedClient[];
  /** What the admin does on the admin-consent page (default: grant). */
  consent?: ConsentBehaviour;
}

export interface RunningSimulator {
  /** 'https://127.0.0.1:PORT' (Graph paths are under /v1.0 and /beta). */
  baseUrl: string;
  caCertPem: string;
  caCertFile: string;
  token: string;
  tenantId: string;
  /** In-process access for tests: read objects, mutate directly without counting. */
  store: TenantStore;
  counters(): SimulatorCounters;
  resetCounters(): void;
  exportState(): TenantState;
  loadState(s: TenantState): void;
  setFaults(f: FaultOptions): void;
  setThrottling(on: boolean): void;
  /** Every issued delta token becomes syncStateNotFound. */
  expireDeltaTokens(): void;
  /** Moves the simulator clock forward (delta-token age, timestamps). */
  advanceTime(ms: number): void;
  /** The identity endpoints' apps, consent behaviour and issued tokens (tests mutate them). */
  identity: IdentityPlatformState;
  /** Bearer tokens Graph requests presented, by tenant (`tid`) and outcome. */
  tokensSeen(): { tenantId: string; appId: string; accepted: boolean; requests: number }[];
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024 * 1024 - 1;

function readBody(req: import('node:http').IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const token = options.token ?? 'simulator-token';
  const store = new TenantStore(options.state ?? emptyTenant());
  const pipeline = new Pipeline(store, {
    token,
    throttling: options.throttling ?? false,
    latency: options.latency ?? false,
    seed: options.seed ?? 1,
  });
  if (options.faults) pipeline.faults.set(options.faults);
  const cert = generateCertificate();
  const identity: IdentityPlatformState = {
    tenantId: () => store.tenantId,
    clients: [...(options.clients ?? [])],
    consent: options.consent ?? { outcome: 'grant' },
    nowSeconds: () => Math.floor(store.now().getTime() / 1000),
    issued: [],
  };

  const sim: Omit<RunningSimulator, 'baseUrl' | 'stop'> = {
    caCertPem: cert.certPem,
    caCertFile: cert.certFile,
    token,
    get tenantId() {
      return store.tenantId;
    },
    store,
    counters: () =>
      pipeline.counters.snapshot(pipeline.ruQuota(), pipeline.options.latency !== false),
    resetCounters: () => pipeline.counters.reset(),
    exportState: () => store.export(),
    loadState: (s) => {
      store.load(s);
      pipeline.deltaSessions.clear();
    },
    setFaults: (f) => pipeline.faults.set(f),
    setThrottling: (on) => pipeline.setThrottling(on),
    expireDeltaTokens: () => {
      store.expireDeltaTokens();
      pipeline.deltaSessions.clear();
    },
    advanceTime: (ms) => {
      store.clockOffsetMs += ms;
    },
    identity,
    tokensSeen: () => pipeline.tokensSeen.map((t) => ({ ...t })),
  };

  const admin = async (method: string, path: string, body: unknown): Promise<SimResponse> => {
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /_simulator/counters':
        return { status: 200, body: sim.counters() };
      case 'POST /_simulator/counters/reset':
        sim.resetCounters();
        return { status: 204 };
      case 'GET /_simulator/state':
        return { status: 200, body: sim.exportState() };
      case 'PUT /_simulator/state':
        if (!body || typeof body !== 'object' || !('collections' in body))
          throw new GraphError(400, 'BadRequest', 'Body must be a TenantState.');
        sim.loadState(body as TenantState);
        return { status: 204 };
      case 'POST /_simulator/faults': {
        const parsed = faultOptionsSchema.safeParse(body ?? {});
        if (!parsed.success)
          throw new GraphError(
            400,
            'BadRequest',
            `Invalid fault options: ${parsed.error.issues[0]?.message}`,
          );
        sim.setFaults(parsed.data);
        return { status: 204 };
      }
      case 'POST /_simulator/throttling':
        sim.setThrottling(Boolean((body as { enabled?: unknown } | undefined)?.enabled));
        return { status: 204 };
      case 'POST /_simulator/delta/expire':
        sim.expireDeltaTokens();
        return { status: 204 };
      default:
        throw new GraphError(404, 'NotFound', `Unknown simulator admin endpoint '${route}'.`);
    }
  };

  let baseUrl = '';
  const server = https.createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string') headers[k.toLowerCase()] = v;
      let response: SimResponse | 'reset';
      try {
        const raw = await readBody(req);
        if (isIdentityPath(url.pathname)) {
          const form = new URLSearchParams(raw.toString('utf8'));
          response = handleIdentityRequest(identity, baseUrl, req.method ?? 'GET', url, form);
          res.writeHead(response.status, response.headers ?? {});
          res.end(response.body === undefined ? '' : JSON.stringify(response.body));
          return;
        }
        let body: unknown;
        let rawBody: Buffer | undefined;
        const contentType = headers['content-type'] ?? '';
        // Stream uploads (branding images, CSS) arrive as bytes; everything else is JSON.
        if (raw.length && /^(image\/|text\/css|application\/octet-stream)/i.test(contentType))
          rawBody = raw;
        else if (raw.length) {
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload.');
          }
        }
        if (url.pathname.startsWith('/_simulator/')) {
          if (headers['authorization'] !== `Bearer ${token}`)
            throw new GraphError(
              401,
              'InvalidAuthenticationToken',
              'Access token validation failed.',
            );
          response = await admin(req.method ?? 'GET', url.pathname, body);
        } else {
          const simReq: SimRequest = {
            method: (req.method ?? 'GET').toUpperCase(),
            path: decodeURIComponent(url.pathname),
            query: url.searchParams,
            headers,
            body,
            rawBody,
          };
          response = await pipeline.execute(simReq);
        }
      } catch (e) {
        const err =
          e instanceof GraphError
            ? e
            : new GraphError(500, 'InternalServerError', (e as Error).message);
        response = {
          status: err.status,
          headers: { 'content-type': 'application/json', ...err.headers },
          body: graphErrorBody(
            err.code,
            err.message,
            'admin',
            headers['client-request-id'] ?? 'admin',
            store.now(),
          ),
        };
      }
      if (response === 'reset') {
        req.socket.destroy();
        return;
      }
      if (response.delayMs) await sleep(response.delayMs);
      const payload =
        response.text !== undefined
          ? response.text
          : response.body !== undefined
            ? JSON.stringify(response.body)
            : '';
      const out = response.binary ?? Buffer.from(payload, 'utf8');
      const outHeaders: Record<string, string> = { ...(response.headers ?? {}) };
      if (out.length && !outHeaders['content-type'])
        outHeaders['content-type'] =
          'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
      outHeaders['content-length'] = String(out.length);
      pipeline.counters.bytes(out.length);
      res.writeHead(response.status, outHeaders);
      res.end(out);
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String((e as Error)?.message ?? e));
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `https://127.0.0.1:${port}`;
  pipeline.baseUrl = baseUrl;

  return Object.assign(sim, {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as RunningSimulator;
}
