import type { GraphObject } from '../tenantState';

/**
 * A resource descriptor says, as data, everything the generic handlers need to serve one Graph
 * collection. Adding a resource type to the simulator = one new descriptor file + one line in
 * resources/index.ts.
 */
export interface ResourceDescriptor {
  /** Key in TenantState.collections (or the child name for child collections). */
  name: string;
  /** Path under /v1.0 or /beta, e.g. 'users', 'directory/administrativeUnits'; '' for child collections. */
  path: string;
  /** e.g. 'microsoft.graph.user'. */
  odataType: string;
  /** Every property the type declares (v1.0 CSDL). Writes naming anything else are rejected. */
  properties: readonly string[];
  /** Read-only / server-generated: present in a write body → 400. */
  readOnly: readonly string[];
  /** Settable on create only; on PATCH a different value → 400 read-only. */
  createOnly?: readonly string[];
  /** When set, PATCH may only carry these (organization: the writable five). */
  updatable?: readonly string[];
  /** Accepted on writes, never returned (passwordProfile). */
  writeOnly?: readonly string[];
  /** Left out of responses unless named in $select ("Returned only on $select"). */
  selectOnly?: readonly string[];
  requiredOnCreate: readonly string[];
  /** Tenant-unique values, case-insensitive; array values are unique per element. */
  unique?: readonly string[];
  /** Alternate keys usable as `path(prop='value')`. */
  alternateKeys?: readonly string[];
  /** Also accept these extra property names (directory extension attributes). */
  extraProperties?: RegExp;
  operations: { create: boolean; update: boolean; delete: boolean };
  /** Where DELETE puts the object; absent = hard delete. */
  softDelete?: 'directory' | 'conditionalAccess';
  delta?: boolean;
  /** Addressable through /directoryObjects/{id} and usable as a link target. */
  directoryObject?: boolean;
  navigation?: Record<string, NavigationDescriptor>;
  /** Base resource-unit costs (graph-catalogue 1.3); default 1. */
  costs?: { list?: number; get?: number };
  /** For child collections: at most this many per parent, and names unique per parent. */
  maxPerParent?: number;
  uniqueWithinParent?: readonly string[];
  /** Server-set values on create (ids are assigned by the caller). */
  onCreate?(obj: GraphObject, ctx: WriteContext): void;
  /** Server-set values on update. */
  onUpdate?(obj: GraphObject, ctx: WriteContext): void;
  /** Extra rules; throw a GraphError to refuse. */
  validateWrite?(
    op: 'create' | 'update' | 'delete',
    body: Record<string, unknown>,
    existing: GraphObject | undefined,
    ctx: WriteContext,
  ): void;
}

/** Links stored in TenantState.relationships (id lists), served as /{nav}, /{nav}/$ref. */
export interface LinkNavigation {
  kind: 'links';
  /** Key in TenantState.relationships. */
  store: string;
  /** Single-valued (manager): GET returns the object, PUT $ref sets it. */
  single?: boolean;
  /** Resource names a link may point to. */
  targets: readonly string[];
  writable: boolean;
  /** `${nav}@odata.bind` accepted on POST/PATCH of the owner (≤ 20 per request). */
  bindable?: boolean;
  /** Reported as `${nav}@delta` when $select-ed on a delta round. */
  delta?: boolean;
  cost?: number;
}

/** A filtered view of another collection, e.g. servicePrincipals/{id}/appRoleAssignedTo. */
export interface DerivedNavigation {
  kind: 'derived';
  collection: string;
  foreignKey: string;
  writable: boolean;
  cost?: number;
}

/** Objects that live under one parent (applications/{id}/federatedIdentityCredentials). */
export interface ChildNavigation {
  kind: 'children';
  child: ResourceDescriptor;
  cost?: number;
}

export type NavigationDescriptor = LinkNavigation | DerivedNavigation | ChildNavigation;

export interface WriteContext {
  now: string;
  tenantId: string;
  /** e.g. 'contoso.onmicrosoft.com' (organization's initial verified domain). */
  initialDomain: string;
  newId(): string;
  parentId?: string;
  /** Read access to the rest of the tenant (e.g. appId → application). */
  lookup(resource: string, id: string): GraphObject | undefined;
  findBy(resource: string, property: string, value: string): GraphObject | undefined;
  list(resource: string): Iterable<GraphObject>;
}
