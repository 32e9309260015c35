import { ALL_MODULES } from '../../../shared/modules';
import { defaultScope, modulesOfScope, scopeToSave } from '../../../shared/backup/backupScope';

describe('backup scope', () => {
  it('selects every module for a tenant without a saved scope', () => {
    expect(modulesOfScope(defaultScope()).selectedModules).toEqual(ALL_MODULES.map((m) => m.id));
  });

  it('selects per category and per module, and a module switched off wins over its category', () => {
    const view = modulesOfScope(
      scopeToSave({
        enableAll: false,
        categories: { 'Users & Groups': true },
        modules: { groups: false, namedLocations: true },
      }),
    );
    expect(view.selectedModules).toContain('users');
    expect(view.selectedModules).not.toContain('groups');
    expect(view.selectedModules).toContain('namedLocations');
    expect(view.selectedModules).not.toContain('conditionalAccessPolicies');
  });

  it('keeps a module added after the scope was saved off and flags it new, unless enable-all is on', () => {
    const saved = scopeToSave({ enableAll: false, categories: { Policies: true }, modules: {} });
    const olderScope = {
      ...saved,
      knownModules: saved.knownModules.filter((id) => id !== 'namedLocations'),
    };
    const view = modulesOfScope(olderScope);
    expect(view.newModules).toEqual(['namedLocations']);
    expect(view.selectedModules).not.toContain('namedLocations');
    expect(view.selectedModules).toContain('conditionalAccessPolicies');
    expect(modulesOfScope({ ...olderScope, enableAll: true }).selectedModules).toContain(
      'namedLocations',
    );
  });

  it('refuses unknown categories and modules by name', () => {
    expect(() =>
      scopeToSave({ enableAll: false, categories: { Nope: true }, modules: {} }),
    ).toThrow(/Nope/);
    expect(() =>
      scopeToSave({ enableAll: false, categories: {}, modules: { nope: true } }),
    ).toThrow(/nope/);
  });
});
