import type { SignInConfig } from '../api/types';

/**
 * Who is signed in and how tokens are obtained. Local mode (serve, the demo) asks the local
 * process for a token; MSAL mode signs in with Entra ID (authorization code + PKCE) and asks for
 * the API's scope. MSAL is loaded only in MSAL mode.
 */
export interface Session {
  mode: 'local' | 'msal';
  userName: string;
  role?: string;
  signOut?: () => Promise<void>;
}

type TokenSource = () => Promise<string>;

let tokenSource: TokenSource | undefined;

export async function getAccessToken(): Promise<string> {
  if (!tokenSource) throw new Error('Not signed in.');
  return tokenSource();
}

export async function loadSignInConfig(): Promise<SignInConfig> {
  const response = await fetch('/api/portal-config');
  if (!response.ok) throw new Error(`The API answered ${response.status} for /api/portal-config.`);
  return ((await response.json()) as { signIn: SignInConfig }).signIn;
}

export async function startLocalSession(
  config: Extract<SignInConfig, { mode: 'local' }>,
): Promise<Session> {
  let cached: { token: string; expiresAt: number } | undefined;
  let role = 'Backup.Admin';
  let userName = 'local admin';
  tokenSource = async () => {
    if (cached && cached.expiresAt - Date.now() > 60_000) return cached.token;
    const response = await fetch(config.tokenPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role }),
    });
    if (!response.ok) throw new Error(`Local sign-in failed (${response.status}).`);
    const issued = (await response.json()) as {
      accessToken: string;
      expiresOn: string;
      userName: string;
      role: string;
    };
    cached = { token: issued.accessToken, expiresAt: Date.parse(issued.expiresOn) };
    role = issued.role;
    userName = issued.userName;
    return issued.accessToken;
  };
  await getAccessToken();
  return { mode: 'local', userName, role };
}

export async function startMsalSession(
  config: Extract<SignInConfig, { mode: 'msal' }>,
): Promise<Session | 'signInRequired'> {
  const msal = await import('@azure/msal-browser');
  const client = await msal.createStandardPublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: location.origin },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const redirect = await client.handleRedirectPromise();
  const account = redirect?.account ?? client.getActiveAccount() ?? client.getAllAccounts()[0];
  if (!account) {
    tokenSource = undefined;
    signIn = () => client.loginRedirect({ scopes: config.scopes });
    return 'signInRequired';
  }
  client.setActiveAccount(account);
  tokenSource = async () => {
    try {
      return (await client.acquireTokenSilent({ scopes: config.scopes, account })).accessToken;
    } catch (error) {
      if (error instanceof msal.InteractionRequiredAuthError) {
        await client.acquireTokenRedirect({ scopes: config.scopes, account });
      }
      throw error;
    }
  };
  return {
    mode: 'msal',
    userName: account.username,
    signOut: () => client.logoutRedirect({ account }),
  };
}

/** Set when MSAL needs an interactive sign-in; the sign-in page's button calls it. */
export let signIn: (() => Promise<void>) | undefined;
