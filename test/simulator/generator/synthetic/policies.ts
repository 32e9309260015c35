import {
  buildAuthenticationMethodsPolicy,
  buildAuthorizationPolicy,
  buildConditionalAccessPolicy,
  buildCountryNamedLocation,
  buildIpNamedLocation,
  buildOrganization,
  type CaPolicyInput,
} from '../builders/policies';
import { SERVICE_PLANS } from '../licenses';
import { COUNTRY_CODES, OFFICES } from '../names';
import type { Prng } from '../prng';
import { BUILT_IN_ROLES, FIRST_PARTY_APPS, IMPLICIT_ROLES } from '../wellKnown';
import { type Build, rngFor } from './build';

/** Office IP ranges (trusted) and country lists (blocked or allowed regions). */
export function addNamedLocations(b: Build): void {
  const rng = rngFor(b, 'namedLocations');
  const out = b.tenant.collections.namedLocations;
  const count = b.spec.namedLocations;
  const countries = Math.max(1, Math.round(count * 0.4));
  for (let i = 0; i < count - countries; i++) {
    const office = OFFICES[i % OFFICES.length];
    const round = Math.floor(i / OFFICES.length);
    const cidrs = Array.from(
      { length: rng.int(1, 4) },
      () => `${rng.int(11, 199)}.${rng.int(0, 255)}.${rng.int(0, 255)}.0/${rng.pick([24, 26, 28])}`,
    );
    if (rng.chance(0.15)) cidrs.push(`2001:db8:${rng.int(0, 0xffff).toString(16)}::/48`);
    out.push(
      buildIpNamedLocation(
        rng,
        `${office.city} Office${round > 0 ? ` ${round + 1}` : ''}`,
        cidrs,
        rng.chance(0.7),
      ),
    );
  }
  for (let i = 0; i < countries; i++) {
    const blocked = i % 2 === 0;
    out.push(
      buildCountryNamedLocation(
        rng,
        blocked ? `Blocked Countries ${i / 2 + 1}` : `Allowed Countries ${(i + 1) / 2}`,
        rng.pickDistinct(COUNTRY_CODES, rng.int(2, 12)),
        blocked && rng.chance(0.3),
      ),
    );
  }
}

/**
 * Conditional access policies drawn from the patterns real tenants use; every reference is to an
 * object of this tenant (users, groups, role templates, service principal appIds, named locations)
 * or one of Graph's literals.
 */
export function addConditionalAccessPolicies(b: Build): void {
  const rng = rngFor(b, 'conditionalAccessPolicies');
  const { tenant } = b;
  const special = b.special!;
  const groups = tenant.collections.groups;
  const users = tenant.collections.users;
  const locations = tenant.collections.namedLocations;
  const ipLocations = locations
    .filter((l) => l['@odata.type'] === '#microsoft.graph.ipNamedLocation')
    .map((l) => l.id);
  const countryLocations = locations
    .filter((l) => l['@odata.type'] === '#microsoft.graph.countryNamedLocation')
    .map((l) => l.id);
  const roles = BUILT_IN_ROLES.filter((r) => !IMPLICIT_ROLES.has(r.templateId)).map(
    (r) => r.templateId,
  );
  const privilegedRoles = BUILT_IN_ROLES.filter((r) => r.privileged).map((r) => r.templateId);
  const appIds = [
    ...FIRST_PARTY_APPS.map((a) => a.appId),
    ...b.appServicePrincipals.map((sp) => String(sp.appId)),
    ...b.externalServicePrincipals.map((sp) => String(sp.appId)),
  ];
  const breakGlass = [special.breakGlassAdmins.id];
  const someGroups = (min: number, max: number): string[] =>
    rng.pickDistinct(groups, rng.int(min, max)).map((g) => g.id);
  const someUsers = (min: number, max: number): string[] =>
    rng.pickDistinct(users, rng.int(min, max)).map((u) => u.id);
  const state = (): CaPolicyInput['state'] =>
    rng.pick(['enabled', 'enabled', 'enabled', 'enabledForReportingButNotEnforced', 'disabled']);

  const fixed: CaPolicyInput[] = [
    {
      displayName: 'Require MFA for all users',
      state: 'enabled',
      users: { includeUsers: ['All'], excludeGroups: breakGlass },
      applications: { includeApplications: ['All'] },
      grant: { operator: 'OR', builtInControls: ['mfa'] },
    },
    {
      displayName: 'Require MFA for administrators',
      state: 'enabled',
      users: { includeRoles: privilegedRoles, excludeGroups: breakGlass },
      applications: { includeApplications: ['All'] },
      grant: { operator: 'OR', builtInControls: ['mfa'] },
      signInFrequencyHours: 4,
    },
    {
      displayName: 'Block legacy authentication',
      state: 'enabled',
      users: { includeUsers: ['All'], excludeGroups: [...breakGlass, special.caExclusions.id] },
      applications: { includeApplications: ['All'] },
      clientAppTypes: ['exchangeActiveSync', 'other'],
      grant: { operator: 'OR', builtInControls: ['block'] },
    },
  ];
  if (countryLocations.length > 0) {
    fixed.push({
      displayName: 'Block sign-ins from blocked countries',
      state: 'enabled',
      users: { includeUsers: ['All'], excludeGroups: breakGlass },
      applications: { includeApplications: ['All'] },
      locations: { includeLocations: [countryLocations[0]], excludeLocations: [] },
      grant: { operator: 'OR', builtInControls: ['block'] },
    });
  }

  const patterns: Array<(n: string) => CaPolicyInput> = [
    (n) => ({
      displayName: `CA${n} - Require compliant device for app`,
      state: state(),
      users: { includeGroups: someGroups(1, 4), excludeUsers: someUsers(0, 2) },
      applications: { includeApplications: rng.pickDistinct(appIds, rng.int(1, 3)) },
      grant: { operator: 'OR', builtInControls: ['compliantDevice', 'domainJoinedDevice'] },
    }),
    (n) => ({
      displayName: `CA${n} - Require MFA outside trusted locations`,
      state: state(),
      users: { includeGroups: someGroups(1, 3), excludeGroups: breakGlass },
      applications: { includeApplications: ['All'] },
      locations: {
        includeLocations: ['All'],
        excludeLocations:
          ipLocations.length > 0
            ? ['AllTrusted', ...rng.pickDistinct(ipLocations, rng.int(0, 2))]
            : ['AllTrusted'],
      },
      grant: { operator: 'OR', builtInControls: ['mfa'] },
    }),
    (n) => ({
      displayName: `CA${n} - Guests require MFA`,
      state: state(),
      users: { includeUsers: ['GuestsOrExternalUsers'], excludeGroups: someGroups(0, 1) },
      applications: { includeApplications: rng.chance(0.5) ? ['All'] : ['Office365'] },
      grant: { operator: 'OR', builtInControls: ['mfa'] },
      signInFrequencyHours: 12,
    }),
    (n) => ({
      displayName: `CA${n} - Admin roles from trusted networks`,
      state: state(),
      users: {
        includeRoles: rng.pickDistinct(roles, rng.int(1, 5)),
        excludeUsers: someUsers(0, 1),
      },
      applications: { includeApplications: ['MicrosoftAdminPortals'] },
      locations: { includeLocations: ['All'], excludeLocations: rng.pickDistinct(ipLocations, 1) },
      grant: { operator: 'OR', builtInControls: ['block'] },
    }),
    (n) => ({
      displayName: `CA${n} - Mobile app protection`,
      state: state(),
      users: { includeGroups: someGroups(1, 2) },
      applications: { includeApplications: ['Office365'] },
      platforms: { includePlatforms: ['android', 'iOS'], excludePlatforms: [] },
      grant: { operator: 'OR', builtInControls: ['approvedApplication', 'compliantApplication'] },
    }),
    (n) => ({
      displayName: `CA${n} - Risky sign-ins require MFA`,
      state: state(),
      users: { includeUsers: ['All'], excludeGroups: [...breakGlass, ...someGroups(0, 1)] },
      applications: { includeApplications: ['All'] },
      signInRiskLevels: ['high', 'medium'],
      grant: { operator: 'OR', builtInControls: ['mfa'] },
    }),
    (n) => ({
      displayName: `CA${n} - Block app for selected users`,
      state: state(),
      users: { includeUsers: someUsers(1, 5), includeGroups: someGroups(0, 2) },
      applications: { includeApplications: rng.pickDistinct(appIds, 1) },
      locations:
        countryLocations.length > 0
          ? { includeLocations: rng.pickDistinct(countryLocations, 1), excludeLocations: [] }
          : undefined,
      grant: { operator: 'OR', builtInControls: ['block'] },
    }),
    (n) => ({
      displayName: `CA${n} - High user risk password change`,
      state: state(),
      users: {
        includeUsers: ['All'],
        excludeGroups: breakGlass,
        excludeRoles: rng.pickDistinct(roles, 1),
      },
      applications: { includeApplications: ['All'] },
      userRiskLevels: ['high'],
      grant: { operator: 'AND', builtInControls: ['mfa', 'passwordChange'] },
    }),
    (n) => ({
      displayName: `CA${n} - Session limits for unmanaged devices`,
      state: state(),
      users: { includeGroups: someGroups(1, 3) },
      applications: { includeApplications: rng.pickDistinct(appIds, rng.int(1, 2)) },
      grant: null,
      persistentBrowser: 'never',
      signInFrequencyHours: 8,
    }),
  ];

  const out = tenant.collections.conditionalAccessPolicies;
  for (const input of fixed.slice(0, b.spec.conditionalAccessPolicies))
    out.push(buildConditionalAccessPolicy(rng, input));
  while (out.length < b.spec.conditionalAccessPolicies) {
    out.push(
      buildConditionalAccessPolicy(
        rng,
        rng.pick(patterns)(String(out.length + 1).padStart(3, '0')),
      ),
    );
  }
}

export function addSingletons(b: Build, rng: Prng = rngFor(b, 'singletons')): void {
  const special = b.special!;
  b.tenant.singletons.authenticationMethodsPolicy = buildAuthenticationMethodsPolicy(rng, {
    passwordlessGroupId: special.passwordlessPilot.id,
    tapGroupId: special.tapEligible.id,
    smsExcludedGroupId: special.smsExcluded.id,
    campaignGroupId: special.mfaCampaign.id,
  });
  b.tenant.singletons.authorizationPolicy = buildAuthorizationPolicy();
  b.tenant.collections.organization.push(buildOrganization(b.ctx, rng, SERVICE_PLANS));
}
