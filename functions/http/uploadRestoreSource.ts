import { defineRoute } from '../../shared/api/route';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { readBodyBytes } from '../../shared/api/requestInput';
import { tenantParamsSchema } from '../../shared/api/schemas/common';
import { DEFAULT_UPLOAD_MAX_BYTES } from '../../shared/restore/source/uploadValidation';
import { acceptUpload } from '../../shared/restore/source/uploads';
import { getServices } from '../../shared/config/services';

export const UPLOAD_RESTORE_SOURCE_FUNCTION = 'uploadRestoreSource';

/** Accepts a ZIP/JSON export as a restore source; validated in full before anything is stored. */
export const uploadRestoreSourceRoute = defineRoute(
  {
    name: UPLOAD_RESTORE_SOURCE_FUNCTION,
    methods: ['POST'],
    route: 'tenants/{tenantId}/restore-uploads',
    minimumRole: 'Backup.Operator',
    params: tenantParamsSchema,
    maxBodyBytes: DEFAULT_UPLOAD_MAX_BYTES,
    summary: 'Upload an export (the ZIP that download produces, or its JSON) to restore from',
    tags: ['restores'],
  },
  async ({ params, request }) => {
    const data = await readBodyBytes(request, DEFAULT_UPLOAD_MAX_BYTES);
    const { store } = await getServices();
    const accepted = await acceptUpload(store, params.tenantId.toLowerCase(), data);
    return { status: 201, jsonBody: accepted };
  },
);

registerHttpRoute(uploadRestoreSourceRoute);
