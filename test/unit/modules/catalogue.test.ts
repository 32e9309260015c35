import {
  ALL_MODULES,
  getModule,
  isModuleId,
  modulesByCategory,
  resolveSelection,
  restoreOrder,
} from '../../../shared/modules';
import { requiredPermissions } from '../../../shared/modules/permissions';
import { CATEGORIES } from '../../../shared/modules/types';

const ids = ALL_MODULES.map((m) => m.id);

function referenceTargets(): { module: string; where: string; target: string }[] {
  return ALL_MODULES.flatMap((m) => [
    ...m.references.flatMap((r) =>
      r.targets.map((t) => ({ module: m.id, where: r.path, target: t })),
    ),
    ...m.relationships.flatMap((r) =>
      r.targets.map((t) => ({ module: m.id, where: r.name, target: t })),
    ),
    ...m.children.flatMap((c) =>
      c.references.flatMap((r) =>
        r.targets.map((t) => ({ module: m.id, where: `${c.name}.${r.path}`, target: t })),
      ),
    ),
  ]);
}

describe('module catalogue', () => {
  it('has the core modules with unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'users',
        'groups',
        'administrativeUnits',
        'directoryRoles',
        'roleDefinitions',
        'roleAssignments',
        'applications',
        'servicePrincipals',
        'oauth2PermissionGrants',
        'conditionalAccessPolicies',
        'namedLocations',
        'authenticationMethodsPolicy',
        'authorizationPolicy',
      ]),
    );
  });

  it('uses known categories and gives beta and backup-only modules a reason', () => {
    for (const m of ALL_MODULES) {
      expect(CATEGORIES).toContain(m.category);
      if (m.graphVersion === 'beta') expect(m.betaReason?.trim()).toBeTruthy();
      if (m.restore.kind === 'backupOnly') expect(m.restore.reason.trim()).toBeTruthy();
      for (const child of m.children) {
        if (child.restore === 'backupOnly') expect(m.caveats.join(' ')).toContain(child.name);
      }
    }
  });

  it('points every reference and relationship at a module id', () => {
    const unknown = referenceTargets().filter((r) => !isModuleId(r.target));
    expect(unknown).toEqual([]);
  });

  it('matches references by a key one of their target modules declares', () => {
    // The restore resolver finds a reference with a targetProperty only through alternateKeys.
    const unmatched = ALL_MODULES.flatMap((m) =>
      [...m.references, ...m.children.flatMap((c) => c.references)]
        .filter((r) => r.targetProperty)
        .filter(
          (r) =>
            !r.targets.some((t) =>
              getModule(t).alternateKeys?.some((k) => k.property === r.targetProperty),
            ),
        )
        .map((r) => `${m.id}: ${r.path} by ${r.targetProperty}`),
    );
    expect(unmatched).toEqual([]);
  });

  it('declares the modules whose ids an object carries as dependencies', () => {
    // Relationships are written after all objects exist, so only property references count.
    const missing = referenceTargets()
      .filter(
        (r) =>
          !ALL_MODULES.find((m) => m.id === r.module)?.relationships.some(
            (x) => x.name === r.where,
          ),
      )
      .filter((r) => r.target !== r.module && !getModule(r.module).dependsOn.includes(r.target));
    expect(missing).toEqual([]);
  });

  it('has consistent shapes: paths, singletons, keys, delta relationships', () => {
    for (const m of ALL_MODULES) {
      expect(m.dependsOn.every(isModuleId)).toBe(true);
      expect(m.dependsOn).not.toContain(m.id);
      expect(m.listPath.startsWith('/')).toBe(true);
      expect(m.permissions.read.length).toBeGreaterThan(0);
      if (m.kind === 'singleton') {
        expect(m.restore.kind === 'singleton' || m.restore.kind === 'backupOnly').toBe(true);
        expect(m.delta).toBeUndefined();
      } else {
        expect(m.itemPath).toContain('{id}');
        expect(m.restore.kind).not.toBe('singleton');
      }
      if (m.restore.kind !== 'backupOnly') expect(m.permissions.write.length).toBeGreaterThan(0);
      for (const r of m.relationships) {
        if (r.readVia === 'delta') expect(m.delta).toBeDefined();
        expect(r.addPath).toMatch(/\/\$ref$/);
        if (r.cardinality === 'many') expect(r.removePath).toContain('{refId}');
        if (r.linkOwner === 'target') {
          // Written on the linked object: both paths start from it and name this object.
          expect(r.addPath).toMatch(/^\/[A-Za-z]+\/\{refId\}\//);
          expect(r.removePath).toMatch(/^\/[A-Za-z]+\/\{refId\}\/.*\{id\}\/\$ref$/);
        }
      }
      for (const c of m.children) {
        expect(c.listPath).toContain('{id}');
        expect(c.matchBy.length).toBeGreaterThan(0);
        if (c.cardinality === 'one') expect(c.restore).not.toBe('create');
      }
      for (const b of m.binaryProperties ?? []) {
        expect(b.path).toContain('{id}');
        expect(b.path.endsWith(`/${b.name}`)).toBe(true);
      }
      if (m.keyProperty) expect(m.readOnlyProperties).not.toContain(m.keyProperty);
      if (m.restore.kind === 'createOrUpdate') {
        expect(m.restore.createOnly && m.restore.updateOnly).toBeFalsy();
        // Defaults are sent on create: a read-only one would make every create fail.
        for (const key of Object.keys(m.restore.createDefaults ?? {})) {
          expect(m.readOnlyProperties).not.toContain(key);
        }
        for (const key of m.restore.immutableProperties ?? []) {
          expect(m.readOnlyProperties).not.toContain(key);
        }
      }
      if (m.delegatedOnly) expect(m.delegatedOnly.reason.trim()).toBeTruthy();
      if (m.listPath.includes('?')) {
        // A fixed query in the list path cannot be combined with the engine's own $select/$top.
        expect(m.select).toBeUndefined();
        expect(m.pageSize).toBeUndefined();
        expect(m.delta).toBeUndefined();
      }
      if (m.select) {
        expect(new Set(m.select).size).toBe(m.select.length);
        // Relationships are added to delta selects by the engine, never listed as properties.
        for (const r of m.relationships) expect(m.select).not.toContain(r.name);
      }
    }
  });

  it('orders restore in dependency waves', () => {
    const waves = restoreOrder(ids);
    expect(waves.flat().sort()).toEqual([...ids].sort());
    const waveOf = new Map(waves.flatMap((wave, i) => wave.map((id) => [id, i] as const)));
    for (const m of ALL_MODULES) {
      for (const dep of m.dependsOn) expect(waveOf.get(dep)!).toBeLessThan(waveOf.get(m.id)!);
    }
    expect(waves[0]).toEqual(expect.arrayContaining(['users', 'applications']));
    expect(restoreOrder(['roleAssignments', 'users'])).toEqual([['users'], ['roleAssignments']]);
    expect(() => restoreOrder(['nope'])).toThrow(/Unknown module 'nope'/);
  });

  it('rejects a dependency cycle', () => {
    const users = getModule('users');
    const original = users.dependsOn;
    users.dependsOn = ['groups'];
    try {
      expect(() => restoreOrder(['users', 'groups'])).toThrow(/cycle among: users, groups/);
    } finally {
      users.dependsOn = original;
    }
  });

  it('looks modules up and lists valid ids on error', () => {
    expect(getModule('users').listPath).toBe('/users');
    expect(isModuleId('groups')).toBe(true);
    expect(isModuleId('Groups')).toBe(false);
    expect(() => getModule('gropus')).toThrow(
      /Unknown module 'gropus'\. Valid modules: users, groups/,
    );
  });

  it('groups modules by category in catalogue order', () => {
    const groups = modulesByCategory();
    expect(groups.map((g) => g.category)).toEqual([...CATEGORIES]);
    expect(groups.flatMap((g) => g.modules).length).toBe(ALL_MODULES.length);
  });

  it('resolves settings selections', () => {
    expect(resolveSelection({ enableAll: true })).toEqual(ids);
    expect(resolveSelection({})).toEqual([]);
    expect(resolveSelection({ categories: ['Policies'] })).toEqual([
      'namedLocations',
      'conditionalAccessPolicies',
      'authenticationMethodsPolicy',
      'authorizationPolicy',
      'activityBasedTimeoutPolicies',
      'authenticationFlowsPolicy',
    ]);
    expect(
      resolveSelection({ categories: ['Users & Groups'], modules: ['roleAssignments', 'users'] }),
    ).toEqual(['users', 'groups', 'roleAssignments', 'groupLifecyclePolicies']);
    expect(() => resolveSelection({ categories: ['Polices'] })).toThrow(
      /Unknown category 'Polices'/,
    );
    expect(() => resolveSelection({ modules: ['users', 'x', 'y'] })).toThrow(
      /Unknown modules 'x', 'y'/,
    );
  });

  it('sums permissions with the modules that need them', () => {
    const backupOnly = requiredPermissions(['users', 'groups', 'users'], { restore: false });
    expect(backupOnly.backup).toEqual(['Group.Read.All', 'User.Read.All']);
    expect(backupOnly.restore).toEqual([]);

    const all = requiredPermissions(['servicePrincipals', 'oauth2PermissionGrants'], {
      restore: true,
    });
    expect(all.backup).toEqual(['Application.Read.All', 'Directory.Read.All']);
    // Directory.Read.All is already needed for the backup, so restore does not repeat it.
    expect(all.restore).toEqual([
      'AppRoleAssignment.ReadWrite.All',
      'Application.ReadWrite.All',
      'DelegatedPermissionGrant.ReadWrite.All',
    ]);
    expect(all.details.backup).toContainEqual({
      permission: 'Directory.Read.All',
      modules: ['oauth2PermissionGrants'],
    });
    expect(all.details.restore).toContainEqual({
      permission: 'AppRoleAssignment.ReadWrite.All',
      modules: ['servicePrincipals'],
    });
    const everything = requiredPermissions(ids, { restore: true });
    expect(everything.backup).toEqual([...everything.backup].sort());
    expect(everything.restore.filter((p) => everything.backup.includes(p))).toEqual([]);
    expect(() => requiredPermissions(['nope'], { restore: true })).toThrow(/Unknown module/);
  });

  it('lists delegated-only modules apart: their permissions cannot be granted to an app', () => {
    const needs = requiredPermissions(['users', 'termsOfUseAgreements'], { restore: true });
    const terms = getModule('termsOfUseAgreements');
    for (const p of terms.permissions.read) expect(needs.backup).not.toContain(p);
    expect(needs.delegatedOnly).toEqual([
      {
        module: 'termsOfUseAgreements',
        reason: terms.delegatedOnly!.reason,
        delegatedPermissions: [...terms.permissions.read, ...terms.permissions.write],
      },
    ]);
    expect(requiredPermissions(['users'], { restore: true }).delegatedOnly).toEqual([]);
  });
});
