import type { TenantState } from '../../tenantState';
import type { PresetName } from '../presets';
import {
  addApplicationPolicies,
  addMobileApps,
  addRiskDetections,
  addSecurityAlerts,
  addTeamsApps,
} from './applications';
import {
  addCrossTenantPartners,
  addIdentityProviders,
  addUserFlowsAndConnectors,
} from './external';
import { addAccessReviews, addAgreements, addEntitlementManagement } from './governance';
import {
  addBranding,
  addDomains,
  addExternalConnections,
  addGroupSettings,
  addSensitivityLabels,
} from './organization';
import {
  addAuthenticationContexts,
  addAuthenticationStrengths,
  addCatalogueSingletons,
  addPermissionGrantPolicies,
} from './policies';
import { addPimSchedules, addRoleManagementPolicies } from './roles';
import { addPoliciesAndAttributes } from './policiesAndAttributes';
import { catalogueSource } from './source';

/**
 * Fills the full-catalogue types (issue 6) into a tenant whose directory is already built, so every
 * reference (groups in policies, SPs in claims-mapping assignments, catalogs in access packages…)
 * points at an existing object. Runs last for every preset, on its own seeded stream.
 */
export function addCatalogue(tenant: TenantState, seed: number, preset: PresetName): void {
  const s = catalogueSource(tenant, seed, preset);
  addTeamsApps(s);
  addMobileApps(s);
  addApplicationPolicies(s);
  addRiskDetections(s);
  addSecurityAlerts(s);
  addAuthenticationStrengths(s);
  addAuthenticationContexts(s);
  addPermissionGrantPolicies(s);
  addCatalogueSingletons(s);
  addPimSchedules(s);
  addRoleManagementPolicies(s);
  addEntitlementManagement(s);
  addAccessReviews(s);
  addAgreements(s);
  addCrossTenantPartners(s);
  addIdentityProviders(s);
  addUserFlowsAndConnectors(s);
  addBranding(s);
  addDomains(s);
  addGroupSettings(s);
  addSensitivityLabels(s);
  addExternalConnections(s);
  // Catalogue 0.3.0.
  addPoliciesAndAttributes(s);
}

export { CATALOGUE_SCALE } from './source';
export { solidPng } from './organization';
export { checkPoliciesAndAttributesIntegrity } from './policiesAndAttributes';
