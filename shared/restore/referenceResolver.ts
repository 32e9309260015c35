import type { ObjectState } from './objectStates';
import { appIdPlaceholder, idPlaceholder } from './placeholders';

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
  /** The referenced object is (or, once restored, will be) live: `value` is the id to write. */
  | { kind: 'resolved'; value: string; dependsOn?: string }
  /** Neither live nor in the restore set: writing it would fail or lose it. */
  | { kind: 'dangling'; value: string };

const APP_MODULES = new Set(['applications', 'servicePrincipals']);
/** Properties other objects use to name an object instead of its id (ReferencePath.targetProperty). */
const ALTERNATE_KEYS = ['templateId', 'roleTemplateId'];

/**
 * Maps an id found in a backup object to the id to write: unchanged for live objects, the live id
 * for objects matched under another id, a placeholder for objects the plan creates. App modules
 * are also matched by appId (CA policies and service principals name applications by appId).
 */
export class ReferenceResolver {
  private readonly byId = new Map<string, ObjectState[]>();
  private readonly byAppId = new Map<string, ObjectState[]>();
  private readonly byAlternateKey = new Map<string, ObjectState[]>();

  constructor(
    states: Iterable<ObjectState>,
    private readonly liveExternal: Set<string> = new Set(),
  ) {
    for (const state of states) {
      push(this.byId, state.record.id, state);
      for (const key of ALTERNATE_KEYS) {
        const keyValue = state.record.object[key];
        if (typeof keyValue === 'string') push(this.byAlternateKey, `${key}|${keyValue}`, state);
      }
      const appId = state.record.object.appId;
      if (APP_MODULES.has(state.module.id) && typeof appId === 'string') {
        push(this.byAppId, appId, state);
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
      return this.liveExternal.has(value)
        ? { kind: 'resolved', value }
        : { kind: 'dangling', value };
    }
    const { state, viaAppId } = found;
    const moduleId = state.module.id;
    switch (state.status) {
      case 'present':
      case 'builtIn':
      case 'singleton':
        return { kind: 'resolved', value };
      case 'deleted':
        return { kind: 'resolved', value, dependsOn: moduleId };
      case 'matched': {
        const liveAppId = state.live?.appId;
        const mapped = viaAppId && typeof liveAppId === 'string' ? liveAppId : state.liveId!;
        return { kind: 'resolved', value: mapped };
      }
      case 'absent':
        return {
          kind: 'resolved',
          value: viaAppId
            ? appIdPlaceholder(moduleId, state.record.id)
            : idPlaceholder(moduleId, state.record.id),
          dependsOn: moduleId,
        };
    }
  }

  private find(
    value: string,
    targets: string[],
    targetProperty?: string,
  ): { state: ObjectState; viaAppId: boolean } | undefined {
    // Roles are named by template id (roleDefinitions.templateId, directoryRoles.roleTemplateId).
    if (targetProperty && targetProperty !== 'appId') {
      const byKey = this.byAlternateKey
        .get(`${targetProperty}|${value}`)
        ?.find((s) => targets.includes(s.module.id));
      return byKey ? { state: byKey, viaAppId: false } : undefined;
    }
    const direct = this.byId.get(value)?.find((s) => targets.includes(s.module.id));
    if (direct) return { state: direct, viaAppId: false };
    const byApp = this.byAppId
      .get(value)
      ?.filter((s) => targets.includes(s.module.id) || targets.some((t) => APP_MODULES.has(t)));
    // The application carries the appId of record; its service principal follows it.
    const app = byApp?.find((s) => s.module.id === 'applications') ?? byApp?.[0];
    return app ? { state: app, viaAppId: true } : undefined;
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
