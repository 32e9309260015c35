import type { ReferencePath } from '../../modules/types';
import { rewriteAtPath } from './referencePaths';
import type { ReferenceResolver } from './referenceResolver';

type Json = Record<string, unknown>;

export interface RewriteResult {
  object: Json;
  /** Ids that are neither live nor in the restore set, with the path they were found at. */
  dangling: Array<{ path: string; value: string }>;
  /** Modules whose restore must come first (placeholders, objects restored from deleted items). */
  dependsOn: Set<string>;
}

/**
 * Rewrites every id at the given reference paths through the resolver. Dangling ids are dropped
 * from the result (callers decide whether that loss is acceptable, warned or blocking).
 */
export function rewriteReferences(
  object: Json,
  references: ReferencePath[],
  resolver: ReferenceResolver,
): RewriteResult {
  const dangling: RewriteResult['dangling'] = [];
  const dependsOn = new Set<string>();
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
        dangling.push({ path, value });
        return undefined;
      }
      if (resolution.kind === 'resolved' && resolution.dependsOn) {
        dependsOn.add(resolution.dependsOn);
      }
      return resolution.value;
    });
  }
  return { object: result, dangling, dependsOn };
}
