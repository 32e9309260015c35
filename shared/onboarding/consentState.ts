import crypto from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '../api/errors';

/**
 * The `state` of an admin-consent request: what the admin asked for, an expiry and a nonce,
 * HMAC-SHA256-signed with ONBOARDING_STATE_KEY (an app setting — a Key Vault reference in
 * Azure — of at least 32 random bytes, base64). Signed so the anonymous callback only acts on
 * requests this deployment made; expiring so a stale link does nothing; single use through the
 * nonce row (OnboardingRepository).
 */
export const consentStatePayloadSchema = z.strictObject({
  nonce: z.string().regex(/^[0-9a-f]{32}$/),
  expiresAt: z.iso.datetime(),
  requestedBy: z.string().min(1).max(256),
  displayName: z.string().trim().min(1).max(256).optional(),
  startBackup: z.boolean(),
});
export type ConsentStatePayload = z.infer<typeof consentStatePayloadSchema>;

export class InvalidStateError extends ApiError {
  constructor(reason: 'forged' | 'expired' | 'replayed' | 'malformed') {
    const messages = {
      forged: 'The onboarding state is not one this service signed.',
      expired: 'The onboarding link has expired: start onboarding again.',
      replayed: 'The onboarding link was already used: start onboarding again.',
      malformed: 'The onboarding callback has no valid state.',
    };
    super(400, 'invalidState', messages[reason], { details: { reason } });
    this.name = 'InvalidStateError';
  }
}

export function stateKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const key = Buffer.from(env.ONBOARDING_STATE_KEY ?? '', 'base64');
  if (key.length < 32)
    throw new ApiError(
      503,
      'onboardingNotConfigured',
      'Onboarding is not configured: set ONBOARDING_STATE_KEY to at least 32 random bytes (base64).',
    );
  return key;
}

const mac = (key: Buffer, data: string): string =>
  crypto.createHmac('sha256', key).update(data).digest('base64url');

export function signState(payload: ConsentStatePayload, key: Buffer): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** The payload of a state this service signed and that has not expired; InvalidStateError otherwise. */
export function verifyState(
  state: string | undefined,
  key: Buffer,
  now: Date,
): ConsentStatePayload {
  const [body, signature, extra] = (state ?? '').split('.');
  if (!body || !signature || extra !== undefined) throw new InvalidStateError('malformed');
  const expected = Buffer.from(mac(key, body));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual))
    throw new InvalidStateError('forged');
  let payload: ConsentStatePayload;
  try {
    payload = consentStatePayloadSchema.parse(
      JSON.parse(Buffer.from(body, 'base64url').toString('utf8')),
    );
  } catch {
    throw new InvalidStateError('malformed');
  }
  if (Date.parse(payload.expiresAt) <= now.getTime()) throw new InvalidStateError('expired');
  return payload;
}
