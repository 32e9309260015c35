import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/**
 * /groupSettings: tenant-wide directory settings, one per template (`templateId` unique, set on
 * create; displayName comes from the template). Values are name/value strings (graph-notes B43).
 */
export const groupSettings: ResourceDescriptor = {
  name: 'groupSettings',
  path: 'groupSettings',
  odataType: 'microsoft.graph.groupSetting',
  properties: ['displayName', 'id', 'templateId', 'values'],
  readOnly: ['id', 'displayName'],
  createOnly: ['templateId'],
  requiredOnCreate: ['templateId', 'values'],
  unique: ['templateId'],
  operations: { create: true, update: true, delete: true },
  validateWrite(op, body, existing, ctx) {
    if (op === 'delete') return;
    const templateId = String(body.templateId ?? existing?.templateId);
    const template = ctx.lookup('groupSettingTemplates', templateId);
    if (!template) throw badRequest(`The setting template '${templateId}' does not exist.`);
    const known = new Set(((template.values ?? []) as Array<{ name: string }>).map((v) => v.name));
    for (const v of (body.values ?? []) as Array<{ name?: unknown; value?: unknown }>) {
      if (!known.has(String(v.name)))
        throw badRequest(`'${String(v.name)}' is not a setting of template '${templateId}'.`);
      if (typeof v.value !== 'string')
        throw badRequest(`The value of '${String(v.name)}' must be a string.`);
    }
  },
  onCreate(obj, ctx) {
    obj.displayName = ctx.lookup('groupSettingTemplates', String(obj.templateId))?.displayName;
  },
};
