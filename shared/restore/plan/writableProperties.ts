import type { ModuleDefinition } from '../../modules/types';
import { sameValue } from './canonicalJson';
import type { PropertyDiff } from '../restoreTypes';

type Json = Record<string, unknown>;

/**
 * Properties a restore never writes whatever the module says: Graph returns certificate entries
 * without their key material, so they cannot be written back (listed as a warning instead).
 */
export const NEVER_WRITTEN = ['keyCredentials'];

/** The backup object without read-only, write-only, server-set and annotation properties. */
export function writableProperties(
  module: Pick<ModuleDefinition, 'readOnlyProperties' | 'writeOnlyProperties' | 'nullMeans'> & {
    relationships?: ModuleDefinition['relationships'];
    children?: ModuleDefinition['children'];
  },
  object: Json,
): Json {
  const excluded = new Set<string>([
    'id',
    ...module.readOnlyProperties,
    ...(module.writeOnlyProperties ?? []),
    ...(module.relationships ?? []).map((r) => r.name),
    ...(module.children ?? []).map((c) => c.name),
    ...NEVER_WRITTEN,
  ]);
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (excluded.has(key) || key.includes('@')) continue;
    out[key] = value;
  }
  return withNullMeaning(module, out);
}

/** The object with the values Graph means by its nulls (ModuleDefinition.nullMeans) filled in. */
export function withNullMeaning<T extends Json>(
  module: Pick<ModuleDefinition, 'nullMeans'>,
  object: T,
): T {
  if (!module.nullMeans) return object;
  const out: Json = { ...object };
  for (const [key, value] of Object.entries(module.nullMeans)) {
    if (key in out && (out[key] === null || out[key] === undefined)) out[key] = value;
  }
  return out as T;
}

/** Writable properties whose backup value differs from the live one (before → after). */
export function diffProperties(desired: Json, live: Json): PropertyDiff[] {
  const diffs: PropertyDiff[] = [];
  for (const key of Object.keys(desired).sort()) {
    if (!sameValue(desired[key], live[key])) {
      diffs.push({ property: key, before: live[key] ?? null, after: desired[key] });
    }
  }
  return diffs;
}

/** A POST body: writable properties without empty values, `@odata.type` kept for polymorphic types. */
export function createBody(writable: Json, original: Json): Json {
  const body: Json = {};
  if (typeof original['@odata.type'] === 'string') body['@odata.type'] = original['@odata.type'];
  for (const [key, value] of Object.entries(writable)) {
    if (value === null || value === undefined) continue;
    body[key] = value;
  }
  return body;
}

/**
 * A PATCH body of the changed properties (for a property in `mergedOnPatch`, only its changed
 * sub-objects, which Graph merges into the live value); PUT sends every writable property.
 */
export function updateBody(
  writable: Json,
  diffs: PropertyDiff[],
  original: Json,
  method: 'PATCH' | 'PUT',
  live: Json = {},
  mergedOnPatch: readonly string[] = [],
): Json {
  const body: Json = {};
  if (typeof original['@odata.type'] === 'string') body['@odata.type'] = original['@odata.type'];
  if (method === 'PUT') return { ...body, ...writable };
  for (const diff of diffs) {
    const after = writable[diff.property];
    const before = live[diff.property];
    if (mergedOnPatch.includes(diff.property) && isPlainObject(after) && isPlainObject(before)) {
      const changed: Json = {};
      for (const key of Object.keys(after).sort()) {
        if (!sameValue(after[key], before[key])) changed[key] = after[key] ?? null;
      }
      body[diff.property] = changed;
    } else body[diff.property] = after ?? null;
  }
  return body;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function displayNameOf(object: Json): string | undefined {
  for (const key of ['displayName', 'userPrincipalName', 'name', 'mailNickname']) {
    if (typeof object[key] === 'string' && object[key]) return object[key] as string;
  }
  return undefined;
}
