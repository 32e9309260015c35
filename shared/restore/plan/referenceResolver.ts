import type { ReferencePath, UnresolvedReference } from '../../modules/types';
import type { BackupIndex } from './backupIndex';
import { isManagedElsewhere } from './managedElsewhere';
import type { ObjectState } from './objectStates';
import { idPlaceholder, keyPlaceholder } from './placeholders';
import { defaultCatalog, type RestoreCatalog } from './restoreCatalog';

/** Values that CA policies and similar use in id lists but that are not object ids. */
const WELL_KNOWN_LITERALS = new Set([
  'All',
  'None',
  'AllTrusted',
  'GuestsOrExternalUsers',
  'Office365',
  'MicrosoftAdminPortals',
]);

export type Resolution =
  | { kind: 'literal'; value: string }
  /**
   * The referenced object is (or, once restored, will be) live: `value` is the id to write.
   * `restoredWithObject`: it comes back from deleted items under its own id, and Graph brings its
   * relationships back with it.
   */
  | { kind: 'resolved'; value: string; dependsOn?: string; restoredWithObject?: boolean }
  /** Neither live nor in the restore set: writing it would fail or lose it. */
  | { kind: 'dangling'; value: string };

/**
 * Maps an id found in a backup object to the id to write: unchanged for live objects, the live id
 * for objects matched under another id, a placeholder for objects the plan creates. A reference
 * with a `targetProperty` is matched by the alternate keys the target modules declare (CA policies
 * name applications by appId, roles by template id).
 */
export class ReferenceResolver {
  private readonly byId = new Map<string, ObjectState[]>();
  private readonly byAlternateKey = new Map<string, ObjectState[]>();

  constructor(
    states: Iterable<ObjectState>,
    private readonly liveExternal: Set<string> = new Set(),
    private readonly catalog: RestoreCatalog = defaultCatalog(),
    /** Ids outside the restore set that an earlier restore re-created: old → live new id. */
    private readonly remapped: ReadonlyMap<string, string> = new Map(),
    /** The whole backup: without it every unresolved reference counts as lost. */
    private readonly backup?: BackupIndex,
  ) {
    for (const state of states) {
      push(this.byId, state.record.id, state);
      for (const { property } of state.module.alternateKeys ?? []) {
        const keyValue = state.record.object[property];
        if (typeof keyValue === 'string')
          push(this.byAlternateKey, `${property}|${keyValue}`, state);
      }
    }
  }

  /** Whether the value needs a live existence check (not a literal, not in the restore set). */
  isExternal(
    value: string,
    targets: string[],
    literals: string[] = [],
    targetProperty?: string,
  ): boolean {
    if (literals.includes(value) || WELL_KNOWN_LITERALS.has(value)) return false;
    if (value.includes('/')) return value !== '/' && this.isExternal(lastSegment(value), targets);
    return !this.find(value, targets, targetProperty);
  }

  resolve(
    value: string,
    targets: string[],
    literals: string[] = [],
    targetProperty?: string,
  ): Resolution {
    if (literals.includes(value) || WELL_KNOWN_LITERALS.has(value))
      return { kind: 'literal', value };
    // Scope paths (`/` for the tenant, `/administrativeUnits/{id}`) hold the id in the last segment.
    if (value === '/') return { kind: 'literal', value };
    if (value.includes('/')) {
      const inner = this.resolve(lastSegment(value), targets);
      const prefix = value.slice(0, value.lastIndexOf('/') + 1);
      return { ...inner, value: `${prefix}${inner.value}` } as Resolution;
    }
    const found = this.find(value, targets, targetProperty);
    if (!found) {
      const newId = this.remapped.get(value);
      if (newId) return { kind: 'resolved', value: newId };
      return this.liveExternal.has(value)
        ? { kind: 'resolved', value }
        : { kind: 'dangling', value };
    }
    const { state, viaKey } = found;
    const moduleId = state.module.id;
    switch (state.status) {
      case 'present':
      case 'builtIn':
      case 'singleton':
        return { kind: 'resolved', value };
      case 'deleted':
        return { kind: 'resolved', value, dependsOn: moduleId, restoredWithObject: true };
      case 'matched': {
        const liveKey = viaKey ? state.live?.[viaKey] : undefined;
        return { kind: 'resolved', value: typeof liveKey === 'string' ? liveKey : state.liveId! };
      }
      case 'absent':
        return {
          kind: 'resolved',
          value: viaKey
            ? keyPlaceholder(viaKey, moduleId, state.record.id)
            : idPlaceholder(moduleId, state.record.id),
          dependsOn: moduleId,
        };
    }
  }

  /**
   * Why a value that resolves to nothing live or restored is unresolved (see UnresolvedReference):
   * Microsoft's, never known to the backup, or known to it and so lost.
   */
  classifyUnresolved(value: string, entries: ReferencePath[]): UnresolvedReference {
    const id = lastSegment(value);
    if (entries.some((e) => e.microsoftOwnedValues?.includes(id))) return 'microsoftOwned';
    if (!this.backup) return 'lost';
    for (const entry of entries) {
      const known = this.backup.find(id, entry.targets, entry.targetProperty);
      if (known) return known.microsoftOwned ? 'microsoftOwned' : 'lost';
    }
    return 'danglingAtBackup';
  }

  private find(
    value: string,
    targets: string[],
    targetProperty?: string,
  ): { state: ObjectState; viaKey?: string } | undefined {
    const found = this.findState(value, targets, targetProperty);
    // An object another service manages (an Exchange-managed group) that is gone is not restored.
    if (
      found &&
      (found.state.status === 'absent' || found.state.status === 'deleted') &&
      isManagedElsewhere(found.state.module, found.state.record.object)
    )
      return undefined;
    return found;
  }

  private findState(
    value: string,
    targets: string[],
    targetProperty?: string,
  ): { state: ObjectState; viaKey?: string } | undefined {
    if (!targetProperty) {
      const direct = this.byId.get(value)?.find((s) => targets.includes(s.module.id));
      return direct ? { state: direct } : undefined;
    }
    // A module may borrow a key from another (a service principal's appId is its application's):
    // a reference to the borrower also accepts the lender, and the lender's object wins, because
    // a re-created application brings the new appId its service principal then follows.
    const lenders = new Set(targets.flatMap((t) => this.lendersOf(t, targetProperty)));
    const candidates = (this.byAlternateKey.get(`${targetProperty}|${value}`) ?? []).filter(
      (s) => targets.includes(s.module.id) || lenders.has(s.module.id),
    );
    const owner =
      candidates.find((s) => this.lendersOf(s.module.id, targetProperty).length === 0) ??
      candidates[0];
    return owner ? { state: owner, viaKey: targetProperty } : undefined;
  }

  /** Modules a module takes `property` from: a reference at that path keyed by the same property. */
  private lendersOf(moduleId: string, property: string): string[] {
    const module = this.catalog.getModule(moduleId);
    return (module?.references ?? [])
      .filter((r) => r.path === property && r.targetProperty === property)
      .flatMap((r) => r.targets);
  }
}

function lastSegment(value: string): string {
  return value.slice(value.lastIndexOf('/') + 1);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}
