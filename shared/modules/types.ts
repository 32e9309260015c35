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

import type { GraphVersion } from '../graph/graphApi';
export type { GraphVersion };

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
  /**
   * A value that is neither in the restore set nor live is written as it is instead of being
   * dropped as dangling: a service principal names its application by appId, and Microsoft's
   * first-party applications have no application object in the tenant.
   */
  keepDangling?: boolean;
  /**
   * Values Microsoft owns that may appear here without an object in the tenant (first-party
   * application ids such as Office 365 Exchange Online's): a restore keeps them verbatim and lists
   * them as `microsoftOwned`, never as a loss.
   */
  microsoftOwnedValues?: readonly string[];
}

/**
 * How a restore treats a reference it cannot resolve to a live or restored object (declared once
 * here, applied by the engine to every module):
 * - the backup resolved it to an object of a target module that is neither live nor restored:
 *   the reference is *lost* (dropped, or for modules with `referenceLoss` blocked / disabled);
 * - the backup could not resolve it either (`danglingAtBackup`), or Microsoft owns it
 *   (`microsoftOwned`: ReferencePath.microsoftOwnedValues, or a backup object matching its
 *   module's `microsoftOwnedWhen`): kept verbatim and listed as a warning, never blocking.
 */
export type UnresolvedReference = 'lost' | 'danglingAtBackup' | 'microsoftOwned';

/**
 * A property other objects use to name an object instead of its id (ReferencePath.targetProperty):
 * applications and service principals by `appId`, roles by `templateId` / `roleTemplateId`.
 */
export interface AlternateKeyDefinition {
  property: string;
  /**
   * Graph addresses the object by it (`{listPath}({property}='{value}')`), so a value outside the
   * restore set can be checked live instead of being reported as dangling.
   */
  addressable?: boolean;
}

/**
 * Stands for a random one-time password in a create body (`createDefaults`): the applier fills it
 * in just before the request, so it is never stored in a plan, a log or a snapshot.
 */
export const GENERATED_PASSWORD = '{{secret:generatedPassword}}';

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
  /**
   * Which side of the link Graph writes. `self` (default): addPath/removePath belong to this
   * object (`{id}`) and the body's `@odata.id` names the linked object. `target`: the link is read
   * on this object but written on the linked one — a policy's `appliesTo` is assigned with
   * `POST /servicePrincipals/{refId}/claimsMappingPolicies/$ref` — so in addPath and removePath
   * `{refId}` is the linked object, `{id}` this object, and the body's `@odata.id` names this
   * object (`.../directoryObjects/{id}`). Added in 0.2.0; engines must substitute `{refId}` in
   * addPath too.
   */
  linkOwner?: 'self' | 'target';
}

/**
 * A stream property (branding images, custom CSS) that Graph does not return in the JSON: the
 * backup downloads it with `GET path` and stores it as a blob next to the module's chunks; the
 * restore uploads it with `PUT path` and the stored content type. `{id}` is the object id
 * (`{tenantId}` the tenant id). An empty stream (404 or 204) means "not set".
 */
export interface BinaryPropertyDefinition {
  name: string;
  path: string;
  /** Content type to send when the backup did not record one (Graph needs one on PUT). */
  contentType?: string;
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
  /**
   * `one`: a single-valued navigation (an external connection's `schema`, a domain's
   * federation when read as one object): the backup stores the object Graph returns for
   * `GET listPath` as a one-element list, and a restore PATCHes `listPath` itself. Default `many`.
   */
  cardinality?: 'many' | 'one';
  /** The child's id is chosen by the caller (a branding locale) and is sent on create. */
  callerChosenId?: boolean;
  /**
   * Graph prefixes this property itself on create: an extension property named `jobGroup` comes
   * back as `extension_{appId without dashes}_jobGroup`. `pattern` (a regular expression source)
   * matches the prefix; creates send the value without it and children are matched without it,
   * so a re-created application (new appId) still matches.
   */
  graphPrefix?: { property: string; pattern: string };
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
      /** Built-in objects that can never be written (e.g. `isBuiltIn` true). */
      builtInWhen?: { property: string; equals: unknown };
      /**
       * Objects that can be created but never updated or deleted (activated directory roles):
       * restore only creates missing ones and writes their relationships.
       */
      createOnly?: boolean;
      /**
       * Objects that exist in every tenant and can only be updated (the organization object):
       * a missing one is reported, never created, and nothing is deleted.
       */
      updateOnly?: boolean;
      /**
       * Properties added to every create body. PIM schedules are created through schedule
       * requests, which need `action: 'adminAssign'` besides the schedule's own properties.
       */
      createDefaults?: Record<string, unknown>;
      /**
       * Properties set at creation that an update must not carry (a service principal's appId):
       * a difference is reported as a warning instead of a write Graph would refuse.
       */
      immutableProperties?: string[];
      /**
       * Complex properties whose sub-objects Graph merges on PATCH (a CA policy's `conditions`:
       * conditionalaccesspolicy-update sends only `conditions.signInRiskLevels`): an update sends
       * only the changed sub-objects, so untouched references are never re-sent.
       */
      mergedOnPatch?: string[];
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
  /**
   * GET path for the collection or the singleton. It may carry a fixed query that Graph needs
   * (`?$filter=...` for role management policies and DLP alerts, `?$expand=catalog($select=id)`
   * so an access package names its catalog); such modules leave `select` and `pageSize` unset.
   * `{tenantId}` stands for the tenant id (the organization object's id).
   */
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
  /**
   * The release that added the module (semver). Absent means the first release, 0.1.0. A scope
   * saved before this release starts with the module off and flags it as new, so admins opt in.
   */
  addedInVersion?: string;
  /**
   * The property that keys an object when Graph gives it no `id`: cross-tenant access partners
   * are keyed by `tenantId`. The backup uses its value as the record id and `{id}` in paths.
   */
  keyProperty?: string;
  /**
   * The object id is chosen by the caller and must be sent on create (domains are named by their
   * DNS name, permission grant policies and authentication contexts by fixed ids). Such ids are
   * the same in every tenant, so references to them are not remapped.
   */
  callerChosenId?: boolean;
  /** Stream properties kept as binary blobs next to the JSON (see BinaryPropertyDefinition). */
  binaryProperties?: BinaryPropertyDefinition[];
  /**
   * Graph offers no application permission to read this module (terms of use agreements): an
   * app-only backup skips it with this reason as a warning, not a failure. `permissions` then
   * names the delegated permissions a delegated connection needs.
   */
  delegatedOnly?: { reason: string };
  /**
   * Graph answers 404 on the list path while the tenant has never configured this (company
   * branding: "If no default organizational branding object exists, this method returns a 404
   * Not Found error", organizationalbranding-get): a backup records the module as empty.
   */
  emptyWhenNotFound?: { reason: string };
  /**
   * What Graph means by a property the backup holds as null, where Graph itself fills the
   * property in on create (users' `userType`: older accounts and Microsoft's examples carry
   * none, a user created without it is a `Member`). The plan compares and writes that value, so
   * a re-created object is not a residual difference.
   */
  nullMeans?: Record<string, unknown>;
  /**
   * Objects of this module that Microsoft owns (first-party service principals, built-in roles):
   * a reference to one that the restore cannot resolve is kept verbatim, never a loss.
   */
  microsoftOwnedWhen?: { property: string; values: readonly unknown[] };
  /**
   * Objects Graph refuses to write because another service manages them (mail-enabled security
   * groups and distribution lists: Exchange Online). Every condition must hold. A restore plans
   * no write to such an object, its links or children, and reports what would have changed under
   * `code` (to be done in `managedBy`), never as a failure.
   */
  managedElsewhere?: {
    code: string;
    managedBy: string;
    when: Array<{ property: string; equals?: unknown; notIncludes?: string }>;
  };
  /** Properties other objects name these objects by (see AlternateKeyDefinition). */
  alternateKeys?: AlternateKeyDefinition[];
  /**
   * An object that loses a reference becomes less strict (a conditional access policy that no
   * longer excludes a break-glass group applies to it): instead of dropping the reference, the
   * restore blocks the object, or with `caPolicyLossMode: createDisabled` writes it with these
   * properties merged in so it takes no effect until an admin reviews it.
   */
  referenceLoss?: { disabledProperties: Record<string, unknown> };
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
  /** Stream property name → the blob holding its bytes (beside the module's chunks). */
  binaries?: Record<string, BinaryContentRef>;
}

/** Where a backed-up stream (a branding image) is kept, and how to check it. */
export interface BinaryContentRef {
  blob: string;
  sha256: string;
  bytes: number;
  contentType: string;
}
