import { administrativeUnitsModule } from './administrativeUnits';
import { applicationsModule } from './applications';
import { authenticationMethodsPolicyModule } from './authenticationMethodsPolicy';
import { authorizationPolicyModule } from './authorizationPolicy';
import { conditionalAccessPoliciesModule } from './conditionalAccessPolicies';
import { directoryRolesModule } from './directoryRoles';
import { groupsModule } from './groups';
import { namedLocationsModule } from './namedLocations';
import { oauth2PermissionGrantsModule } from './oauth2PermissionGrants';
import { roleAssignmentsModule } from './roleAssignments';
import { roleDefinitionsModule } from './roleDefinitions';
import { servicePrincipalsModule } from './servicePrincipals';
import { usersModule } from './users';
import { CATEGORIES, type Category, type ModuleDefinition } from './types';

/** The catalogue, in display order (grouped by category). */
export const ALL_MODULES: readonly ModuleDefinition[] = [
  usersModule,
  groupsModule,
  applicationsModule,
  servicePrincipalsModule,
  oauth2PermissionGrantsModule,
  administrativeUnitsModule,
  directoryRolesModule,
  roleDefinitionsModule,
  roleAssignmentsModule,
  namedLocationsModule,
  conditionalAccessPoliciesModule,
  authenticationMethodsPolicyModule,
  authorizationPolicyModule,
];

const BY_ID = new Map(ALL_MODULES.map((m) => [m.id, m]));

export function isModuleId(id: string): boolean {
  return BY_ID.has(id);
}

export function getModule(id: string): ModuleDefinition {
  const module = BY_ID.get(id);
  if (!module) {
    throw new Error(`Unknown module '${id}'. Valid modules: ${[...BY_ID.keys()].join(', ')}`);
  }
  return module;
}

/** Categories in catalogue order, each with its modules; categories without modules are left out. */
export function modulesByCategory(): { category: Category; modules: ModuleDefinition[] }[] {
  return CATEGORIES.map((category) => ({
    category,
    modules: ALL_MODULES.filter((m) => m.category === category),
  })).filter((entry) => entry.modules.length > 0);
}

export interface ModuleSelection {
  enableAll?: boolean;
  categories?: string[];
  modules?: string[];
}

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/**
 * The module ids a settings selection turns on (all, whole categories, single modules), in
 * catalogue order. Unknown categories or modules are errors, never silently ignored.
 */
export function resolveSelection(selection: ModuleSelection): string[] {
  const unknownCategories = (selection.categories ?? []).filter((c) => !isCategory(c));
  if (unknownCategories.length > 0) {
    throw new Error(
      `Unknown categor${unknownCategories.length > 1 ? 'ies' : 'y'} ${unknownCategories
        .map((c) => `'${c}'`)
        .join(', ')}. Valid categories: ${CATEGORIES.join(', ')}`,
    );
  }
  const unknownModules = (selection.modules ?? []).filter((m) => !isModuleId(m));
  if (unknownModules.length > 0) {
    throw new Error(
      `Unknown module${unknownModules.length > 1 ? 's' : ''} ${unknownModules
        .map((m) => `'${m}'`)
        .join(', ')}. Valid modules: ${[...BY_ID.keys()].join(', ')}`,
    );
  }
  const categories = new Set(selection.categories ?? []);
  const modules = new Set(selection.modules ?? []);
  return ALL_MODULES.filter(
    (m) => selection.enableAll === true || categories.has(m.category) || modules.has(m.id),
  ).map((m) => m.id);
}

/**
 * Restore waves for a set of modules: each wave depends only on earlier waves. Dependencies on
 * modules outside the set are ignored (their objects are already in the tenant or not restored).
 * A dependency cycle is an error naming the modules involved.
 */
export function restoreOrder(moduleIds: readonly string[]): string[][] {
  const selected = new Set(moduleIds.map((id) => getModule(id).id));
  const remaining = ALL_MODULES.filter((m) => selected.has(m.id));
  const placed = new Set<string>();
  const waves: string[][] = [];
  while (remaining.length > 0) {
    const wave = remaining.filter((m) =>
      m.dependsOn.every((dep) => dep === m.id || !selected.has(dep) || placed.has(dep)),
    );
    if (wave.length === 0) {
      throw new Error(`Module dependency cycle among: ${remaining.map((m) => m.id).join(', ')}`);
    }
    for (const m of wave) {
      placed.add(m.id);
      remaining.splice(remaining.indexOf(m), 1);
    }
    waves.push(wave.map((m) => m.id));
  }
  return waves;
}

export type { ModuleDefinition } from './types';
