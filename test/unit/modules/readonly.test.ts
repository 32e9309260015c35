import { ALL_MODULES, getModule } from '../../../shared/modules';
import { readGraphExample } from '../../support/fixtures';

/** graph-examples resources that are children of a module rather than modules. */
const CHILD_RESOURCES: Record<string, { module: string; child: string }> = {
  appRoleAssignments: { module: 'servicePrincipals', child: 'appRoleAssignedTo' },
};

/** Resources the catalogue does not cover yet. */
const NOT_YET_MODULES: string[] = [];

/**
 * Properties the docs call read-only in the sense "cannot be changed", which are nevertheless
 * required when creating the object, so they must not be stripped before writes.
 */
const REQUIRED_ON_CREATE: Record<string, string[]> = {
  // There is no PATCH for role assignments; POST needs the role definition.
  roleAssignments: ['roleDefinitionId'],
};

const readonly = readGraphExample<Record<string, string[]>>('readonly');
const resources = Object.keys(readonly);

describe('read-only properties cover graph-examples/readonly.json', () => {
  it.each(resources.filter((r) => !NOT_YET_MODULES.includes(r)).map((r) => [r] as const))(
    '%s',
    (resource) => {
      const childOf = CHILD_RESOURCES[resource];
      const stripped = childOf
        ? getModule(childOf.module).children.find((c) => c.name === childOf.child)!
            .readOnlyProperties
        : getModule(resource).readOnlyProperties;
      const exempt = REQUIRED_ON_CREATE[resource] ?? [];
      const missing = readonly[resource].filter(
        (p) => !stripped.includes(p) && !exempt.includes(p),
      );
      expect(missing).toEqual([]);
      // An exemption must still be needed: the property must not be stripped.
      expect(exempt.filter((p) => stripped.includes(p))).toEqual([]);
    },
  );

  it('covers every core module with a read-only list and strips id', () => {
    // The 2021 examples predate the modules added in 0.2.0; those were checked against the
    // current resource docs when written (and the CSDL test keeps their names honest).
    const covered = new Set(resources.map((r) => CHILD_RESOURCES[r]?.module ?? r));
    expect(
      ALL_MODULES.filter((m) => !m.addedInVersion)
        .map((m) => m.id)
        .filter((id) => !covered.has(id)),
    ).toEqual([]);
    for (const m of ALL_MODULES) {
      // Objects keyed by another property (cross-tenant partners: tenantId) have no id.
      if (!m.keyProperty) expect(m.readOnlyProperties).toContain('id');
      for (const c of m.children) expect(c.readOnlyProperties).toContain('id');
    }
  });

  it('never strips a property a module needs to identify or link objects', () => {
    for (const m of ALL_MODULES) {
      if (m.naturalKey) expect(m.readOnlyProperties).not.toContain(m.naturalKey);
      for (const r of m.references) {
        expect(m.readOnlyProperties).not.toContain(r.path.split(/[.[]/)[0]);
      }
      for (const c of m.children) {
        // A caller-chosen child id (a policy rule name, a locale) is stripped from bodies but
        // still identifies the child.
        for (const key of c.matchBy.filter((k) => !(k === 'id' && c.callerChosenId))) {
          expect(c.readOnlyProperties).not.toContain(key);
        }
      }
    }
  });
});
