import { getModule, isModuleId } from '../../modules';
import { GENERATED_PASSWORD } from '../../modules/types';
import type { IdMap, IdMapEntry } from '../restoreTypes';

export { GENERATED_PASSWORD };

/**
 * Ids that exist only after apply (re-created objects) travel in the plan as placeholders and are
 * resolved through the id map just before each write. The generated password placeholder is
 * filled at apply time and never stored. `{{appId:…}}` is the 0.1 spelling of `{{key:appId:…}}`,
 * still read so that plans saved before an upgrade apply.
 */
const PLACEHOLDER = /\{\{(id|appId|key:[A-Za-z0-9_]+):([A-Za-z0-9_-]+):([^}]+)\}\}/g;

export function idPlaceholder(moduleId: string, backupId: string): string {
  return `{{id:${moduleId}:${backupId}}}`;
}

/** The value of an alternate key (appId) an object will only have once it is re-created. */
export function keyPlaceholder(property: string, moduleId: string, backupId: string): string {
  return `{{key:${property}:${moduleId}:${backupId}}}`;
}

/**
 * What the id map keeps of a created object: its id and the alternate keys its module declares,
 * which placeholders may ask for.
 */
export function idMapEntry(moduleId: string, created: Record<string, unknown>): IdMapEntry {
  const module = isModuleId(moduleId) ? getModule(moduleId) : undefined;
  // Objects without an id (cross-tenant partners) are keyed by their keyProperty.
  const id = created.id ?? (module?.keyProperty ? created[module.keyProperty] : undefined);
  if (typeof id !== 'string' || !id) throw new Error('Graph answered a create without an id');
  const entry: IdMapEntry = { id };
  const keys = module?.alternateKeys ?? [];
  for (const { property } of keys) {
    if (typeof created[property] === 'string') entry[property] = created[property];
  }
  // Entries written before alternate keys were declared kept appId whatever the module.
  if (typeof created.appId === 'string') entry.appId = created.appId;
  return entry;
}

export function idMapKey(moduleId: string, backupId: string): string {
  return `${moduleId}:${backupId}`;
}

export class UnresolvedPlaceholderError extends Error {
  constructor(readonly key: string) {
    super(`${key} has not been re-created (its create action has not succeeded)`);
    this.name = 'UnresolvedPlaceholderError';
  }
}

/** The id-map keys (`module:backupId`) that placeholders anywhere in a value wait for. */
export function placeholderKeys(value: unknown): Set<string> {
  const keys = new Set<string>();
  visitStrings(value, (s) => {
    for (const m of s.matchAll(PLACEHOLDER)) keys.add(idMapKey(m[2], m[3]));
  });
  return keys;
}

/** Modules named by placeholders anywhere in a value (for wave ordering). */
export function placeholderModules(value: unknown): Set<string> {
  const modules = new Set<string>();
  visitStrings(value, (s) => {
    for (const m of s.matchAll(PLACEHOLDER)) modules.add(m[2]);
  });
  return modules;
}

function visitStrings(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((v) => visitStrings(v, visit));
  else if (value && typeof value === 'object') {
    Object.values(value).forEach((v) => visitStrings(v, visit));
  }
}

export function resolveString(
  text: string,
  idMap: IdMap,
  secrets: { password?: () => string } = {},
): string {
  let out = text.replace(PLACEHOLDER, (_all, kind: string, moduleId: string, backupId: string) => {
    const key = idMapKey(moduleId, backupId);
    const entry = idMap[key];
    const value = kind === 'id' ? entry?.id : entry?.[kind.replace(/^key:/, '')];
    if (!value) throw new UnresolvedPlaceholderError(key);
    return value;
  });
  if (out.includes(GENERATED_PASSWORD)) {
    if (!secrets.password) throw new Error('a generated password is needed but none was supplied');
    out = out.split(GENERATED_PASSWORD).join(secrets.password());
  }
  return out;
}

/** A deep copy with every placeholder resolved; throws UnresolvedPlaceholderError. */
export function resolvePlaceholders<T>(
  value: T,
  idMap: IdMap,
  secrets: { password?: () => string } = {},
): T {
  if (typeof value === 'string') return resolveString(value, idMap, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(v, idMap, secrets)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolvePlaceholders(v, idMap, secrets);
    return out as T;
  }
  return value;
}

export function hasPlaceholder(value: unknown): boolean {
  let found = false;
  visitStrings(value, (s) => {
    if (s.includes('{{')) found = true;
  });
  return found;
}
