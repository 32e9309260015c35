import { getModule } from '../../../shared/modules';
import { forTenant } from '../../../shared/modules/tenantPaths';
import { forTenantCatalog, defaultCatalog } from '../../../shared/restore/plan/restoreCatalog';

const TENANT = '8a0c5f3e-1111-4222-8333-944445555666';

describe('forTenant', () => {
  it('replaces {tenantId} in every path of an organization-scoped module', () => {
    const branding = forTenant(getModule('organizationalBranding'), TENANT);
    const text = JSON.stringify(branding);
    expect(text).not.toContain('{tenantId}');
    expect(branding.listPath).toBe(`/organization/${TENANT}/branding/localizations`);
    expect(branding.restore.kind === 'createOrUpdate' && branding.restore.updatePath).toBe(
      `/organization/${TENANT}/branding/localizations/{id}`,
    );
    expect(branding.binaryProperties?.every((b) => b.path.includes(TENANT))).toBe(true);
    // The catalogue itself is not changed.
    expect(getModule('organizationalBranding').listPath).toContain('{tenantId}');
  });

  it('returns other modules as they are', () => {
    expect(forTenant(getModule('users'), TENANT)).toBe(getModule('users'));
  });

  it('gives the restore planner a catalogue with tenant paths', () => {
    const catalog = forTenantCatalog(defaultCatalog(), TENANT);
    expect(catalog.getModule('organizationalBranding')?.itemPath).toBe(
      `/organization/${TENANT}/branding/localizations/{id}`,
    );
    expect(catalog.getModule('nope')).toBeUndefined();
  });
});
