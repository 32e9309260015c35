import { randomBytes } from 'node:crypto';

/**
 * Snapshot ids are the UTC start time to the millisecond plus a short suffix, e.g.
 * `20261123T194500123Z-ab12`: plain string order is time order, and the id is a safe blob-path
 * segment.
 */
const SNAPSHOT_ID = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([a-z0-9]{1,16})$/;
const SUFFIX = /^[a-z0-9]{1,16}$/;

export interface ParsedSnapshotId {
  createdAt: Date;
  suffix: string;
}

export function formatTimestamp(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new Error('Cannot make an id from an invalid date.');
  // 2026-11-23T19:45:00.123Z → 20261123T194500123Z
  return now.toISOString().replace(/[-:]/g, '').replace('.', '');
}

export function randomSuffix(): string {
  return randomBytes(2).toString('hex');
}

export function newSnapshotId(now: Date, suffix: string = randomSuffix()): string {
  if (!SUFFIX.test(suffix)) {
    throw new Error(
      `Snapshot id suffix must be 1-16 lowercase letters or digits, got "${suffix}".`,
    );
  }
  return `${formatTimestamp(now)}-${suffix}`;
}

export function isSnapshotId(value: string): boolean {
  return parseSnapshotIdOrUndefined(value) !== undefined;
}

function parseSnapshotIdOrUndefined(value: string): ParsedSnapshotId | undefined {
  const m = SNAPSHOT_ID.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms, suffix] = m;
  const createdAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  if (Number.isNaN(createdAt.getTime()) || formatTimestamp(createdAt) !== value.split('-')[0]) {
    return undefined;
  }
  return { createdAt, suffix };
}

export function parseSnapshotId(value: string): ParsedSnapshotId {
  const parsed = parseSnapshotIdOrUndefined(value);
  if (!parsed) {
    throw new Error(`"${value}" is not a snapshot id (expected e.g. 20261123T194500123Z-ab12).`);
  }
  return parsed;
}
