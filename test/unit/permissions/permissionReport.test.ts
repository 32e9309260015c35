import { requiredPermissions } from '../../../shared/modules/permissions';
import { clientIdOfToken } from '../../../shared/permissions/clientIdentity';
import { ClientIdUnknownError } from '../../../shared/permissions/errors';
import { permissionModuleSelection } from '../../../shared/permissions/moduleSelection';
import { permissionReport } from '../../../shared/permissions/permissionReport';
import { isSatisfied, supersetsOf } from '../../../shared/permissions/permissionSatisfaction';

const TENANT = { tenantId: '11111111-2222-4333-8444-555555555555', clientId: 'app-1' };

describe('permission superset rule', () => {
  it('A.ReadWrite.B satisfies A.Read.B, and nothing else does', () => {
    expect(supersetsOf('User.Read.All')).toEqual(['User.Read.All', 'User.ReadWrite.All']);
    expect(supersetsOf('Policy.Read.AuthenticationMethod')).toEqual([
      'Policy.Read.AuthenticationMethod',
      'Policy.ReadWrite.AuthenticationMethod',
    ]);
    expect(supersetsOf('Group.Create')).toEqual(['Group.Create']);
    expect(isSatisfied('User.Read.All', new Set(['User.ReadWrite.All']))).toBe(true);
    expect(isSatisfied('User.ReadWrite.All', new Set(['User.Read.All']))).toBe(false);
    // Broad permissions are not treated as covering narrower ones.
    expect(isSatisfied('User.Read.All', new Set(['Directory.ReadWrite.All']))).toBe(false);
    expect(isSatisfied('Policy.Read.All', new Set(['Policy.ReadWrite.ConditionalAccess']))).toBe(
      false,
    );
  });
});

describe('permissionReport', () => {
  it('without a tenant is the required permissions and the module list', () => {
    const report = permissionReport(['users', 'groups', 'users']);
    expect(report).toEqual({
      modules: ['users', 'groups'],
      ...requiredPermissions(['users', 'groups'], { restore: true }),
    });
    expect(report.tenant).toBeUndefined();
  });

  it('lists missing backup and restore permissions and the modules they affect', () => {
    const report = permissionReport(['users', 'groups', 'administrativeUnits'], {
      ...TENANT,
      granted: ['User.ReadWrite.All', 'Group.Read.All', 'Mail.Send'],
    });
    expect(report.tenant).toMatchObject({
      ...TENANT,
      granted: ['Group.Read.All', 'Mail.Send', 'User.ReadWrite.All'],
    });
    // User.Read.All is covered by User.ReadWrite.All; AdministrativeUnit.Read.All is not granted.
    expect(report.tenant!.missing.backup).toEqual(['AdministrativeUnit.Read.All']);
    expect(report.tenant!.missing.restore).toEqual(
      report.restore.filter((p) => p !== 'User.ReadWrite.All'),
    );
    expect(report.tenant!.modulesAffected.backup).toEqual(['administrativeUnits']);
    // users still lacks User.DeleteRestore.All; groups lacks its write permissions.
    expect(report.tenant!.modulesAffected.restore).toEqual([
      'administrativeUnits',
      'groups',
      'users',
    ]);
  });

  it('has nothing missing when every permission is granted', () => {
    const all = requiredPermissions(['users', 'namedLocations'], { restore: true });
    const report = permissionReport(['users', 'namedLocations'], {
      ...TENANT,
      granted: [...all.backup, ...all.restore],
    });
    expect(report.tenant!.missing).toEqual({ backup: [], restore: [] });
    expect(report.tenant!.modulesAffected).toEqual({ backup: [], restore: [] });
  });
});

describe('permissionModuleSelection', () => {
  it('defaults to every module and names unknown ones in a 400', () => {
    expect(permissionModuleSelection(undefined).length).toBeGreaterThan(13);
    expect(permissionModuleSelection(['users', 'users'])).toEqual(['users']);
    expect(() => permissionModuleSelection(['users', 'nope', 'nada'])).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'unknownModule',
        message: expect.stringMatching(/nope, nada/),
      }),
    );
  });
});

describe('clientIdOfToken', () => {
  const unsigned = (claims: Record<string, unknown>): string =>
    [{ alg: 'none', typ: 'JWT' }, claims]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.') + '.';

  it('reads appid (v1 tokens), else azp (v2 tokens)', () => {
    expect(clientIdOfToken(unsigned({ appid: 'v1-app', azp: 'other' }))).toBe('v1-app');
    expect(clientIdOfToken(unsigned({ azp: 'v2-app' }))).toBe('v2-app');
  });

  it('refuses tokens that are not JWTs or carry no client id', () => {
    expect(() => clientIdOfToken('simulator-token')).toThrow(ClientIdUnknownError);
    expect(() => clientIdOfToken('simulator-token')).toThrow(/not a JWT.*GRAPH_CLIENT_ID/);
    expect(() => clientIdOfToken(unsigned({ sub: 'x' }))).toThrow(/no appid or azp/);
  });
});
