import type { GraphObject } from '../../tenantState';
import {
  type AppRoleInput,
  type ApplicationInput,
  buildApplication,
  markApplicationDeleted,
  type RequiredAccessInput,
} from '../builders/application';
import {
  buildExtensionProperty,
  buildFederatedIdentityCredential,
} from '../builders/directoryObjects';
import { buildFirstPartyServicePrincipals } from '../builders/firstParty';
import {
  buildServicePrincipal,
  servicePrincipalForApplication,
} from '../builders/servicePrincipal';
import { pastTimestamp } from '../context';
import { APP_WORDS, VENDORS, slug } from '../names';
import { FIRST_PARTY_SERVICE_PRINCIPALS } from '../presets';
import type { Prng } from '../prng';
import { weightedIndex } from '../sampling';
import { GRAPH_APP_ROLES, GRAPH_SCOPES, MICROSOFT_GRAPH_APP_ID } from '../wellKnown';
import { type Build, rngFor } from './build';
import { pickMember } from './users';

type AppKind = 'api' | 'web' | 'daemon' | 'spa' | 'public';
const APP_KIND_LIST: readonly AppKind[] = ['api', 'web', 'daemon', 'spa', 'public'];
const APP_KIND_WEIGHTS = [40, 30, 15, 10, 5];
/** Display-name suffixes that match what each kind of app is. */
const NAME_SUFFIX: Record<AppKind, readonly string[]> = {
  api: ['API', 'Service API', 'Gateway'],
  web: ['Portal', 'Web', 'Site'],
  daemon: ['Worker', 'Automation', 'Connector', 'Sync Service'],
  spa: ['Dashboard', 'App'],
  public: ['Mobile', 'Desktop'],
};

/** App registrations, their service principals (plus Microsoft's and other publishers'), owners, FICs and extensions. */
export function addApplications(b: Build): void {
  const rng = rngFor(b, 'applications');
  const { tenant, spec } = b;
  const names = new Map<string, number>();
  const apiApps: GraphObject[] = [];

  for (let i = 0; i < spec.applications; i++) {
    const kind = APP_KIND_LIST[weightedIndex(rng, APP_KIND_WEIGHTS)];
    const name = uniqueName(names, `${rng.pick(APP_WORDS)} ${rng.pick(NAME_SUFFIX[kind])}`);
    const app = buildApplication(b.ctx, rng, appInput(rng, kind, name, apiApps));
    tenant.collections.applications.push(app);
    if ((app.appRoles as unknown[]).length > 0) apiApps.push(app);
    if (rng.chance(0.85)) {
      const owners = new Set([pickMember(b, rng).id]);
      if (rng.chance(0.3)) owners.add(pickMember(b, rng).id);
      tenant.relationships.applicationOwners[app.id] = [...owners];
    }
  }

  const firstParty = buildFirstPartyServicePrincipals(b.ctx, rng);
  b.graphServicePrincipal = firstParty.find((sp) => sp.appId === MICROSOFT_GRAPH_APP_ID);
  tenant.collections.servicePrincipals.push(...firstParty);

  const appBacked = Math.min(
    spec.applications,
    spec.servicePrincipals - FIRST_PARTY_SERVICE_PRINCIPALS - spec.externalServicePrincipals,
  );
  for (let i = 0; i < appBacked; i++) {
    const app = tenant.collections.applications[i];
    const sp = servicePrincipalForApplication(b.ctx, rng, app);
    tenant.collections.servicePrincipals.push(sp);
    b.appsWithServicePrincipal.push(app);
    b.appServicePrincipals.push(sp);
    if (rng.chance(0.3))
      tenant.relationships.servicePrincipalOwners[sp.id] = [pickMember(b, rng).id];
  }

  const vendorTenants = new Map<string, string>();
  for (let i = 0; i < spec.externalServicePrincipals; i++) {
    const vendor = rng.pick(VENDORS);
    const publisherTenant = vendorTenants.get(vendor) ?? rng.guid();
    vendorTenants.set(vendor, publisherTenant);
    const appId = rng.guid();
    const roleNames = rng.pick([
      [],
      ['User'],
      ['User', 'Admin'],
      ['Reader', 'Contributor', 'Owner'],
    ]);
    const sp = buildServicePrincipal(b.ctx, rng, {
      appId,
      displayName: uniqueName(names, `${vendor} ${rng.pick(APP_WORDS)}`),
      appOwnerOrganizationId: publisherTenant,
      servicePrincipalNames: [appId, `https://${slug(vendor)}.example.com/${appId.slice(0, 8)}`],
      appRoles: roleNames.map((value) => ({
        allowedMemberTypes: ['User'],
        description: `${value} access.`,
        displayName: value,
        id: rng.guid(),
        isEnabled: true,
        origin: 'Application',
        value,
      })),
      oauth2PermissionScopes: [],
      signInAudience: 'AzureADMultipleOrgs',
      appRoleAssignmentRequired: roleNames.length > 0,
      homepage: `https://${slug(vendor)}.example.com/`,
      publisherName: vendor,
    });
    tenant.collections.servicePrincipals.push(sp);
    b.externalServicePrincipals.push(sp);
  }

  addFederatedCredentials(b, rng);
  addExtensionProperties(b, rng);

  for (let i = 0; i < spec.deletedApplications; i++) {
    const app = buildApplication(
      b.ctx,
      rng,
      appInput(rng, 'web', uniqueName(names, `Retired ${rng.pick(APP_WORDS)} App`), []),
    );
    tenant.deleted.applications.push(markApplicationDeleted(app, pastTimestamp(rng, 29)));
  }
}

function appInput(
  rng: Prng,
  kind: AppKind,
  displayName: string,
  apiApps: GraphObject[],
): ApplicationInput {
  const s = slug(displayName);
  const graphScopes = (count: number): RequiredAccessInput => ({
    resourceAppId: MICROSOFT_GRAPH_APP_ID,
    scopeIds: rng.pickDistinct(GRAPH_SCOPES, count).map((p) => p.id),
    roleIds: [],
  });
  switch (kind) {
    case 'api': {
      const word = displayName.split(' ')[0];
      const appRoles: AppRoleInput[] = [
        {
          value: `${word}.Read.All`,
          displayName: `Read all ${word.toLowerCase()} data`,
          description: `Daemon apps can read all ${word.toLowerCase()} data.`,
          allowedMemberTypes: ['Application'],
        },
        {
          value: `${word}.Admin`,
          displayName: `${word} administrator`,
          description: `Administrators of ${displayName}.`,
          allowedMemberTypes: ['User'],
        },
        {
          value: `${word}.User`,
          displayName: `${word} user`,
          description: `Regular users of ${displayName}.`,
          allowedMemberTypes: ['User', 'Application'],
        },
      ].slice(0, rng.int(1, 3)) as AppRoleInput[];
      return {
        displayName,
        description: `API for ${displayName}.`,
        api: {
          appRoles,
          scopes: [{ value: 'access_as_user', displayName: `Access ${displayName}` }],
        },
        requiredResourceAccess: [graphScopes(1)],
        certificates: rng.chance(0.2) ? 1 : 0,
        secrets: rng.chance(0.3) ? 1 : 0,
      };
    }
    case 'web': {
      const access = [graphScopes(rng.int(1, 4))];
      if (apiApps.length > 0 && rng.chance(0.3)) {
        const api = rng.pick(apiApps);
        const scope = (api.api as { oauth2PermissionScopes: Array<{ id: string }> })
          .oauth2PermissionScopes[0];
        access.push({ resourceAppId: String(api.appId), scopeIds: [scope.id], roleIds: [] });
      }
      return {
        displayName,
        web: {
          homePageUrl: `https://${s}.contoso.com/`,
          redirectUris: [`https://${s}.contoso.com/signin-oidc`],
        },
        requiredResourceAccess: access,
        secrets: rng.int(1, 2),
        signInAudience: rng.chance(0.1) ? 'AzureADMultipleOrgs' : 'AzureADMyOrg',
      };
    }
    case 'daemon': {
      const access: RequiredAccessInput[] = [
        {
          resourceAppId: MICROSOFT_GRAPH_APP_ID,
          scopeIds: [],
          roleIds: rng.pickDistinct(GRAPH_APP_ROLES, rng.int(1, 4)).map((r) => r.id),
        },
      ];
      const appApis = apiApps.filter((a) =>
        (a.appRoles as Array<{ allowedMemberTypes: string[] }>).some((r) =>
          r.allowedMemberTypes.includes('Application'),
        ),
      );
      if (appApis.length > 0 && rng.chance(0.4)) {
        const api = rng.pick(appApis);
        const role = (api.appRoles as Array<{ id: string; allowedMemberTypes: string[] }>).find(
          (r) => r.allowedMemberTypes.includes('Application'),
        )!;
        access.push({ resourceAppId: String(api.appId), scopeIds: [], roleIds: [role.id] });
      }
      return {
        displayName,
        description: 'Background service.',
        requiredResourceAccess: access,
        certificates: rng.chance(0.5) ? 1 : 0,
        secrets: rng.chance(0.6) ? 1 : 0,
        notes: rng.chance(0.3) ? 'Owned by the platform team.' : null,
      };
    }
    case 'spa':
      return {
        displayName,
        spaRedirectUris: [`https://${s}.contoso.com/`, 'http://localhost:3000/'],
        requiredResourceAccess: [graphScopes(2)],
      };
    case 'public':
      return {
        displayName,
        publicClientRedirectUris: [
          'https://login.microsoftonline.com/common/oauth2/nativeclient',
          `msal${s.replace(/-/g, '')}://auth`,
        ],
        requiredResourceAccess: [graphScopes(1)],
      };
  }
}

function addFederatedCredentials(b: Build, rng: Prng): void {
  const { tenant } = b;
  const apps = tenant.collections.applications;
  let remaining = b.spec.federatedIdentityCredentials;
  const maxAttempts = remaining * 10;
  for (let attempt = 0; remaining > 0 && apps.length > 0 && attempt < maxAttempts; attempt++) {
    const app = rng.pick(apps);
    const list = (tenant.children.federatedIdentityCredentials[app.id] ??= []);
    if (list.length >= 5) continue;
    const repo = slug(String(app.displayName));
    const env = rng.pick(['Production', 'Staging', 'Development', 'main', 'release']);
    const flavour = rng.int(0, 2);
    const fic =
      flavour === 0
        ? {
            name: `github-${repo}-${slug(env)}-${list.length + 1}`,
            issuer: 'https://token.actions.githubusercontent.com',
            subject: `repo:contoso/${repo}:environment:${env}`,
            description: 'GitHub Actions deployment',
          }
        : flavour === 1
          ? {
              name: `aks-${repo}-${list.length + 1}`,
              issuer: `https://westeurope.oic.prod-aks.azure.com/${b.ctx.tenantId}/${rng.guid()}/`,
              subject: `system:serviceaccount:${repo}:workload`,
              description: null,
            }
          : {
              name: `ado-${repo}-${list.length + 1}`,
              issuer: `https://vstoken.dev.azure.com/${rng.guid()}`,
              subject: `sc://contoso/${repo}/${slug(env)}`,
              description: 'Azure DevOps service connection',
            };
    list.push(buildFederatedIdentityCredential(rng, fic));
    remaining--;
  }
}

function addExtensionProperties(b: Build, rng: Prng): void {
  const { tenant } = b;
  const apps = tenant.collections.applications;
  const words = [
    'badgeNumber',
    'costCenter',
    'shiftPattern',
    'clearanceLevel',
    'contractEnd',
    'deskId',
    'pronouns',
    'projectCode',
  ];
  const dataTypes = ['String', 'String', 'Integer', 'Boolean', 'DateTime'] as const;
  // Extensions cluster on a few "directory schema" apps, as in real tenants.
  const owners = apps.slice(0, Math.max(1, Math.ceil(b.spec.extensionProperties / 8)));
  for (let i = 0; i < b.spec.extensionProperties && owners.length > 0; i++) {
    const app = owners[i % owners.length];
    const list = (tenant.children.extensionProperties[app.id] ??= []);
    list.push(
      buildExtensionProperty(rng, app, {
        name: `${words[list.length % words.length]}${list.length >= words.length ? list.length : ''}`,
        dataType: rng.pick(dataTypes),
        targetObjects: rng.chance(0.8) ? ['User'] : ['User', 'Group'],
      }),
    );
  }
}

function uniqueName(names: Map<string, number>, base: string): string {
  const n = (names.get(base) ?? 0) + 1;
  names.set(base, n);
  return n === 1 ? base : `${base} ${n}`;
}
