import { z } from 'zod';
import type { SnapshotRecord } from '../modules/types';

const jsonObject = z.record(z.string(), z.unknown());

/** For untrusted input (uploaded exports); chunks read from our own store use `isSnapshotRecord`. */
export const snapshotRecordSchema = z.object({
  id: z.string().min(1),
  object: jsonObject,
  relationships: z.record(z.string(), z.array(z.string())).optional(),
  children: z.record(z.string(), z.array(jsonObject)).optional(),
  binaries: z
    .record(
      z.string(),
      z.object({
        blob: z.string().min(1),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        bytes: z.number().int().nonnegative(),
        contentType: z.string().min(1),
      }),
    )
    .optional(),
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A cheap shape check for chunk lines, whose bytes are already sha256-verified. */
export function isSnapshotRecord(value: unknown): value is SnapshotRecord {
  return (
    isPlainObject(value) &&
    typeof value.id === 'string' &&
    value.id.length > 0 &&
    isPlainObject(value.object) &&
    (value.relationships === undefined || isPlainObject(value.relationships)) &&
    (value.children === undefined || isPlainObject(value.children))
  );
}

/**
 * Merges two parts of one object that a writer split across pages or chunks (a large group's
 * members): relationships are unioned per name keeping first-seen order, children concatenated,
 * and the later `object` wins unless it is empty.
 */
export function mergeRecordParts(earlier: SnapshotRecord, later: SnapshotRecord): SnapshotRecord {
  const merged: SnapshotRecord = {
    id: earlier.id,
    object: Object.keys(later.object).length > 0 ? later.object : earlier.object,
  };
  if (earlier.relationships || later.relationships) {
    const relationships: Record<string, string[]> = {};
    for (const source of [earlier.relationships, later.relationships]) {
      for (const [name, ids] of Object.entries(source ?? {})) {
        const target = (relationships[name] ??= []);
        const seen = new Set(target);
        for (const id of ids) {
          if (!seen.has(id)) {
            seen.add(id);
            target.push(id);
          }
        }
      }
    }
    // Writers store link lists sorted; keep the merged list sorted too, so a record reads the
    // same whether or not it was split across chunks.
    for (const name of Object.keys(relationships)) relationships[name].sort();
    merged.relationships = relationships;
  }
  if (earlier.children || later.children) {
    const children: Record<string, Record<string, unknown>[]> = {};
    for (const source of [earlier.children, later.children]) {
      for (const [name, items] of Object.entries(source ?? {})) {
        children[name] = [...(children[name] ?? []), ...items];
      }
    }
    merged.children = children;
  }
  return merged;
}

/** Yields records with adjacent parts of the same id merged into one. */
export async function* mergeAdjacent(
  records: AsyncIterable<SnapshotRecord>,
): AsyncGenerator<SnapshotRecord> {
  let pending: SnapshotRecord | undefined;
  for await (const record of records) {
    if (pending && pending.id === record.id) {
      pending = mergeRecordParts(pending, record);
      continue;
    }
    if (pending) yield pending;
    pending = record;
  }
  if (pending) yield pending;
}
