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
  /**
   * The key in `path/{id}` must be a GUID: anything else → 400 "Invalid object identifier"
   * (Graph parses directory object keys before looking them up; organization/{tenantId}).
   */
  guidKey?: boolean;
  /** Alternate keys usable as `path(prop='value')`. */
  alternateKeys?: readonly string[];
  /** Also accept these extra property names (directory extension attributes). */
  extraProperties?: RegExp;
  operations: { create: boolean; update: boolean; delete: boolean };
  /** Not in the v1.0 CSDL: served under /beta only (404 under /v1.0). */
  betaOnly?: boolean;
  /** How Graph updates an item: PATCH (merge, default) or PUT (full replace; PATCH → 405). */
  updateMethod?: 'PATCH' | 'PUT';
  /**
   * The caller picks the key: `property` of the POST body becomes the id (required). `upsert`:
   * PATCH on an unknown id creates (authenticationContextClassReferences). `hideId`: the type has
   * no id property and the key is `property` (crossTenantAccessPolicy partners keyed by tenantId).
   */
  callerChosenId?: { property: string; upsert?: boolean; hideId?: boolean; pattern?: RegExp };
  /** Binary streams addressable as `{item}/{name}` (GET returns bytes; PUT with a content type). */
  streams?: Record<string, string>;
  /** Bound actions `POST {item}/{name}`. */
  actions?: Record<string, ActionHandler>;
  /** Side effects after a successful create (schedule requests → schedules). */
  afterCreate?(obj: GraphObject, store: import('../store/tenantStore').TenantStore): void;
  /** Where DELETE puts the object; absent = hard delete. */
  softDelete?: 'directory' | 'conditionalAccess';
  delta?: boolean;
  /** Addressable through /directoryObjects/{id} and usable as a link target. */
  directoryObject?: boolean;
  navigation?: Record<string, NavigationDescriptor>;
  /** Base resource-unit costs (graph-notes 1.3); default 1. */
  costs?: { list?: number; get?: number };
  /** For child collections: at most this many per parent, and names unique per parent. */
  maxPerParent?: number;
  uniqueWithinParent?: readonly string[];
  /** Server-set values on create (ids are assigned by the caller). */
  onCreate?(obj: GraphObject, ctx: WriteContext): void;
  /** Server-set values on update. */
  onUpdate?(obj: GraphObject, ctx: WriteContext): void;
  /** Rules for adding or removing the owner's links (members, owners); throw a GraphError to refuse. */
  validateLinkWrite?(owner: GraphObject, navName: string): void;
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
  /** Property holding the owner id; a dotted path ('catalog.id') reads inside an object. */
  foreignKey: string;
  writable: boolean;
  cost?: number;
}

/** Objects that live under one parent (applications/{id}/federatedIdentityCredentials). */
export interface ChildNavigation {
  kind: 'children';
  child: ResourceDescriptor;
  /** Items stored under this constant instead of the owner id (branding localizations). */
  parentKey?: string;
  cost?: number;
}

/** Inverse of a link navigation: every owner whose `store` links point here (policy appliesTo). */
export interface InverseLinksNavigation {
  kind: 'inverseLinks';
  stores: readonly string[];
  cost?: number;
}

/**
 * A single-valued reference written inline as `{ "id": "…" }` (accessPackage.catalog): stored on
 * the object, left out of responses unless `$expand`-ed, expanded to the target object.
 */
export interface ReferenceNavigation {
  kind: 'reference';
  collection: string;
  cost?: number;
}

/**
 * One object that belongs to the owner (organization/{id}/branding, connections/{id}/schema),
 * stored among `child`'s items under `parentKey` (default: the owner id) with the fixed `id`.
 * GET (404 when absent unless `defaultValue`), PATCH (creates when absent).
 */
export interface SingleChildNavigation {
  kind: 'singleChild';
  child: ResourceDescriptor;
  id: string;
  /** Items stored under this constant instead of the owner id (one organization per tenant). */
  parentKey?: string;
  /** PATCH answers 202 + Location (externalConnection schema registration is asynchronous). */
  accepted?: boolean;
  cost?: number;
}

export type NavigationDescriptor =
  | LinkNavigation
  | DerivedNavigation
  | ChildNavigation
  | InverseLinksNavigation
  | ReferenceNavigation
  | SingleChildNavigation;

/** A bound action; returns the response body (undefined → 204). */
export type ActionHandler = (
  obj: GraphObject,
  body: Record<string, unknown>,
  store: import('../store/tenantStore').TenantStore,
  newId: () => string,
) => unknown;

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
