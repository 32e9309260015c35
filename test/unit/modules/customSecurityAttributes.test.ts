import { getModule, restoreOrder } from '../../../shared/modules';

describe('custom security attributes', () => {
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
