import { z } from 'zod';

/** What to restore, from where, and how relationships and CA policy losses are treated. */
export interface RestoreRequest {
  tenantId: string;
  source: { kind: 'snapshot'; snapshotId: string } | { kind: 'upload'; uploadBlob: string };
  selection: { modules?: string[]; objectIds?: string[] };
  relationshipMode: 'merge' | 'rollback' | 'skip';
  caPolicyLossMode: 'block' | 'createDisabled';
}

export const restoreRequestSchema = z.object({
  tenantId: z.string().min(1),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('snapshot'), snapshotId: z.string().min(1) }),
    z.object({ kind: z.literal('upload'), uploadBlob: z.string().min(1) }),
  ]),
  selection: z
    .object({
      modules: z.array(z.string().min(1)).optional(),
      objectIds: z.array(z.string().min(1)).optional(),
    })
    .default({}),
  relationshipMode: z.enum(['merge', 'rollback', 'skip']).default('merge'),
  caPolicyLossMode: z.enum(['block', 'createDisabled']).default('block'),
});

/** Fills defaults and validates a request coming from outside (HTTP, CLI). */
export function parseRestoreRequest(value: unknown): RestoreRequest {
  return restoreRequestSchema.parse(value) as RestoreRequest;
}

export interface PropertyDiff {
  property: string;
  before: unknown;
  after: unknown;
}

export type PlanActionKind =
  | 'restoreDeleted'
  | 'create'
  | 'update'
  | 'addLink'
  | 'removeLink'
  | 'createChild'
  | 'deleteChild'
  | 'putBinary'
  | 'blocked';

export interface PlanAction {
  /** Deterministic: `${moduleId}:${objectId}:${kind}[:${detail}]`. */
  actionId: string;
  moduleId: string;
  /** The id in the backup. */
  objectId: string;
  displayName?: string;
  kind: PlanActionKind;
  method?: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** May hold `{{id:<module>:<backupId>}}` / `{{key:appId:<module>:<backupId>}}` placeholders. */
  path?: string;
  /** putBinary: the blob reference (`{blob, sha256, bytes, contentType}`), never the bytes. */
  body?: unknown;
  diff?: PropertyDiff[];
  reason?: string;
  /** Graph version of the write (default v1.0). */
  version?: 'v1.0' | 'beta';
  /** restoreDeleted: GET this to learn whether the object is already live (idempotency). */
  checkPath?: string;
  /**
   * addLink / createChild of a relationship Graph brings back with an object restored from
   * deleted items: expected back, so it is written only when Graph did not bring it (the
   * relationship changed between backup and deletion). addLink reads this list first.
   */
  comesBack?: { linkListPath?: string; linkedId?: string };
  /** create: a GET whose first result is the same object (natural key), looked up before POST. */
  lookupPath?: string;
  /** create of an immutable object that changed: DELETE this first (update = delete + create). */
  replacesPath?: string;
  /** createChild: an existing child whose properties equal these is the same child (matchBy). */
  match?: {
    listPath: string;
    properties: Record<string, unknown>;
    /** Strip this prefix (regular expression source) from `property` before comparing. */
    graphPrefix?: { property: string; pattern: string };
  };
  /** create: record the new id for this backup object (module:objectId), default the action's own. */
  recordsId?: string;
}

export interface PlanWarning {
  moduleId?: string;
  objectId?: string;
  code: string;
  message: string;
}

export interface PlanCounts {
  restoreDeleted: number;
  create: number;
  update: number;
  addLink: number;
  removeLink: number;
  createChild: number;
  deleteChild: number;
  /** Stream properties (branding images) uploaded from the backup. */
  putBinary: number;
  blocked: number;
  noop: number;
}

export interface PlanWave {
  index: number;
  modules: string[];
  actions: PlanAction[];
}

export interface RestorePlan {
  formatVersion: 1;
  tenantId: string;
  planId: string;
  createdAt: string;
  request: RestoreRequest;
  waves: PlanWave[];
  counts: PlanCounts;
  warnings: PlanWarning[];
  /** sha256 of the canonical plan content (waves + warnings + request), not of createdAt/planId. */
  hash: string;
}

export interface ApplyResult {
  actionId: string;
  outcome: 'succeeded' | 'skipped' | 'failed';
  newId?: string;
  error?: string;
}

/** A re-created object's new id and alternate keys (appId). */
export interface IdMapEntry {
  id: string;
  [alternateKey: string]: string;
}

/** Old → new ids of re-created objects, keyed `${moduleId}:${backupId}`. */
export type IdMap = Record<string, IdMapEntry>;
