import '../../../functions/http/listModules';
import '../../../functions/http/portalConfig';
import { buildOpenApiDocument } from '../../../shared/api/openapi';
import { LOCAL_SIGN_IN_ENV } from '../../../shared/api/portalConfig';
import { type LocalHttpServer, startLocalHttpServer } from '../../../local/httpServer';
import { ALL_MODULES } from '../../../shared/modules';
import { CATEGORIES } from '../../../shared/modules/types';
import { TEST_AUDIENCE, signTestToken, testAuthEnv } from '../../support/tokens';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const PORTAL_ENV = [
  LOCAL_SIGN_IN_ENV,
  'PORTAL_CLIENT_ID',
  'PORTAL_AUTHORITY',
  'PORTAL_API_SCOPE',
  'AUTH_CLIENT_ID',
  'AUTH_TENANT_ID',
];

describe('HTTP API: what the portal reads (module catalogue, sign-in config)', () => {
  let server: LocalHttpServer;
  const saved = Object.fromEntries(PORTAL_ENV.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    Object.assign(process.env, testAuthEnv());
    server = await startLocalHttpServer({ port: 0 });
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  afterAll(async () => server?.stop());

  const get = async (path: string, token?: string) => {
    const response = await fetch(`${server.url}/api/${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  it('lists every catalogue module with its category, for Readers only', async () => {
    expect((await get('modules')).status).toBe(401);
    const { status, body } = await get(
      'modules',
      await signTestToken({ roles: ['Backup.Reader'] }),
    );
    expect(status).toBe(200);
    expect(body.categories).toEqual([...CATEGORIES]);
    expect(body.value.map((m: Json) => m.id)).toEqual(ALL_MODULES.map((m) => m.id));
    const users = body.value.find((m: Json) => m.id === 'users');
    expect(users).toMatchObject({ category: 'Users & Groups', restore: 'createOrUpdate' });
    expect(users.readPermissions.length).toBeGreaterThan(0);
    const backupOnly = body.value.find((m: Json) => m.restore === 'backupOnly');
    expect(backupOnly.backupOnlyReason).toEqual(expect.any(String));
    for (const m of body.value) expect(body.categories).toContain(m.category);
  });

  it('tells the portal to use MSAL with the API scope when a SPA client id is configured', async () => {
    delete process.env[LOCAL_SIGN_IN_ENV];
    process.env.PORTAL_CLIENT_ID = '3f0c5a8e-1111-4222-8333-444455556666';
    process.env.AUTH_CLIENT_ID = '9a1b2c3d-1111-4222-8333-444455556666';
    process.env.AUTH_TENANT_ID = '7e6d5c4b-1111-4222-8333-444455556666';
    const { status, body } = await get('portal-config');
    expect(status).toBe(200);
    expect(body.signIn).toEqual({
      mode: 'msal',
      clientId: '3f0c5a8e-1111-4222-8333-444455556666',
      authority: 'https://login.microsoftonline.com/7e6d5c4b-1111-4222-8333-444455556666',
      // The API's Application ID URI from AUTH_AUDIENCE wins over api://<AUTH_CLIENT_ID>.
      scopes: [`${TEST_AUDIENCE}/.default`],
    });
    process.env.PORTAL_API_SCOPE = 'api://contoso-backup/Backup.Use';
    expect((await get('portal-config')).body.signIn.scopes).toEqual([
      'api://contoso-backup/Backup.Use',
    ]);
  });

  it('says what is missing when sign-in is not configured, and local mode when serve set it', async () => {
    delete process.env[LOCAL_SIGN_IN_ENV];
    delete process.env.PORTAL_CLIENT_ID;
    const unconfigured = await get('portal-config');
    expect(unconfigured.body.signIn.mode).toBe('unconfigured');
    expect(unconfigured.body.signIn.message).toMatch(/PORTAL_CLIENT_ID/);
    process.env[LOCAL_SIGN_IN_ENV] = '/local-sign-in/token';
    expect((await get('portal-config')).body.signIn).toEqual({
      mode: 'local',
      tokenPath: '/local-sign-in/token',
    });
  });

  it('documents both routes in OpenAPI with their response schemas', () => {
    const doc = buildOpenApiDocument({ version: 'test' }) as Json;
    expect(doc.paths['/modules'].get.operationId).toBe('listModules');
    expect(doc.paths['/portal-config'].get.security).toEqual([]);
    expect(doc.components.schemas.ModuleCatalogue).toBeDefined();
    expect(doc.components.schemas.PortalConfig).toBeDefined();
  });
});
