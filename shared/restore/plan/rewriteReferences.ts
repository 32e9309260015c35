import type { ReferencePath, UnresolvedReference } from '../../modules/types';
import { rewriteAtPath } from './referencePaths';
import type { ReferenceResolver } from './referenceResolver';

type Json = Record<string, unknown>;

export interface RewriteResult {
  /** The object with resolved ids rewritten; unresolved ones are still there, verbatim. */
  object: Json;
  /**
   * Lost references: the backup resolved them to an object that is neither live nor restored.
   * Still in `object`: whether a write drops them (or is blocked) depends on what it sends.
   */
  dangling: Array<{ path: string; value: string }>;
  /** References kept verbatim: dangling already at backup time, or Microsoft's own. */
  kept: Array<{ path: string; value: string; code: Exclude<UnresolvedReference, 'lost'> }>;
  /** Modules whose restore must come first (placeholders, objects restored from deleted items). */
  dependsOn: Set<string>;
  /** Some reference names an object that comes back from deleted items with its relationships. */
  restoredWithObject: boolean;
}

/**
 * Rewrites every id at the given reference paths through the resolver. Unresolved ids stay as
 * they are and are classified (UnresolvedReference): callers decide, for what they write, whether
 * a loss is dropped, warned or blocking.
 */
export function rewriteReferences(
  object: Json,
  references: ReferencePath[],
  resolver: ReferenceResolver,
): RewriteResult {
  const dangling: RewriteResult['dangling'] = [];
  const kept: RewriteResult['kept'] = [];
  const dependsOn = new Set<string>();
  let restoredWithObject = false;
  let result = object;
  // Several entries may describe one path (roles by roleDefinitions.templateId or by
  // directoryRoles.roleTemplateId): a value is dangling only when no entry resolves it.
  const byPath = new Map<string, ReferencePath[]>();
  for (const reference of references) {
    byPath.set(reference.path, [...(byPath.get(reference.path) ?? []), reference]);
  }
  for (const [path, entries] of byPath) {
    result = rewriteAtPath(result, path, (value) => {
      let resolution: ReturnType<ReferenceResolver['resolve']> | undefined;
      for (const entry of entries) {
        resolution = resolver.resolve(value, entry.targets, entry.literals, entry.targetProperty);
        if (resolution.kind !== 'dangling') break;
      }
      if (!resolution || resolution.kind === 'dangling') {
        if (entries.some((e) => e.keepDangling)) return value;
        const code = resolver.classifyUnresolved(value, entries);
        if (code === 'lost') dangling.push({ path, value });
        else kept.push({ path, value, code });
        return value;
      }
      if (resolution.kind === 'resolved' && resolution.dependsOn) {
        dependsOn.add(resolution.dependsOn);
      }
      if (resolution.kind === 'resolved' && resolution.restoredWithObject)
        restoredWithObject = true;
      return resolution.value;
    });
  }
  return { object: result, dangling, kept, dependsOn, restoredWithObject };
}
