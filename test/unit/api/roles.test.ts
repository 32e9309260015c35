import { HttpRequest } from '@azure/functions';
import {
  type Principal,
  authenticate,
  canAccessTenant,
  createAuthConfig,
  requireRole,
  requireTenantAccess,
} from '../../../shared/api/auth';
import { ApiError } from '../../../shared/api/errors';
import { API_ROLES, type ApiRole, highestRole, roleSatisfies } from '../../../shared/api/roles';
import { TEST_AUDIENCE, TEST_ISSUER, signTestToken, testJwks } from '../../support/tokens';

const TENANT_A = 'AAAAAAAA-0000-4000-8000-000000000001';
const TENANT_B = 'bbbbbbbb-0000-4000-8000-000000000002';

function principal(role: ApiRole | undefined, tenants: Principal['tenants'] = 'all'): Principal {
  return { subject: 's', roles: role ? [role] : [], role, tenants };
}

function statusOf(fn: () => void): number | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as ApiError).status;
  }
}

describe('role hierarchy', () => {
  it('orders Reader < Operator < Admin', () => {
    const expected: Record<ApiRole, ApiRole[]> = {
      'Backup.Reader': ['Backup.Reader'],
      'Backup.Operator': ['Backup.Reader', 'Backup.Operator'],
      'Backup.Admin': ['Backup.Reader', 'Backup.Operator', 'Backup.Admin'],
    };
    for (const held of API_ROLES) {
      for (const required of API_ROLES) {
        expect(roleSatisfies(held, required)).toBe(expected[held].includes(required));
      }
    }
  });

  it('picks the strongest API role and ignores others', () => {
    expect(highestRole(['Backup.Reader', 'Backup.Admin', 'Backup.Operator'])).toBe('Backup.Admin');
    expect(highestRole(['Directory.Read', 'Backup.Operator'])).toBe('Backup.Operator');
    expect(highestRole(['backup.admin', 'Other'])).toBeUndefined();
  });

  it('requireRole answers 403 for weaker or missing roles', () => {
    expect(
      statusOf(() => requireRole(principal('Backup.Admin'), 'Backup.Operator')),
    ).toBeUndefined();
    expect(statusOf(() => requireRole(principal('Backup.Reader'), 'Backup.Operator'))).toBe(403);
    expect(statusOf(() => requireRole(principal(undefined), 'Backup.Reader'))).toBe(403);
  });
});

describe('tenant assignment', () => {
  it('allows every tenant when unrestricted and only listed ones otherwise', () => {
    expect(canAccessTenant(principal('Backup.Reader'), TENANT_A)).toBe(true);
    const restricted = principal('Backup.Admin', [TENANT_A.toLowerCase()]);
    expect(canAccessTenant(restricted, TENANT_A)).toBe(true);
    expect(statusOf(() => requireTenantAccess(restricted, TENANT_B))).toBe(403);
  });

  const config = createAuthConfig({
    issuers: [TEST_ISSUER],
    audiences: [TEST_AUDIENCE],
    jwks: testJwks,
  });
  const request = (token: string) =>
    new HttpRequest({
      method: 'GET',
      url: 'http://localhost/api/x',
      headers: { authorization: `Bearer ${token}` },
    });

  it('reads the tenants claim as an array, a string, or absent (= all)', async () => {
    const listed = await authenticate(
      request(await signTestToken({ roles: ['Backup.Operator'], tenants: [TENANT_A] })),
      config,
    );
    expect(listed.role).toBe('Backup.Operator');
    expect(listed.tenants).toEqual([TENANT_A.toLowerCase()]);

    const fromString = await authenticate(
      request(
        await signTestToken({ roles: ['Backup.Reader'], tenants: `${TENANT_A}, ${TENANT_B}` }),
      ),
      config,
    );
    expect(fromString.tenants).toEqual([TENANT_A.toLowerCase(), TENANT_B]);

    const wildcard = await authenticate(
      request(await signTestToken({ roles: ['Backup.Reader'], tenants: ['*'] })),
      config,
    );
    expect(wildcard.tenants).toBe('all');

    const absent = await authenticate(
      request(await signTestToken({ roles: ['Backup.Reader'] })),
      config,
    );
    expect(absent.tenants).toBe('all');
    expect(absent.callerTenantId).toBeDefined();
    expect(absent.displayName).toBe('tester@contoso.test');

    const empty = await authenticate(
      request(await signTestToken({ roles: ['Backup.Admin'], tenants: [] })),
      config,
    );
    expect(canAccessTenant(empty, TENANT_A)).toBe(false);
  });
});
