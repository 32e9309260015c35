import crypto from 'node:crypto';
import type { SimResponse } from '../handlers/context';
import { issueAccessToken } from './accessTokens';

/**
 * The slice of the Microsoft identity platform (login.microsoftonline.com) a tenant simulator
 * serves on its own origin, so @azure/identity's real credentials can use it as their authority
 * host: OpenID metadata, the client-credentials token endpoint (secret or certificate assertion)
 * and the admin-consent endpoint. Shapes and AADSTS codes follow Microsoft's documentation:
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow and
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 */
export interface SimulatedClient {
  appId: string;
  /** Accepted client secret. */
  secret?: string;
  /** PEM certificate whose key signs client assertions. */
  certificatePem?: string;
}

export interface ConsentBehaviour {
  /** What the signed-in admin does on the consent page. */
  outcome: 'grant' | 'decline';
}

export interface IdentityPlatformState {
  tenantId: () => string;
  clients: SimulatedClient[];
  consent: ConsentBehaviour;
  nowSeconds: () => number;
  /** Tokens issued, by app id: tests assert who asked. */
  issued: { appId: string; tenantId: string }[];
}

const TENANT_SEGMENT =
  /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token|v2\.0\/adminconsent|adminconsent)$/;

export function isIdentityPath(pathname: string): boolean {
  return TENANT_SEGMENT.test(pathname);
}

function oauthError(status: number, error: string, code: number, description: string): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: {
      error,
      error_description: `AADSTS${code}: ${description}`,
      error_codes: [code],
      timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
      trace_id: crypto.randomUUID(),
      correlation_id: crypto.randomUUID(),
    },
  };
}

function verifyAssertion(assertion: string, certificatePem: string): boolean {
  const parts = assertion.split('.');
  if (parts.length !== 3) return false;
  let alg = '';
  try {
    alg =
      (JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as { alg?: string }).alg ??
      '';
  } catch {
    return false;
  }
  const key = new crypto.X509Certificate(certificatePem).publicKey;
  const data = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2], 'base64url');
  if (alg === 'RS256') return crypto.verify('sha256', data, key, signature);
  if (alg === 'PS256')
    return crypto.verify(
      'sha256',
      data,
      { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
      signature,
    );
  return false;
}

export function handleIdentityRequest(
  state: IdentityPlatformState,
  baseUrl: string,
  method: string,
  url: URL,
  form: URLSearchParams,
): SimResponse {
  const [, tenantSegment, endpoint] = TENANT_SEGMENT.exec(url.pathname)!;
  const tenantId = state.tenantId();
  // Organizations / common resolve to the signed-in tenant; a named tenant must be this one.
  const known =
    tenantSegment === tenantId || tenantSegment === 'organizations' || tenantSegment === 'common';
  if (!known)
    return oauthError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );

  if (endpoint.endsWith('openid-configuration') && method === 'GET') {
    const authority = `${baseUrl}/${tenantSegment}`;
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: {
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic',
        ],
        jwks_uri: `${baseUrl}/${tenantSegment}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${baseUrl}/${tenantId}/v2.0`,
        request_uri_parameter_supported: false,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${authority}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'tid'],
        tenant_region_scope: 'EU',
        cloud_instance_name: 'microsoftonline.com',
        cloud_graph_host_name: 'graph.windows.net',
        msgraph_host: 'graph.microsoft.com',
      },
    };
  }

  if (endpoint.includes('adminconsent') && method === 'GET') {
    const redirectUri = url.searchParams.get('redirect_uri');
    const clientId = url.searchParams.get('client_id') ?? '';
    const client = state.clients.find((c) => c.appId === clientId);
    if (!redirectUri || !client)
      return oauthError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenantId}'.`,
      );
    const target = new URL(redirectUri);
    const stateParam = url.searchParams.get('state');
    if (state.consent.outcome === 'grant') {
      target.searchParams.set('admin_consent', 'True');
      target.searchParams.set('tenant', tenantId);
      target.searchParams.set('scope', url.searchParams.get('scope') ?? '');
    } else {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set(
        'error_description',
        'AADSTS65004: User declined to consent to access the app.',
      );
      target.searchParams.set('admin_consent', 'False');
      target.searchParams.set('tenant', tenantId);
    }
    if (stateParam !== null) target.searchParams.set('state', stateParam);
    return { status: 302, headers: { location: target.toString() } };
  }

  if (endpoint === 'oauth2/v2.0/token' && method === 'POST') {
    if (form.get('grant_type') !== 'client_credentials')
      return oauthError(
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    const clientId = form.get('client_id') ?? '';
    const client = state.clients.find((c) => c.appId === clientId);
    if (!client)
      return oauthError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
      );
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    const authenticated =
      (secret !== null && client.secret !== undefined && secret === client.secret) ||
      (assertion !== null &&
        client.certificatePem !== undefined &&
        verifyAssertion(assertion, client.certificatePem));
    if (!authenticated)
      return oauthError(
        401,
        'invalid_client',
        secret !== null ? 7000215 : 700027,
        secret !== null
          ? `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`
          : 'Client assertion failed signature validation.',
      );
    const { token } = issueAccessToken(tenantId, clientId, state.nowSeconds());
    state.issued.push({ appId: clientId, tenantId });
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token },
    };
  }
  return oauthError(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
}
