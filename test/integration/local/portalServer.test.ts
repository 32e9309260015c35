import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import '../../../functions/http/listModules';
import '../../../functions/http/portalConfig';
import '../../../functions/http/registerTenant';
import { LOCAL_SIGN_IN_PATH } from '../../../local/localSignIn';
import { type PortalServer, startPortalServer } from '../../../local/portalServer';

/** A raw GET, so paths like `/../x` reach the server unnormalised (fetch would clean them). */
function rawGet(url: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serve: portal files and local sign-in', () => {
  let server: PortalServer;
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-'));
  const saved = { ...process.env };

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>portal</title>');
    writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(path.join(path.dirname(dir), 'outside-portal.txt'), 'secret');
    server = await startPortalServer({ port: 0, portalDir: dir, localSignIn: true });
  });
  afterAll(async () => {
    await server?.stop();
    process.env = saved;
  });

  const token = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${LOCAL_SIGN_IN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };

  it('serves index.html at / and hashed assets with long caching', async () => {
    expect(server.portalBuilt).toBe(true);
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>portal</title>');
    const asset = await fetch(`${server.url}/assets/index-abc.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves a file outside the portal folder, and 404s unknown paths', async () => {
    for (const raw of [
      '/../outside-portal.txt',
      '/%2e%2e/outside-portal.txt',
      '/..%2foutside-portal.txt',
      '/assets/missing.js',
    ]) {
      const response = await rawGet(server.url, raw);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('secret');
    }
  });

  it('mints tokens the API accepts, with the role asked for, and says local sign-in in the config', async () => {
    const config = await (await fetch(`${server.url}/api/portal-config`)).json();
    expect(config).toEqual({ signIn: { mode: 'local', tokenPath: LOCAL_SIGN_IN_PATH } });
    const reader = await token({ role: 'Backup.Reader' });
    expect(reader.status).toBe(200);
    expect(reader.body).toMatchObject({ role: 'Backup.Reader', local: true });
    const auth = { authorization: `Bearer ${reader.body.accessToken}` };
    expect((await fetch(`${server.url}/api/modules`, { headers: auth })).status).toBe(200);
    const put = await fetch(`${server.url}/api/tenants/6f1c2d3e-0000-4000-8000-0000000000aa`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'x' }),
    });
    expect(put.status).toBe(403);
  });

  it('refuses cross-site callers, non-JSON bodies, unknown roles and GET', async () => {
    expect((await token({}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await token({ role: 'Global.Admin' })).status).toBe(400);
    const form = await fetch(`${server.url}${LOCAL_SIGN_IN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    expect((await fetch(`${server.url}${LOCAL_SIGN_IN_PATH}`)).status).toBe(405);
    const admin = await token({});
    expect(admin.body.role).toBe('Backup.Admin');
  });
});
