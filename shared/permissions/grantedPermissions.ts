import type { GraphApi } from '../graph/graphApi';
import { GraphRequestError } from '../graph/graphErrors';
import { AppNotConsentedError, GrantsReadDeniedError } from './errors';

export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface GrantedPermissions {
  clientId: string;
  /** Object id of our app's service principal in the tenant. */
  servicePrincipalId: string;
  /** Microsoft Graph application permissions (app role values) granted to it, sorted. */
  granted: string[];
}

interface ServicePrincipalRef {
  id: string;
  appId?: string;
  displayName?: string;
  appRoles?: Array<{ id: string; value?: string | null }>;
}

interface AppRoleAssignment {
  appRoleId: string;
  resourceId: string;
}

const servicePrincipalByAppId = (appId: string, select: string): string =>
  `/servicePrincipals(appId='${encodeURIComponent(appId)}')?$select=${select}`;

/**
 * The Microsoft Graph application permissions admin consent granted to our app in a tenant:
 * the app role assignments of our service principal on Microsoft Graph's service principal.
 */
export async function readGrantedPermissions(
  graph: GraphApi,
  tenantId: string,
  clientId: string,
): Promise<GrantedPermissions> {
  try {
    const ours = await getServicePrincipal(
      graph,
      servicePrincipalByAppId(clientId, 'id,appId,displayName'),
    );
    if (!ours) throw new AppNotConsentedError(tenantId, clientId);
    const assignments = await graph.getAll<AppRoleAssignment>(
      `/servicePrincipals/${ours.id}/appRoleAssignments`,
    );
    const msGraph = await getServicePrincipal(
      graph,
      servicePrincipalByAppId(MICROSOFT_GRAPH_APP_ID, 'id,appRoles'),
    );
    // No Microsoft Graph service principal means nothing can have been granted on it.
    const roleValues = new Map(
      (msGraph?.appRoles ?? []).map((role) => [role.id, role.value ?? undefined]),
    );
    const granted = new Set<string>();
    for (const assignment of assignments) {
      if (!msGraph || assignment.resourceId !== msGraph.id) continue;
      const value = roleValues.get(assignment.appRoleId);
      if (value) granted.add(value);
    }
    return { clientId, servicePrincipalId: ours.id, granted: [...granted].sort() };
  } catch (error) {
    if (error instanceof GraphRequestError && error.isPermissionDenied) {
      throw new GrantsReadDeniedError(tenantId, clientId);
    }
    throw error;
  }
}

async function getServicePrincipal(
  graph: GraphApi,
  url: string,
): Promise<ServicePrincipalRef | undefined> {
  try {
    return await graph.get<ServicePrincipalRef>(url);
  } catch (error) {
    if (error instanceof GraphRequestError && error.isNotFound) return undefined;
    throw error;
  }
}
