import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import {
  permissionReportSchema,
  permissionsQuerySchema,
} from '../../shared/api/schemas/permissions';
import { permissionModuleSelection } from '../../shared/permissions/moduleSelection';
import { permissionReport } from '../../shared/permissions/permissionReport';

export const GET_PERMISSIONS_FUNCTION = 'getPermissions';

export const getPermissionsRoute = defineRoute(
  {
    name: GET_PERMISSIONS_FUNCTION,
    methods: ['GET'],
    route: 'permissions',
    minimumRole: 'Backup.Reader',
    query: permissionsQuerySchema,
    summary: 'Least-privilege Graph application permissions to back up and restore modules',
    description: '`modules` is a comma-separated list of module ids; default: every module.',
    tags: ['permissions'],
    responses: { 200: { description: 'The permissions', schema: permissionReportSchema } },
  },
  async ({ query }) => {
    const modules = permissionModuleSelection(query.modules);
    return { status: 200, jsonBody: permissionReport(modules) };
  },
);

registerHttpRoute(getPermissionsRoute);
