/**
 * The module catalogue's vocabulary. A module describes one Graph object type as data; the
 * backup and restore engines interpret it, so adding a type means adding one file beside this.
 */

export const CATEGORIES = [
  'Users & Groups',
  'Applications',
  'Devices & Security',
  'Roles & Permissions',
  'Identity Governance',
  'Policies',
  'External identities',
  'Organization',
  'Information protection',
  'Connectors',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type GraphVersion = 'v1.0' | 'beta';

/**
 * Where an object holds ids of other objects, as a dotted path; `[]` walks an array.
 * e.g. `conditions.users.includeGroups[]` or `principalId`.
 */
export interface ReferencePath {
  path: string;
  /** Modules whose object ids may appear at this path. */
  targets: string[];
  /** Literal values that are not ids (e.g. 'All', 'None', 'GuestsOrExternalUsers'). */
  literals?: string[];
  /**
   * The target property the value matches when it is not the object id: Conditional Access names
   * applications by `appId`, roles by `roleTemplateId`. Remapping looks the value up by this key.
   */
  targetProperty?: string;
}

/** A directoryObject link collection (members, owners) or single link (manager). */
export interface RelationshipDefinition {
  name: string;
  cardinality: 'many' | 'one';
  /**
   * How a backup reads it:
   * - `delta`: as `{name}@delta` annotations on the module's own delta query (cheapest);
   * - `perObject`: `GET {itemPath}/{name}?$select=id` for each object, sent in `$batch`.
   */
  readVia: 'delta' | 'perObject';
  /** Modules the linked ids belong to (for ID remapping on restore). */
  targets: string[];
  /** Add a link: POST (many) or PUT (one) with `{"@odata.id": ".../directoryObjects/{refId}"}`. */
  addPath: string;
  /** Remove a link; `{refId}` is the linked object. */
  removePath: string;
  /** Why this relationship must not be written (e.g. members of a dynamic group). */
  skipWriteWhen?: { property: string; includes: string };
}

/** Objects that live under each parent object (federated identity credentials, app role assignments). */
export interface ChildCollectionDefinition {
  name: string;
  /** `{id}` is the parent id. */
  listPath: string;
  select?: string[];
  /** Properties Graph sets itself: stripped before POST. */
  readOnlyProperties: string[];
  references: ReferencePath[];
  /** `create`: POST new ones, DELETE extra ones (rollback); no update (immutable objects). */
  restore: 'create' | 'createOrPatch' | 'backupOnly';
  /** How two children are the same object across tenants/re-creation (e.g. `name`, or `appRoleId+principalId`). */
  matchBy: string[];
  /** Write permissions beyond the parent module's. */
  writePermissions?: string[];
}

export type RestoreStrategy =
  | {
      kind: 'createOrUpdate';
      /** POST target for creates (defaults to listPath). */
      createPath?: string;
      /** PATCH target, `{id}` substituted. */
      updatePath: string;
      /** PUT replaces the whole object instead of PATCH (access review definitions, assignment policies). */
      updateMethod?: 'PATCH' | 'PUT';
      /** Objects that cannot be changed after creation (update = delete + create). */
      immutable?: boolean;
      /** Soft delete: where deleted objects are listed and how they come back with their id. */
      softDelete?: { deletedItemsPath: string; restorePath: string };
      /** Properties that are required on create and cannot be read back (placeholders are generated). */
      createOnlyProperties?: string[];
      /** Built-in objects that can never be written (e.g. `isBuiltIn` true). */
      builtInWhen?: { property: string; equals: unknown };
      /**
       * Objects that can be created but never updated or deleted (activated directory roles):
       * restore only creates missing ones and writes their relationships.
       */
      createOnly?: boolean;
    }
  | { kind: 'singleton'; method: 'PATCH' | 'PUT'; path: string }
  | { kind: 'backupOnly'; reason: string };

export interface ModulePermissions {
  /** Least-privileged application permissions for a full-fidelity backup. */
  read: string[];
  /** Least-privileged application permissions for restore (in addition to read). */
  write: string[];
}

export interface ModuleDefinition {
  id: string;
  displayName: string;
  category: Category;
  graphVersion: GraphVersion;
  /** Why a module uses beta (required when graphVersion is beta). */
  betaReason?: string;
  kind: 'collection' | 'singleton';
  /** GET path for the collection or the singleton. */
  listPath: string;
  /** Path of one object, `{id}` substituted. */
  itemPath: string;
  /** `$select` for list and delta reads (omit to take Graph's default set). */
  select?: string[];
  /** `$top` for list reads (Graph allows 1..999 on directory collections). */
  pageSize?: number;
  /** Delta support: the delta function path. */
  delta?: { path: string };
  relationships: RelationshipDefinition[];
  children: ChildCollectionDefinition[];
  /** Read-only and server-generated properties: stripped before any write. */
  readOnlyProperties: string[];
  /** Writes must carry the object's `@odata.type` (derived types such as ipNamedLocation). */
  keepODataType?: boolean;
  /** Properties sent on writes but never returned (passwordProfile). */
  writeOnlyProperties?: string[];
  /** Properties that hold ids of other objects (for remapping and dangling-reference warnings). */
  references: ReferencePath[];
  restore: RestoreStrategy;
  /** Modules that must be restored first (users before groups' memberships, etc.). */
  dependsOn: string[];
  /** A property that identifies an object across re-creation (userPrincipalName, appId is not). */
  naturalKey?: string;
  permissions: ModulePermissions;
  /** Caveats that become restore warnings. */
  caveats: string[];
}

/** One backed-up object as stored in a snapshot chunk (one NDJSON line). */
export interface SnapshotRecord {
  id: string;
  /** The object as Graph returned it (annotations other than @odata.type removed). */
  object: Record<string, unknown>;
  /** Relationship name → linked object ids. */
  relationships?: Record<string, string[]>;
  /** Child collection name → child objects as Graph returned them. */
  children?: Record<string, Record<string, unknown>[]>;
}
