import { existsSync } from 'node:fs';
import path from 'node:path';
import { type LocalHttpServer, startLocalHttpServer } from './httpServer';
import { createLocalSignIn } from './localSignIn';
import { defaultPortalDir, staticFileHandler } from './staticFiles';

export interface PortalServerOptions {
  port: number;
  host?: string;
  /** Default: where `npm run build` puts the portal. */
  portalDir?: string;
  /** Mint tokens in this process (serve, demo) instead of trusting the configured AUTH_*. */
  localSignIn: boolean;
}

export interface PortalServer extends LocalHttpServer {
  /** The portal's address, `<url>/`. */
  portalUrl: string;
  /** False when the portal was not built: the API is served, the pages are not. */
  portalBuilt: boolean;
  portalDir: string;
}

/** The API, the portal's static files and (optionally) local sign-in on one loopback port. */
export async function startPortalServer(options: PortalServerOptions): Promise<PortalServer> {
  const portalDir = path.resolve(options.portalDir ?? defaultPortalDir());
  const otherRequests = [staticFileHandler(portalDir)];
  if (options.localSignIn) {
    const signIn = createLocalSignIn();
    // The API in this process now trusts this process's key and nothing else.
    Object.assign(process.env, signIn.env);
    otherRequests.unshift(signIn.handler);
  }
  const server = await startLocalHttpServer({
    port: options.port,
    host: options.host,
    otherRequests,
  });
  return {
    ...server,
    portalUrl: `${server.url}/`,
    portalBuilt: existsSync(path.join(portalDir, 'index.html')),
    portalDir,
  };
}

/** Local sign-in unless the environment configures real token validation. */
export function wantsLocalSignIn(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.AUTH_ISSUER?.trim() && !env.AUTH_TENANT_ID?.trim();
}
