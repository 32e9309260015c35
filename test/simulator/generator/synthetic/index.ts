import type { TenantState } from '../../tenantState';
import type { GenContext } from '../context';
import { emptyTenant } from '../emptyTenant';
import { onPremisesDomainSid } from '../ids';
import type { PresetSpec } from '../presets';
import { Prng } from '../prng';
import { addApplications } from './applications';
import type { Build } from './build';
import { addAdministrativeUnits, addDirectoryRoles } from './directoryRoles';
import { addAppRoleAssignments, addOAuth2PermissionGrants } from './grants';
import { addGroups } from './groups';
import { addConditionalAccessPolicies, addNamedLocations, addSingletons } from './policies';
import { addUsers } from './users';

/** A synthetic tenant of the given size; the steps run in dependency order. */
export function generateSyntheticTenant(
  ctx: GenContext,
  spec: PresetSpec,
  seed: number,
): TenantState {
  const b: Build = {
    ctx,
    spec,
    seed,
    tenant: emptyTenant(ctx.tenantId),
    memberUsers: [],
    breakGlassUsers: [],
    appServicePrincipals: [],
    appsWithServicePrincipal: [],
    externalServicePrincipals: [],
    aliases: new Map(),
    onPremises: {
      domainSid: onPremisesDomainSid(Prng.forStream(seed, 'onPremises')),
      netbios: 'CORP',
      adDomain: `corp.${ctx.domain}`,
      nextRid: 1105,
    },
  };
  addUsers(b);
  addGroups(b);
  addApplications(b);
  addAdministrativeUnits(b);
  addDirectoryRoles(b);
  addAppRoleAssignments(b);
  addOAuth2PermissionGrants(b);
  addNamedLocations(b);
  addConditionalAccessPolicies(b);
  addSingletons(b);
  return b.tenant;
}
