import type { ModuleDefinition } from '../../modules/types';

/** Whether Graph refuses to write this object because another service manages it. */
export function isManagedElsewhere(
  module: Pick<ModuleDefinition, 'managedElsewhere'>,
  object: Record<string, unknown>,
): boolean {
  const rule = module.managedElsewhere;
  if (!rule) return false;
  return rule.when.every((condition) => {
    const value = object[condition.property];
    if ('equals' in condition && value !== condition.equals) return false;
    if (condition.notIncludes !== undefined) {
      const list = Array.isArray(value) ? value : [];
      if (list.includes(condition.notIncludes)) return false;
    }
    return true;
  });
}
