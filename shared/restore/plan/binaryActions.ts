import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { GraphApi } from '../../graph/graphApi';
import type {
  BinaryContentRef,
  BinaryPropertyDefinition,
  GraphVersion,
  ModuleDefinition,
} from '../../modules/types';
import { tenantSnapshotsPrefix } from '../../snapshots/blobLayout';
import type { SnapshotStore } from '../../snapshots/snapshotStore';
import { ownerRef } from './linkActions';
import { substitute } from './liveReader';
import type { ObjectState } from './objectStates';
import { idMapKey } from './placeholders';
import type { PlanDraft } from './planDraft';

/**
 * Stream properties (branding images, custom CSS) of the backup objects: a stream whose live
 * bytes differ from the backed-up blob, or that is missing live, becomes a `putBinary` action.
 * The plan carries only the blob reference; the applier reads and checks the bytes at apply time.
 */

/** What planning reads: the live stream, and whether the backed-up blob is still there. */
export interface BinarySources {
  /** The live bytes, or undefined when the stream is not set (404 or empty). */
  readLive(path: string, version: GraphVersion): Promise<Uint8Array | undefined>;
  blobExists(blob: string): Promise<boolean>;
}

export function binarySources(graph: GraphApi, store: SnapshotStore): BinarySources {
  return {
    readLive: async (path, version) => (await graph.getBinary(path, version))?.data,
    blobExists: (blob) => store.container.getBlobClient(blob).exists(),
  };
}

/** The body of a `putBinary` action: where the bytes are, never the bytes themselves. */
export const putBinaryBodySchema = z.object({
  blob: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  contentType: z.string().min(1),
});

/**
 * A plan only uploads blobs of the restored tenant's own snapshots: an uploaded export could
 * otherwise name another tenant's blob and copy it into this tenant.
 */
export function isTenantBlob(tenantId: string, blob: string): boolean {
  return blob.startsWith(tenantSnapshotsPrefix(tenantId)) && !blob.split('/').includes('..');
}

const GENERIC_CONTENT_TYPE = 'application/octet-stream';

/** The stored content type, unless Graph gave none worth sending back (images need image/*). */
function uploadContentType(ref: BinaryContentRef, binary: BinaryPropertyDefinition): string {
  const stored = ref.contentType.trim();
  if ((!stored || stored === GENERIC_CONTENT_TYPE) && binary.contentType) return binary.contentType;
  return stored || GENERIC_CONTENT_TYPE;
}

function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** How the object stands for its streams once its own actions have run. */
interface Target {
  state: ObjectState;
  /** `{id}` in the stream path: the live id, or a placeholder until it is (re)created. */
  owner: string;
  /** The object's live streams can be read now (it exists and is kept). */
  readable: boolean;
  dependsOn: Set<string>;
}

function targetOf(state: ObjectState, draft: PlanDraft): Target | undefined {
  const { module, record } = state;
  const key = idMapKey(module.id, record.id);
  const recreated = draft.actions.some(
    (a) =>
      a.kind === 'create' &&
      a.moduleId === module.id &&
      (a.recordsId ?? idMapKey(a.moduleId, a.objectId)) === key,
  );
  if (recreated) {
    // A new object (or one deleted and created again) has no streams yet: all are uploaded
    // after the create, into the id it gets.
    return {
      state,
      owner: ownerRef({ ...state, liveId: undefined }),
      readable: false,
      dependsOn: new Set([module.id]),
    };
  }
  switch (state.status) {
    case 'present':
    case 'matched':
    case 'singleton':
      return { state, owner: ownerRef(state), readable: true, dependsOn: new Set() };
    case 'deleted':
      // Restored with its id by this plan; its streams cannot be read until then.
      return { state, owner: record.id, readable: false, dependsOn: new Set([module.id]) };
    default:
      // Absent and not created (update-only objects): nothing to upload into.
      return undefined;
  }
}

/**
 * Plans the stream uploads of one module's writable objects (after their object actions, so a
 * re-created object's create is known). Reads every stream of every live object once.
 */
export async function planBinaryActions(
  sources: BinarySources,
  tenantId: string,
  module: ModuleDefinition,
  states: ObjectState[],
  draft: PlanDraft,
): Promise<void> {
  const binaries = module.binaryProperties ?? [];
  if (binaries.length === 0) return;
  const version = module.graphVersion;
  const pathOf = (binary: BinaryPropertyDefinition, owner: string): string =>
    substitute(binary.path, { id: owner });

  const targets = states.map((s) => targetOf(s, draft)).filter((t): t is Target => t !== undefined);
  // Reads run together (the Graph client bounds concurrency); results are used in plan order.
  const live = await Promise.all(
    targets.map((t) =>
      Promise.all(
        binaries.map(async (b) =>
          t.readable ? await sources.readLive(pathOf(b, t.owner), version) : undefined,
        ),
      ),
    ),
  );
  const exists = await Promise.all(
    targets.map((t) =>
      Promise.all(
        binaries.map(async (b) => {
          const ref = t.state.record.binaries?.[b.name];
          return ref !== undefined && isTenantBlob(tenantId, ref.blob)
            ? await sources.blobExists(ref.blob)
            : false;
        }),
      ),
    ),
  );

  targets.forEach((target, t) => {
    const { record } = target.state;
    const displayName = (target.state.live?.displayName ?? record.object.displayName) as
      string | undefined;
    const label = displayName ?? record.id;
    binaries.forEach((binary, b) => {
      const ref = record.binaries?.[binary.name];
      const liveBytes = live[t][b];
      const liveSha = liveBytes ? sha256Hex(liveBytes) : null;
      if (!ref) {
        if (liveSha !== null) {
          draft.warn({
            moduleId: module.id,
            objectId: record.id,
            code: 'binaryNotCleared',
            message: `${label} has a ${binary.name} live that the backup does not have; Graph offers no way to remove a stream, so it is left as it is.`,
          });
        }
        return;
      }
      if (liveSha === ref.sha256) return;
      if (!exists[t][b]) {
        draft.warn({
          moduleId: module.id,
          objectId: record.id,
          code: 'binaryUnavailable',
          message: `${label}: the backed-up ${binary.name} (${ref.blob}) is not in this tenant's snapshots; it is not restored.`,
        });
        return;
      }
      draft.add({
        moduleId: module.id,
        objectId: record.id,
        displayName,
        kind: 'putBinary',
        detail: binary.name,
        method: 'PUT',
        path: pathOf(binary, target.owner),
        version,
        body: {
          blob: ref.blob,
          sha256: ref.sha256,
          bytes: ref.bytes,
          contentType: uploadContentType(ref, binary),
        },
        diff: [{ property: binary.name, before: liveSha, after: ref.sha256 }],
        dependsOn: new Set(target.dependsOn),
        reason: liveSha === null ? `${binary.name} is not set` : `${binary.name} differs`,
      });
    });
  });
}
