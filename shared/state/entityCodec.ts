import type { TableEntity } from '@azure/data-tables';
import type { z } from 'zod';
import { ConcurrencyError, EntityTooLargeError, StateValidationError } from './errors';

/**
 * Table Storage limits, checked here because Azurite accepts rows Azure would refuse:
 * 1 MiB per entity, 252 custom properties, 64 KiB (32 K UTF-16 chars) per string. JSON fields are
 * held to 32 KiB so a row carrying a few of them still fits.
 */
export const MAX_JSON_FIELD_BYTES = 32 * 1024;
export const MAX_STRING_CHARS = 32 * 1024;
export const MAX_ENTITY_BYTES = 1024 * 1024;
export const MAX_CUSTOM_PROPERTIES = 252;
const FORBIDDEN_KEY_CHARS = /[/\\#?]/;

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

export function assertKey(kind: string, value: string): string {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > 512 ||
    FORBIDDEN_KEY_CHARS.test(value) ||
    hasControlCharacter(value)
  ) {
    throw new StateValidationError(
      `Invalid ${kind} "${String(value).slice(0, 80)}": 1-512 characters without / \\ # ? or control characters.`,
    );
  }
  return value;
}

/** Serialises a JSON field, refusing values that would not fit a table row. */
export function toJsonField(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes >= MAX_JSON_FIELD_BYTES) {
    throw new EntityTooLargeError(
      `Field "${field}" is ${bytes} bytes as JSON; table fields must stay under ${MAX_JSON_FIELD_BYTES} bytes. Store large data in a blob and keep a reference.`,
    );
  }
  return json;
}

export function fromJsonField(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  return JSON.parse(value) as unknown;
}

/** Cuts a free-text field (error messages) so it can never make a row too large. */
export function truncateText(value: string | undefined, maxChars = 4000): string | undefined {
  if (value === undefined || value.length <= maxChars) return value;
  return `${value.slice(0, maxChars - 1)}…`;
}

function valueBytes(value: unknown): number {
  if (typeof value === 'string') return 4 + value.length * 2;
  if (typeof value === 'boolean') return 1;
  return 8;
}

/** Refuses an entity Azure would reject (size estimate per the Table service's documented formula). */
export function assertEntityFits(entity: TableEntity<Record<string, unknown>>, what: string): void {
  const custom = Object.entries(entity).filter(
    ([k, v]) => v !== undefined && k !== 'partitionKey' && k !== 'rowKey',
  );
  if (custom.length > MAX_CUSTOM_PROPERTIES) {
    throw new EntityTooLargeError(
      `${what} has ${custom.length} properties; the limit is ${MAX_CUSTOM_PROPERTIES}.`,
    );
  }
  let bytes = 4 + (entity.partitionKey.length + entity.rowKey.length) * 2;
  for (const [name, value] of custom) {
    if (typeof value === 'string' && value.length > MAX_STRING_CHARS) {
      throw new EntityTooLargeError(
        `${what}: property "${name}" is ${value.length} characters; the limit is ${MAX_STRING_CHARS}.`,
      );
    }
    bytes += 8 + name.length * 2 + valueBytes(value);
  }
  if (bytes > MAX_ENTITY_BYTES) {
    throw new EntityTooLargeError(
      `${what} is about ${bytes} bytes; the limit is ${MAX_ENTITY_BYTES}.`,
    );
  }
}

/** Drops undefined properties: the SDK would otherwise send them as nulls. */
export function compact<T extends Record<string, unknown>>(entity: T): T {
  for (const key of Object.keys(entity)) if (entity[key] === undefined) delete entity[key];
  return entity;
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new StateValidationError(`Invalid ${what}: ${issues.slice(0, 5).join('; ')}`, issues);
  }
  return result.data;
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Maps the service's optimistic-concurrency answers to a typed error; rethrows anything else. */
export function rethrowConflict(error: unknown, what: string): never {
  const status = statusOf(error);
  if (status === 412)
    throw new ConcurrencyError(`${what} was changed by someone else; reload and retry.`);
  if (status === 409) throw new ConcurrencyError(`${what} already exists.`);
  if (status === 404) throw new ConcurrencyError(`${what} no longer exists.`);
  throw error;
}

/** Int64 properties arrive as bigint from Azurite/SDK; everything we store fits a number. */
export function numberField(value: unknown): number | undefined {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'value' in value)
    return Number((value as { value: unknown }).value);
  return undefined;
}
