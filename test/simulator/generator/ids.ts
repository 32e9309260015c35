import type { Prng } from './prng';

/** Entra's cloud SID for an object id: S-1-12-1 followed by the GUID's four little-endian 32-bit words. */
export function cloudSecurityIdentifier(id: string): string {
  const hex = id.replace(/-/g, '');
  const bytes = Buffer.from(hex, 'hex');
  // GUID byte order: the first three fields are little-endian in the binary form.
  const bin = Buffer.from([
    bytes[3],
    bytes[2],
    bytes[1],
    bytes[0],
    bytes[5],
    bytes[4],
    bytes[7],
    bytes[6],
    ...bytes.subarray(8),
  ]);
  return `S-1-12-1-${bin.readUInt32LE(0)}-${bin.readUInt32LE(4)}-${bin.readUInt32LE(8)}-${bin.readUInt32LE(12)}`;
}

/** An on-premises AD domain SID prefix, stable per tenant. */
export function onPremisesDomainSid(rng: Prng): string {
  return `S-1-5-21-${rng.int(1_000_000_000, 4_000_000_000)}-${rng.int(1_000_000_000, 4_000_000_000)}-${rng.int(1_000_000_000, 4_000_000_000)}`;
}

/** Opaque id of an app role assignment (Graph uses 43 base64url characters). */
export function appRoleAssignmentId(rng: Prng): string {
  return rng.base64url(43);
}

/** Opaque id of an OAuth2 permission grant (Graph uses 64 base64url characters). */
export function oauth2GrantId(rng: Prng): string {
  return rng.base64url(64);
}

/** Opaque id of a unifiedRoleAssignment (Graph uses 43 base64url characters and a `-1` suffix). */
export function roleAssignmentId(rng: Prng): string {
  return `${rng.base64url(43)}-1`;
}
