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
 * of a loopback test go over real TLS. Without the setting: nothing, the SDK defaults.
 */
const settingsCache = new Map<string, { ca: string[] }>();
const policyCache = new Map<string, AdditionalPolicyConfig[]>();

/**
 * TLS settings trusting the extra CA (Key Vault's clients take them as `tlsOptions`), or
 * undefined. One object per file: the SDK's HTTP client keeps one agent per settings object.
 */
export function extraCaTlsSettings(
  env: NodeJS.ProcessEnv = process.env,
): { ca: string[] } | undefined {
  const file = env.GRAPH_CA_CERT_FILE;
  if (!file) return undefined;
  let settings = settingsCache.get(file);
  if (!settings) {
    // The file may hold several certificates (a test with several loopback servers).
    const extra = readFileSync(file, 'utf8').match(
      /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
    );
    settings = { ca: [...rootCertificates, ...(extra ?? [])] };
    settingsCache.set(file, settings);
  }
  return settings;
}

/** The same trust as a pipeline policy, for @azure/identity's credentials (`additionalPolicies`). */
export function extraCaPolicies(env: NodeJS.ProcessEnv = process.env): AdditionalPolicyConfig[] {
  const file = env.GRAPH_CA_CERT_FILE;
  const tlsSettings = extraCaTlsSettings(env);
  if (!file || !tlsSettings) return [];
  let policies = policyCache.get(file);
  if (!policies) {
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
    policyCache.set(file, policies);
  }
  return policies;
}
