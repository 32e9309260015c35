import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { emptyTenant } from '../defaultTenant';
import { type RunningSimulator, startSimulator } from '../index';
import type { TenantState } from '../tenantState';
import { rawRequest, simulatorGraphClient } from './graphClient';

/**
 * Issue 6 follow-up: the simulator refuses what Graph refuses where two helpers found it lax.
 * - `/organization/{orgId}/…` checks that `{orgId}` is the tenant's organization: another GUID → 404,
 *   a non-GUID (a literal `{tenantId}`) → 400 "Invalid object identifier", for every method.
 * - Removing a condition set of a built-in permission grant policy is refused like adding one.
 */

const OTHER_ORG = '0b7e2f43-5d1c-4e8a-9f60-3c2d1a0b9e87';
const BUILT_IN = 'microsoft-user-default-low';
const BUILT_IN_INCLUDE = 'c0ffee00-0000-4000-8000-000000000001';
const CUSTOM = 'contoso-verified-apps';
const CUSTOM_INCLUDE = 'c0ffee00-0000-4000-8000-000000000002';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function tenant(): TenantState {
  const t = emptyTenant();
  t.children.organizationalBrandingLocalizations = {
    tenant: [
      { id: '0', signInPageText: 'Welcome' },
      { id: 'fr-FR', signInPageText: 'Bienvenue' },
    ],
  };
  t.collections.permissionGrantPolicies = [
    { id: BUILT_IN, displayName: 'Default user consent', deletedDateTime: null },
    { id: CUSTOM, displayName: 'Contoso: verified apps', deletedDateTime: null },
  ];
  const include = (id: string) => ({
    id,
    permissionType: 'delegated',
    permissionClassification: 'low',
  });
  t.children.permissionGrantPolicyIncludes = {
    [BUILT_IN]: [include(BUILT_IN_INCLUDE)],
    [CUSTOM]: [include(CUSTOM_INCLUDE)],
  };
  return t;
}

let sim: RunningSimulator;
let client: Client;
let close: () => Promise<void>;

beforeAll(async () => {
  sim = await startSimulator({ state: tenant(), throttling: false });
  ({ client, close } = simulatorGraphClient(sim));
});
afterAll(async () => {
  await close();
  await sim.stop();
});

const call = (
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) => rawRequest(sim, method, `/v1.0${path}`, options);

/** A stream upload: rawRequest only sends JSON, so the bytes go through fetch directly. */
async function putStream(path: string, bytes: Buffer, contentType: string): Promise<number> {
  const { Agent } = await import('undici');
  const dispatcher = new Agent({ connect: { ca: sim.caCertPem } });
  try {
    const res = await fetch(`${sim.baseUrl}/v1.0${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${sim.token}`, 'content-type': contentType },
      body: bytes,
      dispatcher,
    } as RequestInit);
    await res.text();
    return res.status;
  } finally {
    await dispatcher.close();
  }
}

async function sdkError(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GraphError) return { status: e.statusCode, code: e.code ?? '' };
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('organization-scoped paths check the organization id', () => {
  const own = () => `/organization/${sim.tenantId}`;
  const other = `/organization/${OTHER_ORG}`;

  it('the tenant’s own organization id is served (control)', async () => {
    expect((await call('GET', own())).status).toBe(200);
    expect((await call('GET', `${own()}/branding`)).body.id).toBe('0');
    expect((await call('GET', `${own()}/branding/localizations/fr-FR`)).status).toBe(200);
  });

  it.each([
    ['GET', ''],
    ['PATCH', ''],
    ['GET', '/branding'],
    ['PATCH', '/branding'],
    ['GET', '/branding/localizations'],
    ['POST', '/branding/localizations'],
    ['GET', '/branding/localizations/fr-FR'],
    ['PATCH', '/branding/localizations/fr-FR'],
    ['DELETE', '/branding/localizations/fr-FR'],
    ['GET', '/branding/bannerLogo'],
    ['GET', '/branding/localizations/fr-FR/squareLogo'],
  ])('another organization id → 404 Request_ResourceNotFound on %s %s', async (method, tail) => {
    const body =
      method === 'POST'
        ? { id: 'es-ES', signInPageText: 'Hola' }
        : method === 'PATCH'
          ? tail
            ? { signInPageText: 'Changed' }
            : { technicalNotificationMails: ['x@contoso.com'] }
          : undefined;
    const res = await call(method, `${other}${tail}`, { body });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('Request_ResourceNotFound');
  });

  it('another organization id → 404 on stream PUT, and nothing is written', async () => {
    expect(await putStream(`${other}/branding/bannerLogo`, PNG, 'image/png')).toBe(404);
    expect(await putStream(`${other}/branding/localizations/fr-FR/favicon`, PNG, 'image/png')).toBe(
      404,
    );
    expect((await call('GET', `${own()}/branding/bannerLogo`)).status).toBe(404);
    expect((await call('GET', `${own()}/branding/localizations/fr-FR/favicon`)).status).toBe(404);
    // The refused writes of the previous test left the tenant's branding as it was.
    const locs = (await call('GET', `${own()}/branding/localizations`)).body.value;
    expect(locs.map((l: { id: string }) => l.id).sort()).toEqual(['0', 'fr-FR']);
    expect((await call('GET', `${own()}/branding`)).body.signInPageText).toBe('Welcome');
    expect((await call('GET', own())).body.technicalNotificationMails).toEqual([
      'admin@contoso.onmicrosoft.com',
    ]);
  });

  it.each([
    ['GET', ''],
    ['PATCH', ''],
    ['GET', '/branding'],
    ['PATCH', '/branding'],
    ['GET', '/branding/localizations'],
    ['POST', '/branding/localizations'],
    ['DELETE', '/branding/localizations/fr-FR'],
  ])('a literal {tenantId} → 400 Invalid object identifier on %s %s', async (method, tail) => {
    const body = method === 'GET' || method === 'DELETE' ? undefined : { id: 'es-ES' };
    const res = await call(method, `/organization/{tenantId}${tail}`, { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'Request_BadRequest',
      message: "Invalid object identifier '{tenantId}'.",
    });
  });

  it('a literal {tenantId} → 400 on stream PUT and through the Graph SDK', async () => {
    expect(await putStream('/organization/{tenantId}/branding/bannerLogo', PNG, 'image/png')).toBe(
      400,
    );
    expect(
      await sdkError(client.api('/organization/{tenantId}/branding/localizations').get()),
    ).toEqual({ status: 400, code: 'Request_BadRequest' });
    expect(
      await sdkError(
        client
          .api('/organization/{tenantId}/branding/localizations/fr-FR/squareLogo')
          .header('Content-Type', 'image/png')
          .put(PNG),
      ),
    ).toEqual({ status: 400, code: 'Request_BadRequest' });
  });

  it('inner $batch requests are checked the same way', async () => {
    const res = await call('POST', '/$batch', {
      body: {
        requests: [
          { id: '1', method: 'GET', url: `${other}/branding` },
          { id: '2', method: 'GET', url: '/organization/{tenantId}/branding' },
          { id: '3', method: 'GET', url: `${own()}/branding` },
        ],
      },
    });
    const status = Object.fromEntries(
      (res.body.responses as Array<{ id: string; status: number }>).map((r) => [r.id, r.status]),
    );
    expect(status).toEqual({ '1': 404, '2': 400, '3': 200 });
  });
});

describe('built-in permission grant policies: condition sets cannot be removed', () => {
  const includes = (policy: string) => `/policies/permissionGrantPolicies/${policy}/includes`;

  it('DELETE of a built-in policy’s include is refused like POST, and the include stays', async () => {
    const added = await call('POST', includes(BUILT_IN), { body: { permissionType: 'delegated' } });
    const removed = await call('DELETE', `${includes(BUILT_IN)}/${BUILT_IN_INCLUDE}`);
    expect(removed.status).toBe(400);
    expect(removed.body.error).toEqual({ ...added.body.error, innerError: expect.any(Object) });
    expect(removed.body.error).toMatchObject({
      code: 'Request_BadRequest',
      message: 'Built-in permission grant policies cannot be modified.',
    });
    const left = (await call('GET', includes(BUILT_IN))).body.value;
    expect(left.map((c: { id: string }) => c.id)).toEqual([BUILT_IN_INCLUDE]);
  });

  it('a custom policy’s include is still removable (control)', async () => {
    expect((await call('DELETE', `${includes(CUSTOM)}/${CUSTOM_INCLUDE}`)).status).toBe(204);
    expect((await call('GET', includes(CUSTOM))).body.value).toEqual([]);
  });
});
