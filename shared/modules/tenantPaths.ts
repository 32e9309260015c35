import type { ModuleDefinition } from './types';

const TENANT_ID = '{tenantId}';

/**
 * The module with `{tenantId}` replaced by the tenant's id in every path (read, write, delta,
 * children, links, streams): organization-scoped types such as branding live under
 * `/organization/{tenantId}/…`. Modules are plain data, so the substitution is a deep copy.
 */
export function forTenant(module: ModuleDefinition, tenantId: string): ModuleDefinition {
  const text = JSON.stringify(module);
  if (!text.includes(TENANT_ID)) return module;
  return JSON.parse(text.split(TENANT_ID).join(tenantId)) as ModuleDefinition;
}
