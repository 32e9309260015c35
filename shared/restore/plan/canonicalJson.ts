import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: equal content → equal text → equal hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) sorted[key] = sortKeys(v);
    }
    return sorted;
  }
  return value;
}

export function sha256OfCanonical(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

/** Graph leaves unset properties out or answers null or []: all three mean "nothing". */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/**
 * Configuration equality as a restore sees it: empty values are equal, object key order does not
 * matter, and arrays are compared as multisets (Graph does not promise to keep list order of
 * sets such as groupTypes or CA include lists).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return canonicalJson(normalize(a)) === canonicalJson(normalize(b));
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .map((v) => normalize(v))
      .map((v) => [canonicalJson(v), v] as const)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([, v]) => v);
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!isEmpty(v)) out[k] = normalize(v);
    return out;
  }
  return value;
}
