import type { GraphObject, TenantState } from '../tenantState';
import { CHILD_RESOURCES, LINK_OWNERS, RESOURCES, RESOURCE_BY_NAME } from '../resources';
import { SINGLETONS } from '../resources/singletons';

export type ChangeKind = 'props' | 'links' | 'softDeleted' | 'deleted';

/** One entry of a resource's change log; delta rounds read the entries after their token's seq. */
export interface ChangeEntry {
  seq: number;
  id: string;
  kind: ChangeKind;
  /** For kind 'links': navigation name, target id and whether the link was added or removed. */
  nav?: string;
  target?: string;
  added?: boolean;
}

/** Foreign keys that derived navigations and reference clean-up look up by value. */
const FOREIGN_KEYS: Record<string, readonly string[]> = {
  appRoleAssignments: ['principalId', 'resourceId'],
  oauth2PermissionGrants: ['clientId', 'resourceId', 'principalId'],
  roleAssignments: ['principalId'],
};

const lower = (v: unknown): string => String(v).toLowerCase();

/** Reads `a.b.c` inside an object (dotted foreign keys such as 'catalog.id'). */
export function valueAt(obj: Record<string, unknown>, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/**
 * The tenant in memory: Maps of plain objects, relationships as id sets, an append-only change log
 * per resource (sequence numbers) so delta rounds cost O(changes), and unique-value indexes so
 * writes stay O(1) on large tenants. Every mutation goes through here and is logged; nothing here
 * counts requests (tests use it to read and to break the tenant directly).
 */
export class TenantStore {
  tenantId = '';
  /** Incremented by loadState/expireDeltaTokens: tokens from an older epoch are refused. */
  epoch = 0;
  seq = 0;
  clockOffsetMs = 0;
  private collections = new Map<string, Map<string, GraphObject>>();
  private softDeleted = new Map<string, Map<string, GraphObject>>();
  private childItems = new Map<string, Map<string, Map<string, GraphObject>>>();
  private singletonItems = new Map<string, GraphObject>();
  private links = new Map<string, Map<string, Set<string>>>();
  private directoryIndex = new Map<string, string>();
  private uniqueIndex = new Map<string, Map<string, string>>();
  private changeLog = new Map<string, ChangeEntry[]>();
  private idCache = new Map<string, string[]>();
  /** `${collection}.${property}` → value → ids, for the foreign keys derived navigations filter on. */
  private foreignKeyIndex = new Map<string, Map<string, Set<string>>>();

  constructor(state: TenantState) {
    this.load(state);
  }

  now(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  // ---------------------------------------------------------------- load / export

  /** Takes ownership of the state's objects (no copy: the L preset is large). */
  load(state: TenantState): void {
    this.tenantId = state.tenantId;
    this.epoch++;
    this.seq = 0;
    this.collections.clear();
    this.softDeleted.clear();
    this.childItems.clear();
    this.singletonItems.clear();
    this.links.clear();
    this.directoryIndex.clear();
    this.uniqueIndex.clear();
    this.changeLog.clear();
    this.idCache.clear();
    this.foreignKeyIndex.clear();
    for (const r of RESOURCES) {
      const map = new Map<string, GraphObject>();
      for (const obj of state.collections[r.name] ?? []) map.set(obj.id, obj);
      this.collections.set(r.name, map);
      const deleted = new Map<string, GraphObject>();
      for (const obj of state.deleted?.[r.name] ?? []) deleted.set(obj.id, obj);
      this.softDeleted.set(r.name, deleted);
      this.changeLog.set(r.name, []);
      for (const obj of [...map.values(), ...deleted.values()]) {
        if (r.directoryObject) this.directoryIndex.set(obj.id, r.name);
        this.indexUnique(r.name, obj, true);
      }
      for (const obj of map.values()) this.indexForeignKeys(r.name, obj, true);
    }
    for (const c of CHILD_RESOURCES) {
      const byParent = new Map<string, Map<string, GraphObject>>();
      for (const [parentId, items] of Object.entries(state.children?.[c.name] ?? {})) {
        byParent.set(parentId, new Map(items.map((i) => [i.id, i])));
      }
      this.childItems.set(c.name, byParent);
    }
    for (const s of SINGLETONS)
      this.singletonItems.set(
        s.name,
        (state.singletons?.[s.name] as GraphObject) ?? (s.defaultValue() as GraphObject),
      );
    for (const [storeKey, owner] of LINK_OWNERS) {
      const byOwner = new Map<string, Set<string>>();
      const raw = (state.relationships?.[storeKey] ?? {}) as Record<string, string[] | string>;
      for (const [ownerId, targets] of Object.entries(raw)) {
        byOwner.set(ownerId, new Set(owner.single ? [targets as string] : (targets as string[])));
      }
      this.links.set(storeKey, byOwner);
    }
  }

  /** A deep copy of the whole tenant as TenantState. */
  export(): TenantState {
    const collections: Record<string, GraphObject[]> = {};
    const deleted: Record<string, GraphObject[]> = {};
    for (const r of RESOURCES) {
      collections[r.name] = [...this.collections.get(r.name)!.values()];
      const d = [...this.softDeleted.get(r.name)!.values()];
      if (d.length) deleted[r.name] = d;
    }
    const children: Record<string, Record<string, GraphObject[]>> = {};
    for (const [name, byParent] of this.childItems) {
      children[name] = {};
      for (const [parentId, items] of byParent)
        if (items.size) children[name][parentId] = [...items.values()];
    }
    const relationships: Record<string, Record<string, string[] | string>> = {};
    for (const [storeKey, byOwner] of this.links) {
      const single = LINK_OWNERS.get(storeKey)?.single;
      relationships[storeKey] = {};
      for (const [ownerId, targets] of byOwner) {
        if (!targets.size) continue;
        relationships[storeKey][ownerId] = single ? [...targets][0] : [...targets];
      }
    }
    const singletons: Record<string, GraphObject> = {};
    for (const [name, obj] of this.singletonItems) singletons[name] = obj;
    return structuredClone({
      tenantId: this.tenantId,
      collections,
      children,
      singletons,
      relationships,
      deleted,
    } as unknown as TenantState);
  }

  // ---------------------------------------------------------------- reads

  get(resource: string, id: string): GraphObject | undefined {
    return this.collections.get(resource)?.get(id);
  }

  /** Live ids in insertion order; cached until the collection's membership changes. */
  ids(resource: string): readonly string[] {
    let ids = this.idCache.get(resource);
    if (!ids) {
      ids = [...(this.collections.get(resource)?.keys() ?? [])];
      this.idCache.set(resource, ids);
    }
    return ids;
  }

  list(resource: string): IterableIterator<GraphObject> {
    return (this.collections.get(resource) ?? new Map<string, GraphObject>()).values();
  }

  count(resource: string): number {
    return this.collections.get(resource)?.size ?? 0;
  }

  getDeleted(resource: string, id: string): GraphObject | undefined {
    return this.softDeleted.get(resource)?.get(id);
  }

  listDeleted(resource: string): IterableIterator<GraphObject> {
    return (this.softDeleted.get(resource) ?? new Map<string, GraphObject>()).values();
  }

  /** Which resource a soft-deleted id belongs to. */
  deletedResourceOf(id: string): string | undefined {
    for (const [resource, map] of this.softDeleted) if (map.has(id)) return resource;
    return undefined;
  }

  /** Resource of a live directory object (users, groups, servicePrincipals, …). */
  directoryResourceOf(id: string): string | undefined {
    const resource = this.directoryIndex.get(id);
    return resource && this.collections.get(resource)!.has(id) ? resource : undefined;
  }

  /** Resource of a live or soft-deleted directory object. */
  anyDirectoryResourceOf(id: string): string | undefined {
    return this.directoryIndex.get(id);
  }

  isLive(id: string): boolean {
    return this.directoryResourceOf(id) !== undefined;
  }

  /** Live or soft-deleted object holding a unique value (case-insensitive), e.g. appId. */
  findUnique(resource: string, property: string, value: string): string | undefined {
    return this.uniqueIndex.get(`${resource}.${property}`)?.get(lower(value));
  }

  /** Live object with property === value: index when unique, else a scan. */
  findBy(resource: string, property: string, value: string): GraphObject | undefined {
    const index = this.uniqueIndex.get(`${resource}.${property}`);
    if (index) {
      const id = index.get(lower(value));
      return id ? this.get(resource, id) : undefined;
    }
    for (const obj of this.list(resource)) if (obj[property] === value) return obj;
    return undefined;
  }

  /** Live objects of `collection` whose `property` equals `value` (indexed for derived navigations). */
  findByForeignKey(collection: string, property: string, value: string): GraphObject[] {
    const index = this.foreignKeyIndex.get(`${collection}.${property}`);
    if (!index) return [...this.list(collection)].filter((o) => valueAt(o, property) === value);
    const map = this.collections.get(collection)!;
    return [...(index.get(value) ?? [])].flatMap((id) => map.get(id) ?? []);
  }

  /** All link targets of an owner, including soft-deleted ones (delta keeps those). */
  linkTargets(storeKey: string, ownerId: string): ReadonlySet<string> {
    return this.links.get(storeKey)?.get(ownerId) ?? new Set<string>();
  }

  /** Owners whose `storeKey` links point at targetId (a scan: used by policy appliesTo). */
  linkOwners(storeKey: string, targetId: string): string[] {
    const out: string[] = [];
    for (const [ownerId, targets] of this.links.get(storeKey) ?? []) {
      if (targets.has(targetId)) out.push(ownerId);
    }
    return out;
  }

  hasLink(storeKey: string, ownerId: string, targetId: string): boolean {
    return this.links.get(storeKey)?.get(ownerId)?.has(targetId) ?? false;
  }

  singleton(name: string): GraphObject {
    return this.singletonItems.get(name)!;
  }

  childrenOf(childName: string, parentId: string): Map<string, GraphObject> {
    const byParent = this.childItems.get(childName)!;
    let items = byParent.get(parentId);
    if (!items) {
      items = new Map();
      byParent.set(parentId, items);
    }
    return items;
  }

  /** Change-log entries with seq > afterSeq (the log is sorted by seq). */
  changesSince(resource: string, afterSeq: number): ChangeEntry[] {
    const log = this.changeLog.get(resource) ?? [];
    let lo = 0;
    let hi = log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (log[mid].seq <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    return log.slice(lo);
  }

  // ---------------------------------------------------------------- writes

  /** Adds (or replaces) a live object. */
  insert(resource: string, obj: GraphObject): void {
    const map = this.collections.get(resource)!;
    const previous = map.get(obj.id);
    if (previous) {
      this.indexUnique(resource, previous, false);
      this.indexForeignKeys(resource, previous, false);
    } else this.idCache.delete(resource);
    map.set(obj.id, obj);
    this.indexForeignKeys(resource, obj, true);
    if (RESOURCE_BY_NAME.get(resource)?.directoryObject) this.directoryIndex.set(obj.id, resource);
    this.indexUnique(resource, obj, true);
    this.log(resource, { id: obj.id, kind: 'props' });
  }

  /** Replaces a live object with its updated version. */
  update(resource: string, obj: GraphObject): void {
    this.insert(resource, obj);
  }

  /** Moves a live object to the deleted items; its links stay stored (restored with it). */
  softDelete(resource: string, id: string): GraphObject | undefined {
    const obj = this.collections.get(resource)?.get(id);
    if (!obj) return undefined;
    this.collections.get(resource)!.delete(id);
    this.idCache.delete(resource);
    this.indexForeignKeys(resource, obj, false);
    obj.deletedDateTime = this.nowIso();
    this.softDeleted.get(resource)!.set(id, obj);
    this.log(resource, { id, kind: 'softDeleted' });
    return obj;
  }

  /** Brings a soft-deleted object back with the same id and its links. */
  restore(resource: string, id: string): GraphObject | undefined {
    const obj = this.softDeleted.get(resource)?.get(id);
    if (!obj) return undefined;
    this.softDeleted.get(resource)!.delete(id);
    obj.deletedDateTime = null;
    this.collections.get(resource)!.set(id, obj);
    this.indexForeignKeys(resource, obj, true);
    this.idCache.delete(resource);
    this.log(resource, { id, kind: 'props' });
    return obj;
  }

  /**
   * Removes an object for good (live or soft-deleted): its links in both directions, app role
   * assignments / grants / role assignments that reference it, its children and unique values.
   */
  hardDelete(resource: string, id: string): boolean {
    const obj = this.collections.get(resource)?.get(id) ?? this.softDeleted.get(resource)?.get(id);
    if (!obj) return false;
    this.collections.get(resource)!.delete(id);
    this.softDeleted.get(resource)!.delete(id);
    this.idCache.delete(resource);
    this.directoryIndex.delete(id);
    this.indexUnique(resource, obj, false);
    this.indexForeignKeys(resource, obj, false);
    this.log(resource, { id, kind: 'deleted' });
    for (const [storeKey, byOwner] of this.links) {
      byOwner.delete(id);
      for (const ownerId of [...byOwner.keys()])
        if (byOwner.get(ownerId)!.has(id)) this.removeLink(storeKey, ownerId, id);
    }
    for (const byParent of this.childItems.values()) byParent.delete(id);
    const references: Array<[string, string[]]> = [
      ['appRoleAssignments', ['principalId', 'resourceId']],
      ['oauth2PermissionGrants', ['clientId', 'resourceId', 'principalId']],
      ['roleAssignments', ['principalId']],
    ];
    if (
      resource !== 'appRoleAssignments' &&
      resource !== 'oauth2PermissionGrants' &&
      resource !== 'roleAssignments'
    ) {
      for (const [collection, keys] of references) {
        const doomed = new Set(
          keys.flatMap((k) => this.findByForeignKey(collection, k, id).map((o) => o.id)),
        );
        for (const d of doomed) this.hardDelete(collection, d);
      }
    }
    return true;
  }

  /** Returns false when the link already existed. */
  addLink(storeKey: string, ownerId: string, targetId: string): boolean {
    const owner = LINK_OWNERS.get(storeKey)!;
    const byOwner = this.links.get(storeKey)!;
    let targets = byOwner.get(ownerId);
    if (!targets) {
      targets = new Set();
      byOwner.set(ownerId, targets);
    }
    if (targets.has(targetId)) return false;
    if (owner.single) for (const old of [...targets]) this.removeLink(storeKey, ownerId, old);
    targets.add(targetId);
    this.log(owner.resource, {
      id: ownerId,
      kind: 'links',
      nav: owner.nav,
      target: targetId,
      added: true,
    });
    return true;
  }

  removeLink(storeKey: string, ownerId: string, targetId: string): boolean {
    const owner = LINK_OWNERS.get(storeKey)!;
    const targets = this.links.get(storeKey)!.get(ownerId);
    if (!targets?.delete(targetId)) return false;
    this.log(owner.resource, {
      id: ownerId,
      kind: 'links',
      nav: owner.nav,
      target: targetId,
      added: false,
    });
    return true;
  }

  setSingleton(name: string, obj: GraphObject): void {
    this.singletonItems.set(name, obj);
  }

  /** Marks an object as changed for delta without touching it (e.g. a child collection changed). */
  touch(resource: string, id: string): void {
    this.log(resource, { id, kind: 'props' });
  }

  /** Every delta token issued so far becomes invalid. */
  expireDeltaTokens(): void {
    this.epoch++;
  }

  private log(resource: string, entry: Omit<ChangeEntry, 'seq'>): void {
    const log = this.changeLog.get(resource);
    if (log) log.push({ seq: ++this.seq, ...entry });
  }

  private indexForeignKeys(resource: string, obj: GraphObject, add: boolean): void {
    for (const property of FOREIGN_KEYS[resource] ?? []) {
      const key = `${resource}.${property}`;
      let index = this.foreignKeyIndex.get(key);
      if (!index) {
        index = new Map();
        this.foreignKeyIndex.set(key, index);
      }
      const value = obj[property];
      if (typeof value !== 'string') continue;
      let ids = index.get(value);
      if (add) {
        if (!ids) index.set(value, (ids = new Set()));
        ids.add(obj.id);
      } else if (ids) {
        ids.delete(obj.id);
        if (!ids.size) index.delete(value);
      }
    }
  }

  private indexUnique(resource: string, obj: GraphObject, add: boolean): void {
    for (const property of RESOURCE_BY_NAME.get(resource)?.unique ?? []) {
      const key = `${resource}.${property}`;
      let index = this.uniqueIndex.get(key);
      if (!index) {
        index = new Map();
        this.uniqueIndex.set(key, index);
      }
      const value = obj[property];
      const values = Array.isArray(value)
        ? value
        : value === undefined || value === null
          ? []
          : [value];
      for (const v of values) {
        if (add) index.set(lower(v), obj.id);
        else if (index.get(lower(v)) === obj.id) index.delete(lower(v));
      }
    }
  }
}
