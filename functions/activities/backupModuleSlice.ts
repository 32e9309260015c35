import * as df from 'durable-functions';
import { readStrategyFromEnv, runModuleSlice } from '../../shared/backup/moduleBackup';
import { moduleSliceInputSchema } from '../../shared/backup/moduleBackupState';
import { graphForTenant } from '../../shared/config/graphConfig';
import { getServices } from '../../shared/config/services';
import { defineActivity } from '../../shared/durable/activity';

/** One bounded slice of a module's backup: a few pages in, one chunk out, a continuation back. */
export const backupModuleSliceActivity = defineActivity(
  'backupModuleSlice',
  moduleSliceInputSchema,
  async (slice) => {
    const { store } = await getServices();
    return runModuleSlice(
      {
        graph: (await graphForTenant(slice.tenantId)).withOwnUsage(),
        store,
        strategy: readStrategyFromEnv(),
      },
      slice,
    );
  },
);

df.app.activity(backupModuleSliceActivity.name, { handler: backupModuleSliceActivity.handler });
