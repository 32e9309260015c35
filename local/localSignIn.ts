import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { jose } from '../shared/api/jose';
import { LOCAL_SIGN_IN_ENV } from '../shared/api/portalConfig';
import { API_ROLES } from '../shared/api/roles';
import type { OtherRequestHandler } from './staticFiles';

export const LOCAL_SIGN_IN_PATH = '/local-sign-in/token';
const ISSUER = 'https://entra-backup.local/local-sign-in';
const AUDIENCE = 'api://entra-backup-local';
const KEY_ID = 'entra-backup-local-sign-in';
const LIFETIME_SECONDS = 3600;
const USER_NAME = 'local admin';

const requestSchema = z.object({ role: z.enum(API_ROLES).default('Backup.Admin') }).strict();

export interface LocalSignIn {
  /** AUTH_* settings that make the API trust only this process's tokens. */
  env: Record<string, string>;
  handler: OtherRequestHandler;
}

/**
 * Local sign-in for `serve` and the demo: a key pair made for this process only, the API told to
 * trust it (and nothing else), and a loopback endpoint that hands the portal a token. It is
 * never part of the Function App. A cross-site page cannot use it: the endpoint wants a JSON
 * body (so a browser sends a CORS preflight we never answer) and refuses a foreign Origin.
 */
export function createLocalSignIn(): LocalSignIn {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwks = {
    keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KEY_ID, alg: 'RS256', use: 'sig' }],
  };
  const env = {
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    AUTH_JWKS: JSON.stringify(jwks),
    [LOCAL_SIGN_IN_ENV]: LOCAL_SIGN_IN_PATH,
  };
  const handler: OtherRequestHandler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== LOCAL_SIGN_IN_PATH) return false;
    if (req.method !== 'POST') return answer(res, 405, error('methodNotAllowed', 'Use POST.'));
    if (!sameOrigin(req)) {
      return answer(res, 403, error('forbidden', 'Local sign-in answers this origin only.'));
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return answer(res, 415, error('unsupportedMediaType', 'Send a JSON body.'));
    }
    let body: unknown;
    try {
      body = JSON.parse((await readSmallBody(req)) || '{}');
    } catch {
      return answer(res, 400, error('invalidJson', 'The body is not valid JSON.'));
    }
    const parsed = requestSchema.safeParse(body);
    if (!parsed.success) {
      return answer(res, 400, error('invalidBody', `role must be one of ${API_ROLES.join(', ')}.`));
    }
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new jose.SignJWT({
      roles: [parsed.data.role],
      preferred_username: USER_NAME,
      oid: randomUUID(),
    })
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('local-admin')
      .setIssuedAt(now)
      .setExpirationTime(now + LIFETIME_SECONDS)
      .sign(privateKey);
    return answer(res, 200, {
      accessToken,
      expiresOn: new Date((now + LIFETIME_SECONDS) * 1000).toISOString(),
      userName: USER_NAME,
      role: parsed.data.role,
      local: true,
    });
  };
  return { env, handler };
}

function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

async function readSmallBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > 4096) throw new Error('too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function error(code: string, message: string) {
  return { error: { code, message } };
}

function answer(res: ServerResponse, status: number, body: unknown): true {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
  return true;
}
