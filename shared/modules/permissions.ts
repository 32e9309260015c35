import { getModule } from './index';
import type { ModuleDefinition } from './types';

export interface PermissionNeed {
  permission: string;
  /** Module ids that need it. */
  modules: string[];
}

export interface RequiredPermissions {
  /** Application permissions a backup of the modules needs, sorted. */
  backup: string[];
  /** Additional permissions a restore needs (none when `restore` is false), sorted. */
  restore: string[];
  /** Every permission above with the modules that need it (code-point order, like `sort()`). */
  details: { backup: PermissionNeed[]; restore: PermissionNeed[] };
  /**
   * Selected modules Graph lets only a signed-in user read (terms of use): no application
   * permission exists for them, so they are not in the lists above and app-only backups skip them.
   */
  delegatedOnly: Array<{ module: string; reason: string; delegatedPermissions: string[] }>;
}

function writePermissionsOf(module: ModuleDefinition): string[] {
  return [...module.permissions.write, ...module.children.flatMap((c) => c.writePermissions ?? [])];
}

function collect(
  modules: ModuleDefinition[],
  pick: (module: ModuleDefinition) => string[],
  exclude: ReadonlySet<string> = new Set(),
): PermissionNeed[] {
  const needs = new Map<string, Set<string>>();
  for (const module of modules) {
    for (const permission of pick(module)) {
      if (exclude.has(permission)) continue;
      const users = needs.get(permission) ?? new Set<string>();
      users.add(module.id);
      needs.set(permission, users);
    }
  }
  return [...needs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([permission, users]) => ({ permission, modules: [...users].sort() }));
}

/**
 * The least-privileged application permissions to back up (and optionally restore) the given
 * modules. Restore permissions are those not already needed for the backup.
 */
export function requiredPermissions(
  moduleIds: readonly string[],
  options: { restore: boolean },
): RequiredPermissions {
  const selected = [...new Set(moduleIds)].map(getModule);
  const modules = selected.filter((m) => !m.delegatedOnly);
  const backup = collect(modules, (m) => m.permissions.read);
  const restore = options.restore
    ? collect(modules, writePermissionsOf, new Set(backup.map((b) => b.permission)))
    : [];
  return {
    backup: backup.map((b) => b.permission),
    restore: restore.map((r) => r.permission),
    details: { backup, restore },
    delegatedOnly: selected
      .filter((m) => m.delegatedOnly)
      .map((m) => ({
        module: m.id,
        reason: m.delegatedOnly!.reason,
        delegatedPermissions: [
          ...m.permissions.read,
          ...(options.restore ? writePermissionsOf(m) : []),
        ],
      })),
  };
}
