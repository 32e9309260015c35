import * as df from 'durable-functions';
import type { ActivityHandler } from 'durable-functions';
import { readStrategyFromEnv, runModuleSlice } from '../../shared/backup/moduleBackup';
import type { ModuleSliceInput } from '../../shared/backup/moduleBackupState';
import { graphForTenant } from '../../shared/config/graphConfig';
import { getServices } from '../../shared/config/services';

export const BACKUP_MODULE_SLICE_ACTIVITY = 'backupModuleSlice';

/** One bounded slice of a module's backup: a few pages in, one chunk out, a continuation back. */
export const backupModuleSliceHandler: ActivityHandler = async (input: unknown) => {
  const sliceInput = input as ModuleSliceInput;
  const { store } = await getServices();
  return runModuleSlice(
    {
      graph: (await graphForTenant(sliceInput.tenantId)).withOwnUsage(),
      store,
      strategy: readStrategyFromEnv(),
    },
    sliceInput,
  );
};

df.app.activity(BACKUP_MODULE_SLICE_ACTIVITY, { handler: backupModuleSliceHandler });
