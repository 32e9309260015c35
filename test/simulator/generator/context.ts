import { Prng } from './prng';

/** "Now" for every generated tenant, fixed so output never depends on the wall clock. */
export const GENERATED_AT = Date.UTC(2025, 0, 15, 12, 0, 0);
const DAY_MS = 86_400_000;

/** What every builder needs: the tenant's identity, its domains and a seeded random stream. */
export interface GenContext {
  seed: number;
  tenantId: string;
  organizationName: string;
  /** Verified custom domain used in UPNs and mail, e.g. contoso.com. */
  domain: string;
  /** The tenant's *.onmicrosoft.com domain. */
  initialDomain: string;
}

export function createContext(
  seed: number,
  tenantId: string | undefined,
  organizationName: string,
  domain: string,
): GenContext {
  const initialLabel = domain
    .split('.')[0]
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();
  return {
    seed,
    tenantId: tenantId ?? Prng.forStream(seed, 'tenantId').guid(),
    organizationName,
    domain,
    initialDomain: `${initialLabel}.onmicrosoft.com`,
  };
}

/** A Graph timestamp (second precision, UTC, `Z`) between `minDaysAgo` and `maxDaysAgo` before GENERATED_AT. */
export function pastTimestamp(rng: Prng, maxDaysAgo: number, minDaysAgo = 0): string {
  const ms = GENERATED_AT - (minDaysAgo + rng.next() * (maxDaysAgo - minDaysAgo)) * DAY_MS;
  return isoSeconds(ms);
}

/** A timestamp `days` after `from` (ISO string). */
export function addDays(from: string, days: number): string {
  return isoSeconds(Date.parse(from) + days * DAY_MS);
}

/** Graph's long form with 7 fractional digits, used on some server-set timestamps. */
export function preciseTimestamp(rng: Prng, maxDaysAgo: number, minDaysAgo = 0): string {
  const base = pastTimestamp(rng, maxDaysAgo, minDaysAgo);
  return `${base.slice(0, -1)}.${String(rng.int(0, 9_999_999)).padStart(7, '0')}Z`;
}

function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `timestamp`, or `earliest` if it would come first (e.g. a password change before the account existed). */
export function notBefore(earliest: string, timestamp: string): string {
  return timestamp < earliest ? earliest : timestamp;
}
