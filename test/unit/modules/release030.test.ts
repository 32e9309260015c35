import { ALL_MODULES, getModule, modulesAddedAfter, restoreOrder } from '../../../shared/modules';
import { modulesOfScope, scopeToSave } from '../../../shared/backup/backupScope';

const IDS_0_3_0 = [
  'activityBasedTimeoutPolicies',
  'authenticationFlowsPolicy',
  'groupLifecyclePolicies',
  'attributeSets',
  'customSecurityAttributeDefinitions',
];

describe('catalogue 0.3.0', () => {
  it('starts its modules off, flagged new, for a scope saved with catalogue 0.2.0', () => {
    const saved = scopeToSave({
      enableAll: false,
      categories: { Policies: true, Organization: true, 'Users & Groups': true },
      modules: {},
    });
    const known0_2_0 = ALL_MODULES.filter((m) => !modulesAddedAfter('0.2.0').includes(m)).map(
      (m) => m.id,
    );
    const view = modulesOfScope({ ...saved, knownModules: known0_2_0 });
    expect(view.newModules).toEqual(IDS_0_3_0);
    for (const id of IDS_0_3_0) expect(view.selectedModules).not.toContain(id);
    expect(view.selectedModules).toEqual(expect.arrayContaining(['users', 'domains']));
    // Saved again now, the scope knows them and its categories take them in.
    expect(modulesOfScope(saved).selectedModules).toEqual(expect.arrayContaining(IDS_0_3_0));
  });

  it('restores attribute sets before the definitions that name them', () => {
    expect(restoreOrder(['customSecurityAttributeDefinitions', 'attributeSets'])).toEqual([
      ['attributeSets'],
      ['customSecurityAttributeDefinitions'],
    ]);
  });

  it('keeps definition ids, never rewrites create-only properties, backs allowed values up only', () => {
    const definitions = getModule('customSecurityAttributeDefinitions');
    expect(definitions.callerChosenId).toBeUndefined();
    expect(definitions.references).toEqual([{ path: 'attributeSet', targets: ['attributeSets'] }]);
    expect(definitions.restore).toMatchObject({
      kind: 'createOrUpdate',
      immutableProperties: ['attributeSet', 'isCollection', 'isSearchable', 'name', 'type'],
    });
    expect(definitions.children).toEqual([
      expect.objectContaining({ name: 'allowedValues', restore: 'backupOnly', matchBy: ['id'] }),
    ]);
    expect(getModule('attributeSets').callerChosenId).toBe(true);
    for (const id of ['attributeSets', 'customSecurityAttributeDefinitions']) {
      const restore = getModule(id).restore;
      // Not immutable: the engine would replace the object with DELETE + POST.
      expect(restore.kind === 'createOrUpdate' && restore.immutable).toBeFalsy();
    }
  });
});
