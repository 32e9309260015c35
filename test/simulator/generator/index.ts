/**
 * Deterministic Entra tenant generator for the Graph simulator: same preset and seed, same
 * byte-identical tenant. `demo` is a small hand-written Contoso story; S, M and L are synthetic
 * tenants with L's proportions (see presets.ts).
 */
import type { TenantState } from '../tenantState';
import { addEntraBackupApp } from './builders/entraBackupApp';
import { addRemainingBuiltInRoles } from './builders/roles';
import { BUILT_IN_ROLE_TEMPLATES } from './builtInRoleTemplates';
import { addCatalogue } from './catalogue';
import { createContext } from './context';
import { generateDemoTenant } from './demoTenant';
import { generateDocsTenant } from './docsTenant';
import { type PresetName, PRESETS } from './presets';
import { generateSyntheticTenant } from './synthetic';

export { PRESETS, type PresetName, type PresetSpec } from './presets';
export { generateGroupSizes } from './groupSizes';
export { checkTenantIntegrity } from './integrity';
export {
  AUTH_METHOD_TARGET_LITERALS,
  BUILT_IN_ROLES,
  CA_APPLICATION_LITERALS,
  CA_LOCATION_LITERALS,
  CA_USER_LITERALS,
  DANGLING_GROUP_ID,
  FIRST_PARTY_APPS,
  GLOBAL_ADMINISTRATOR,
  MICROSOFT_GRAPH_APP_ID,
} from './wellKnown';

export const DEFAULT_SEED = 1;

/** Every tenant the generator makes: the sized presets and `docs`, Microsoft's example payloads. */
export type TenantPreset = PresetName | 'docs';
export const TENANT_PRESETS: readonly TenantPreset[] = [
  ...(Object.keys(PRESETS) as PresetName[]),
  'docs',
];

export interface GenerateTenantOptions {
  preset: TenantPreset;
  /** Defaults to DEFAULT_SEED. */
  seed?: number;
  /** Defaults to a GUID derived from the seed. */
  tenantId?: string;
}

export function generateTenant(options: GenerateTenantOptions): TenantState {
  if (!TENANT_PRESETS.includes(options.preset))
    throw new Error(
      `Unknown tenant preset '${String(options.preset)}'. Expected one of: ${TENANT_PRESETS.join(', ')}.`,
    );
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed))
    throw new Error(`Tenant seed must be an integer, got ${String(seed)}.`);
  const ctx = createContext(seed, options.tenantId, 'Contoso', 'contoso.com');
  const tenant =
    options.preset === 'docs'
      ? generateDocsTenant(ctx)
      : options.preset === 'demo'
        ? generateDemoTenant(ctx, seed)
        : generateSyntheticTenant(ctx, PRESETS[options.preset], seed);
  addEntraBackupApp(tenant, ctx);
  // Graph lists every built-in role in every tenant, not only those a story uses.
  addRemainingBuiltInRoles(tenant.collections, BUILT_IN_ROLE_TEMPLATES);
  // The docs preset is Microsoft's examples and nothing else of our own making.
  if (options.preset !== 'docs') addCatalogue(tenant, seed, options.preset);
  return tenant;
}
