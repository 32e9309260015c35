import { GENERATED_PASSWORD } from '../../modules/types';
import type { ObjectState } from './objectStates';
import type { PlanDraft } from './planDraft';
import { displayNameOf } from './writableProperties';

type Json = Record<string, unknown>;

function list(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

/**
 * Secrets a re-created object cannot get back, with what the admin must redo. Objects restored
 * from deleted items keep their credentials, so only creates are reported.
 */
export function warnLostSecrets(state: ObjectState, draft: PlanDraft): void {
  const { module, record } = state;
  const object = record.object;
  const name = displayNameOf(object) ?? record.id;
  const base = { moduleId: module.id, objectId: record.id };
  const createDefaults =
    module.restore.kind === 'createOrUpdate' ? module.restore.createDefaults : {};
  const generated = generatedSecretPaths(createDefaults ?? {});
  if (generated.length > 0) {
    draft.warn({
      ...base,
      code: 'generatedSecret',
      message: `${name} is re-created with a random one-time secret (${generated.join(', ')}) that is generated at apply time and never stored: replace it through your normal process (see the ${module.displayName} caveats).`,
    });
  }
  const secrets = list(object.passwordCredentials);
  if (secrets.length > 0) {
    const names = secrets.map((s) => String(s.displayName ?? s.hint ?? s.keyId ?? '?')).join(', ');
    draft.warn({
      ...base,
      code: 'clientSecretsLost',
      message: `${name} had ${secrets.length} client secret(s) (${names}) that cannot be restored: add new secrets (addPassword) and update every client that used them.`,
    });
  }
  const certificates = list(object.keyCredentials);
  if (certificates.length > 0) {
    const names = certificates
      .map((c) => String(c.displayName ?? c.customKeyIdentifier ?? c.keyId ?? '?'))
      .join(', ');
    draft.warn({
      ...base,
      code: 'certificatesLost',
      message: `${name} had ${certificates.length} certificate credential(s) (${names}); their key material is not in the backup: upload the certificates again (public keys from your PKI, or addKey).`,
    });
  }
  const samlMode = object.preferredSingleSignOnMode === 'saml';
  if (samlMode || typeof object.preferredTokenSigningKeyThumbprint === 'string') {
    draft.warn({
      ...base,
      code: 'samlSigningCertificate',
      message: `${name} used SAML single sign-on: its token signing certificate cannot be exported. Create a new one (addTokenSigningCertificate) and send the new federation metadata to the SAML partner.`,
    });
  }
}

/** Dotted paths of the create defaults that hold the generated-secret placeholder. */
function generatedSecretPaths(value: unknown, prefix = ''): string[] {
  if (value === GENERATED_PASSWORD) return [prefix];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    generatedSecretPaths(inner, prefix ? `${prefix}.${key}` : key),
  );
}
