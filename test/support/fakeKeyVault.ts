import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generateCertificate } from '../simulator/runtime/tls';

/**
 * A loopback stand-in for Azure Key Vault's data plane, enough for the real
 * @azure/keyvault-secrets and -certificates clients: the bearer challenge they expect first
 * (401 + WWW-Authenticate with authorization/resource), GET secret and GET certificate, and
 * Key Vault's own 404 bodies (SecretNotFound, CertificateNotFound). Shapes from
 * https://learn.microsoft.com/rest/api/keyvault/secrets/get-secret/get-secret and
 * https://learn.microsoft.com/azure/key-vault/general/authentication-requests-and-responses
 */
export interface FakeKeyVault {
  vaultUrl: string;
  caCertPem: string;
  secrets: Map<string, { value: string; contentType?: string; enabled?: boolean }>;
  /** Certificate names whose private key is the secret of the same name (as Key Vault keeps it). */
  certificates: Set<string>;
  /** Requests served, by path, so tests can prove a vault was (or was not) asked. */
  requests: string[];
  stop(): Promise<void>;
}

const VERSION = '0123456789abcdef0123456789abcdef';

export async function startFakeKeyVault(tenantId: string): Promise<FakeKeyVault> {
  const cert = generateCertificate('Fake Key Vault');
  const secrets: FakeKeyVault['secrets'] = new Map();
  const certificates = new Set<string>();
  const requests: string[] = [];
  let vaultUrl = '';
  const server = https.createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    req.resume();
    req.on('end', () => {
      if (!/^Bearer .+/.test(req.headers.authorization ?? '')) {
        send(
          401,
          {
            error: {
              code: 'Unauthorized',
              message: 'AKV10000: Request is missing a Bearer or PoP token.',
            },
          },
          {
            'www-authenticate': `Bearer authorization="https://login.microsoftonline.com/${tenantId}", resource="https://vault.azure.net"`,
          },
        );
        return;
      }
      requests.push(url.pathname);
      const m = /^\/(secrets|certificates)\/([A-Za-z0-9-]+)(?:\/([A-Za-z0-9]*))?\/?$/.exec(
        url.pathname,
      );
      if (!m || req.method !== 'GET') {
        send(400, { error: { code: 'BadParameter', message: 'Unsupported request.' } });
        return;
      }
      const [, kind, name] = m;
      const secret = secrets.get(name);
      const attributes = {
        enabled: secret?.enabled ?? true,
        created: 1_700_000_000,
        updated: 1_700_000_000,
        recoveryLevel: 'Recoverable+Purgeable',
      };
      if (kind === 'secrets') {
        if (!secret) {
          send(404, {
            error: {
              code: 'SecretNotFound',
              message: `A secret with (name/id) ${name} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
            },
          });
          return;
        }
        send(200, {
          value: secret.value,
          contentType: secret.contentType,
          id: `${vaultUrl}/secrets/${name}/${VERSION}`,
          attributes,
        });
        return;
      }
      if (!certificates.has(name) || !secret) {
        send(404, {
          error: {
            code: 'CertificateNotFound',
            message: `A certificate with (name/id) ${name} was not found in this key vault. If you recently deleted this certificate you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
          },
        });
        return;
      }
      send(200, {
        id: `${vaultUrl}/certificates/${name}/${VERSION}`,
        kid: `${vaultUrl}/keys/${name}/${VERSION}`,
        sid: `${vaultUrl}/secrets/${name}/${VERSION}`,
        x5t: 'AAAA',
        cer: Buffer.from('not-a-real-der').toString('base64'),
        attributes,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  vaultUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    vaultUrl,
    caCertPem: cert.certPem,
    secrets,
    certificates,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
