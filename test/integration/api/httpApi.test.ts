import type { LogLevel } from '@azure/functions';
import { z } from 'zod';
import { HEALTH_FUNCTION } from '../../../functions/http/health';
import '../../../functions/http/openapi';
import { type ApiAuditEntry, setApiAuditSink } from '../../../shared/api/apiAudit';
import { conflict } from '../../../shared/api/errors';
import { defineRoute } from '../../../shared/api/route';
import { type LocalHttpServer, startLocalHttpServer } from '../../../local/httpServer';
import { signTestToken, testAuthEnv } from '../../support/tokens';

/** Response documents are probed field by field; a precise type would only restate them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = any;

const TENANT_A = '6f1c2d3e-0000-4000-8000-00000000000a';
const TENANT_B = '6f1c2d3e-0000-4000-8000-00000000000b';

const widgetBody = z.object({
  name: z.string().min(1).max(20),
  size: z.number().int().positive(),
  tags: z.array(z.string()).optional(),
});
const widget = widgetBody.extend({ id: z.string(), tenantId: z.string() });

defineRoute(
  {
    name: 'demoCreateWidget',
    methods: ['POST'],
    route: 'tenants/{tenantId}/widgets',
    minimumRole: 'Backup.Operator',
    params: z.object({ tenantId: z.uuid() }),
    query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
    body: widgetBody,
    maxBodyBytes: 2048,
    summary: 'Create a demo widget',
    responses: { 201: { description: 'Created', schema: widget } },
  },
  async ({ params, query, body, principal }) => {
    if (body.name === 'taken') throw conflict('A widget with this name exists.');
    return {
      status: 201,
      jsonBody: {
        id: `w-${body.size}`,
        tenantId: params.tenantId,
        ...body,
        dryRun: query.dryRun === 'true',
        by: principal.subject,
      },
    };
  },
);

defineRoute(
  {
    name: 'demoListWidgets',
    methods: ['GET'],
    route: 'tenants/{tenantId}/widgets',
    minimumRole: 'Backup.Reader',
    summary: 'List demo widgets',
  },
  async ({ params, principal }) => ({
    status: 200,
    jsonBody: { tenantId: params.tenantId, role: principal.role },
  }),
);

defineRoute(
  {
    name: 'demoWidgetExport',
    methods: ['GET'],
    route: 'tenants/{tenantId}/widgets/export',
    minimumRole: 'Backup.Reader',
    summary: 'Literal segment wins over a parameter',
  },
  async () => ({ status: 200, body: 'raw,csv\n', headers: { 'content-type': 'text/csv' } }),
);

defineRoute(
  {
    name: 'demoGetWidget',
    methods: ['GET'],
    route: 'tenants/{tenantId}/widgets/{widgetId}',
    minimumRole: 'Backup.Reader',
    summary: 'Get one demo widget',
  },
  async ({ params }) => ({ status: 200, jsonBody: { widgetId: params.widgetId } }),
);

defineRoute(
  {
    name: 'demoBroken',
    methods: ['DELETE'],
    route: 'broken',
    minimumRole: 'Backup.Admin',
    summary: 'Always fails',
  },
  async () => {
    throw new Error('secret internals: AccountKey=xyz');
  },
);

let server: LocalHttpServer;
const logs: [LogLevel, unknown[]][] = [];
const audit: ApiAuditEntry[] = [];
const savedEnv = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, testAuthEnv());
  setApiAuditSink(async (entry) => {
    audit.push(entry);
  });
  server = await startLocalHttpServer({
    port: 0,
    logHandler: (level, ...args) => logs.push([level, args]),
  });
});

afterAll(async () => {
  await server.stop();
  setApiAuditSink(undefined);
  process.env = savedEnv;
});

async function call(
  method: string,
  path: string,
  options: {
    token?: string;
    body?: string;
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.contentType) headers['content-type'] = options.contentType;
  const response = await fetch(`${server.url}/api/${path}`, {
    method,
    headers,
    body: options.body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as LooseJson };
}

const widgetJson = JSON.stringify({ name: 'gizmo', size: 3 });
const operator = () => signTestToken({ roles: ['Backup.Operator'] });

describe('health', () => {
  it('is anonymous and reports the version', async () => {
    const res = await call('GET', 'health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.json).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(HEALTH_FUNCTION).toBe('health');
  });
});

describe('authentication', () => {
  it('accepts a valid token and passes validated input to the handler', async () => {
    const res = await call('POST', `tenants/${TENANT_A}/widgets?dryRun=true`, {
      token: await operator(),
      body: widgetJson,
      contentType: 'application/json; charset=utf-8',
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: 'w-3',
      tenantId: TENANT_A,
      name: 'gizmo',
      size: 3,
      dryRun: true,
      by: 'test-subject',
    });
  });

  const cases: [string, () => Promise<string | undefined>, RegExp][] = [
    ['missing token', async () => undefined, /missing bearer token/i],
    [
      'expired token',
      () => signTestToken({ roles: ['Backup.Admin'], expiresInSeconds: -600 }),
      /expired/i,
    ],
    [
      'wrong audience',
      () => signTestToken({ roles: ['Backup.Admin'], audience: 'api://other' }),
      /audience/i,
    ],
    [
      'wrong issuer',
      () => signTestToken({ roles: ['Backup.Admin'], issuer: 'https://sts.windows.net/evil/' }),
      /issuer/i,
    ],
    [
      'bad signature',
      () => signTestToken({ roles: ['Backup.Admin'], untrustedKey: true }),
      /signature/i,
    ],
    [
      'symmetric algorithm',
      () => signTestToken({ roles: ['Backup.Admin'], alg: 'HS256' }),
      /algorithm/i,
    ],
    ['garbage token', async () => 'GARBAGEHEADER.GARBAGEPAYLOAD.GARBAGESIG', /malformed/i],
  ];

  it.each(cases)(
    '%s → 401 with a challenge and no echo of the token',
    async (_name, makeToken, reason) => {
      const token = await makeToken();
      const res = await call('POST', `tenants/${TENANT_A}/widgets`, {
        token,
        body: widgetJson,
        contentType: 'application/json',
      });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({
        error: { code: 'unauthorized', message: expect.stringMatching(reason) },
      });
      const challenge = res.headers.get('www-authenticate') ?? '';
      expect(challenge).toMatch(/^Bearer /);
      expect(challenge).toContain('error="invalid_token"');
      if (token) {
        for (const part of token.split('.')) {
          expect(res.text).not.toContain(part);
          expect(challenge).not.toContain(part);
        }
      }
    },
  );

  it('rejects a non-Bearer Authorization header', async () => {
    const res = await call('GET', `tenants/${TENANT_A}/widgets`, {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('dXNlcjpwYXNz');
  });
});

describe('authorization', () => {
  it('refuses a role below the minimum with 403', async () => {
    const res = await call('POST', `tenants/${TENANT_A}/widgets`, {
      token: await signTestToken({ roles: ['Backup.Reader'] }),
      body: widgetJson,
      contentType: 'application/json',
    });
    expect(res.status).toBe(403);
    expect(res.json.error).toEqual({
      code: 'forbidden',
      message: expect.stringContaining('Backup.Operator'),
      details: { requiredRole: 'Backup.Operator' },
    });
  });

  it('refuses a token without any API role', async () => {
    const res = await call('GET', `tenants/${TENANT_A}/widgets`, {
      token: await signTestToken({ roles: ['Some.Other.Role'] }),
    });
    expect(res.status).toBe(403);
  });

  it('lets a higher role through (Admin implies Reader)', async () => {
    const res = await call('GET', `tenants/${TENANT_A}/widgets`, {
      token: await signTestToken({ roles: ['Backup.Admin'] }),
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ tenantId: TENANT_A, role: 'Backup.Admin' });
  });

  it('refuses a tenant the caller is not assigned to', async () => {
    const token = await signTestToken({ roles: ['Backup.Admin'], tenants: [TENANT_A] });
    const allowed = await call('GET', `tenants/${TENANT_A.toUpperCase()}/widgets`, { token });
    expect(allowed.status).toBe(200);
    const denied = await call('GET', `tenants/${TENANT_B}/widgets`, { token });
    expect(denied.status).toBe(403);
    expect(denied.json.error).toEqual({
      code: 'forbidden',
      message: 'You are not assigned to this tenant.',
      details: { tenantId: TENANT_B },
    });
  });
});

describe('input validation', () => {
  it('answers 400 invalidJson for a body that does not parse, without quoting it', async () => {
    const res = await call('POST', `tenants/${TENANT_A}/widgets`, {
      token: await operator(),
      body: '{"name": "gizmo", size: SECRETISH',
      contentType: 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalidJson');
    expect(res.text).not.toContain('SECRETISH');
  });

  it('answers 400 validationFailed with zod issue details', async () => {
    const res = await call('POST', `tenants/${TENANT_A}/widgets`, {
      token: await operator(),
      body: JSON.stringify({ name: '', size: -1, tags: [1] }),
      contentType: 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validationFailed');
    const paths = res.json.error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['name', 'size', 'tags.0']);
    for (const issue of res.json.error.details.issues) {
      expect(issue).toEqual({
        location: 'body',
        path: expect.any(String),
        code: expect.any(String),
        message: expect.any(String),
      });
    }
  });

  it('validates route params and query too', async () => {
    const token = await operator();
    const badParam = await call('POST', 'tenants/not-a-guid/widgets', {
      token,
      body: widgetJson,
      contentType: 'application/json',
    });
    expect(badParam.status).toBe(400);
    expect(badParam.json.error.details.issues[0]).toMatchObject({
      location: 'params',
      path: 'tenantId',
    });

    const badQuery = await call('POST', `tenants/${TENANT_A}/widgets?dryRun=maybe`, {
      token,
      body: widgetJson,
      contentType: 'application/json',
    });
    expect(badQuery.status).toBe(400);
    expect(badQuery.json.error.details.issues[0]).toMatchObject({
      location: 'query',
      path: 'dryRun',
    });
  });

  it('answers 400 for a missing required body', async () => {
    const res = await call('POST', `tenants/${TENANT_A}/widgets`, { token: await operator() });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validationFailed');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await call('POST', `tenants/${TENANT_A}/widgets`, {
      token: await operator(),
      body: 'name=gizmo&size=3',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe('unsupportedMediaType');
  });

  it('answers 413 for a body over the route limit', async () => {
    const res = await call('POST', `tenants/${TENANT_A}/widgets`, {
      token: await operator(),
      body: JSON.stringify({ name: 'big', size: 1, tags: ['x'.repeat(5000)] }),
      contentType: 'application/json',
    });
    expect(res.status).toBe(413);
    expect(res.json.error).toEqual({
      code: 'payloadTooLarge',
      message: expect.stringContaining('2048'),
      details: { maxBytes: 2048 },
    });
  });
});

describe('errors and routing', () => {
  it('maps ApiErrors thrown by the handler', async () => {
    const res = await call('POST', `tenants/${TENANT_A}/widgets`, {
      token: await operator(),
      body: JSON.stringify({ name: 'taken', size: 1 }),
      contentType: 'application/json',
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('conflict');
  });

  it('hides internals of unexpected handler errors but logs them', async () => {
    const res = await call('DELETE', 'broken', {
      token: await signTestToken({ roles: ['Backup.Admin'] }),
    });
    expect(res.status).toBe(500);
    expect(res.json.error).toEqual({
      code: 'internalError',
      message: 'An unexpected error occurred.',
      details: { invocationId: expect.any(String) },
    });
    expect(res.text).not.toContain('AccountKey');
    const logged = logs.filter(([level]) => level === 'error').map(([, args]) => args.join(' '));
    expect(logged.some((line) => line.includes('AccountKey=xyz'))).toBe(true);
  });

  it('audits mutating calls with the caller and outcome', async () => {
    const before = audit.length;
    await call('DELETE', 'broken', { token: await signTestToken({ roles: ['Backup.Admin'] }) });
    await call('POST', `tenants/${TENANT_A}/widgets`, {
      token: await operator(),
      body: widgetJson,
      contentType: 'application/json',
    });
    await call('GET', `tenants/${TENANT_A}/widgets`, { token: await operator() });
    const entries = audit.slice(before);
    expect(entries.map((e) => [e.route, e.method, e.status])).toEqual([
      ['demoBroken', 'DELETE', 500],
      ['demoCreateWidget', 'POST', 201],
    ]);
    expect(entries[1]).toMatchObject({
      tenantId: TENANT_A,
      path: `/api/tenants/${TENANT_A}/widgets`,
      caller: { subject: 'test-subject', displayName: 'tester@contoso.test' },
    });
  });

  it('prefers literal segments over parameters and decodes params', async () => {
    const token = await operator();
    const exported = await call('GET', `tenants/${TENANT_A}/widgets/export`, { token });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv');
    expect(exported.text).toBe('raw,csv\n');
    const one = await call('GET', `tenants/${TENANT_A}/Widgets/a%20b`, { token });
    expect(one.json).toEqual({ widgetId: 'a b' });
  });

  it('answers 404 and 405 with the error shape', async () => {
    const missing = await call('GET', 'nothing/here');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('notFound');
    const outsideApiPrefix = await call('GET', '../health');
    expect(outsideApiPrefix.status).toBe(404);
    const wrongMethod = await call('PUT', 'health');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });
});

describe('OpenAPI', () => {
  it('requires a reader token', async () => {
    expect((await call('GET', 'openapi.json')).status).toBe(401);
  });

  it('lists the routes with their schemas and security', async () => {
    const res = await call('GET', 'openapi.json', {
      token: await signTestToken({ roles: ['Backup.Reader'] }),
    });
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.servers[0].url).toBe(`${server.url}/api`);
    expect(doc.paths['/health'].get.security).toEqual([]);
    expect(doc.paths['/openapi.json'].get.security).toEqual([{ bearer: [] }]);
    const create = doc.paths['/tenants/{tenantId}/widgets'].post;
    expect(create.operationId).toBe('demoCreateWidget');
    expect(create['x-minimum-role']).toBe('Backup.Operator');
    expect(create.parameters).toEqual([
      {
        name: 'tenantId',
        in: 'path',
        required: true,
        schema: expect.objectContaining({ type: 'string', format: 'uuid' }),
      },
      {
        name: 'dryRun',
        in: 'query',
        required: false,
        schema: { type: 'string', enum: ['true', 'false'] },
      },
    ]);
    const bodySchema = create.requestBody.content['application/json'].schema;
    expect(create.requestBody.required).toBe(true);
    expect(bodySchema.required).toEqual(['name', 'size']);
    expect(bodySchema.properties.size.type).toBe('integer');
    expect(create.responses['201'].content['application/json'].schema.properties.id).toEqual({
      type: 'string',
    });
    for (const status of ['400', '401', '403', '413', '415', '500']) {
      expect(create.responses[status].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/Error',
      });
    }
    expect(doc.paths['/tenants/{tenantId}/widgets'].get.operationId).toBe('demoListWidgets');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
  });

  it('serves a Swagger 2.0 rendering for custom connectors', async () => {
    const res = await call('GET', 'swagger.json', {
      token: await signTestToken({ roles: ['Backup.Reader'] }),
    });
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.swagger).toBe('2.0');
    expect(doc.basePath).toBe('/api');
    expect(doc.host).toBe(new URL(server.url).host);
    expect(doc.schemes).toEqual(['http']);
    const create = doc.paths['/tenants/{tenantId}/widgets'].post;
    expect(create.parameters).toEqual([
      expect.objectContaining({ name: 'tenantId', in: 'path', type: 'string', format: 'uuid' }),
      expect.objectContaining({
        name: 'dryRun',
        in: 'query',
        type: 'string',
        enum: ['true', 'false'],
      }),
      expect.objectContaining({ name: 'body', in: 'body', required: true }),
    ]);
    expect(create.responses['400'].schema).toEqual({ $ref: '#/definitions/Error' });
    expect(create.security).toEqual([{ oauth2_auth: [] }]);
    expect(doc.paths['/health'].get.security).toEqual([]);
    expect(doc.definitions.Error).toBeDefined();
  });
});
