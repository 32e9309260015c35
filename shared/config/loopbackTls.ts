import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import type { TokenCredentialOptions } from '@azure/identity';

/** One pipeline policy of an Azure SDK client (the type core-client declares). */
export type AdditionalPolicyConfig = NonNullable<
  TokenCredentialOptions['additionalPolicies']
>[number];

/**
 * GRAPH_CA_CERT_FILE (the loopback simulator's self-signed CA) for Azure SDK clients — the
 * identity platform and Key Vault — next to the public roots, so the token and secret requests
 * of a loopback test go over real TLS. Without the setting: no policy, the SDK defaults.
 */
const cache = new Map<string, AdditionalPolicyConfig[]>();

export function extraCaPolicies(env: NodeJS.ProcessEnv = process.env): AdditionalPolicyConfig[] {
  const file = env.GRAPH_CA_CERT_FILE;
  if (!file) return [];
  let policies = cache.get(file);
  if (!policies) {
    // One settings object per CA: the SDK's HTTP client keeps one agent per settings object.
    const tlsSettings = { ca: [...rootCertificates, readFileSync(file, 'utf8')] };
    policies = [
      {
        position: 'perCall',
        policy: {
          name: 'entraBackupExtraCa',
          sendRequest: (request, next) => {
            request.tlsSettings = tlsSettings;
            return next(request);
          },
        },
      },
    ];
    cache.set(file, policies);
  }
  return policies;
}
