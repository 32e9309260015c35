import type { GraphApi } from '../../../shared/graph/graphApi';
import { GraphRequestError } from '../../../shared/graph/graphErrors';
import { AppNotConsentedError, GrantsReadDeniedError } from '../../../shared/permissions/errors';
import {
  MICROSOFT_GRAPH_APP_ID,
  readGrantedPermissions,
} from '../../../shared/permissions/grantedPermissions';

const TENANT = '11111111-2222-4333-8444-555555555555';

/** A stand-in for GraphApi answering the three reads from fixed data (a unit test of one unit). */
function fakeGraph(answers: Record<string, unknown>): GraphApi {
  const answer = (url: string) => {
    const key = Object.keys(answers).find((k) => url.startsWith(k));
    const value = key === undefined ? undefined : answers[key];
    if (value instanceof Error) throw value;
    if (value === undefined)
      throw new GraphRequestError('404', 404, 'Request_ResourceNotFound', 'GET', url);
    return value;
  };
  return {
    get: async (url: string) => answer(url),
    getAll: async (url: string) => answer(url),
  } as unknown as GraphApi;
}

const graphSp = {
  id: 'graph-sp',
  appRoles: [
    { id: 'r-user', value: 'User.Read.All' },
    { id: 'r-group', value: 'Group.Read.All' },
  ],
};

describe('readGrantedPermissions', () => {
  it('maps app role assignments on Microsoft Graph to permission names', async () => {
    const graph = fakeGraph({
      "/servicePrincipals(appId='app-1')": { id: 'our-sp', appId: 'app-1' },
      '/servicePrincipals/our-sp/appRoleAssignments': [
        { appRoleId: 'r-user', resourceId: 'graph-sp' },
        { appRoleId: 'r-user', resourceId: 'graph-sp' },
        { appRoleId: 'r-group', resourceId: 'graph-sp' },
        // A role on another API with the same id is not a Graph permission.
        { appRoleId: 'r-group', resourceId: 'other-api' },
      ],
      [`/servicePrincipals(appId='${MICROSOFT_GRAPH_APP_ID}')`]: graphSp,
    });
    await expect(readGrantedPermissions(graph, TENANT, 'app-1')).resolves.toEqual({
      clientId: 'app-1',
      servicePrincipalId: 'our-sp',
      granted: ['Group.Read.All', 'User.Read.All'],
    });
  });

  it('says admin consent was never given when our service principal is missing', async () => {
    const error = await readGrantedPermissions(fakeGraph({}), TENANT, 'app-1').catch((e) => e);
    expect(error).toBeInstanceOf(AppNotConsentedError);
    expect(error.message).toBe(
      `the app app-1 has no service principal in tenant ${TENANT}: admin consent was never given`,
    );
  });

  it('names Application.Read.All when Graph refuses the read', async () => {
    const denied = new GraphRequestError('403', 403, 'Authorization_RequestDenied', 'GET', '/x');
    const graph = fakeGraph({ "/servicePrincipals(appId='app-1')": denied });
    const error = await readGrantedPermissions(graph, TENANT, 'app-1').catch((e) => e);
    expect(error).toBeInstanceOf(GrantsReadDeniedError);
    expect(error.message).toMatch(/needs Application\.Read\.All/);
    expect(error.details).toMatchObject({ requiredPermission: 'Application.Read.All' });
  });
});
