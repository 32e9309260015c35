/**
 * The Function App's entry point (package.json "main"): importing a file registers its function.
 * The local runner and `entra-backup serve` import this same file.
 */
import './http/health';
import './http/openapi';
import './http/registerTenant';
import './http/listTenants';
import './http/backupScope';
import './http/backupSchedules';
import './http/startBackup';
import './http/getBackupJob';
import './http/listBackupJobs';
import './http/listJobs';
import './http/getJob';
import './http/getJobReport';
import './http/listAudit';
import './http/listSnapshots';
import './http/getSnapshot';
import './http/listSnapshotObjects';
import './http/startRestore';
import './http/getRestore';
import './http/confirmRestore';
import './http/cancelRestore';
import './http/uploadRestoreSource';
import './http/getPermissions';
import './http/getTenantPermissions';
import './http/onboarding';
import './http/listModules';
import './http/portalConfig';
import './timers/scheduledBackups';
import './timers/auditRetention';
import './orchestrators/backupOrchestrator';
import './orchestrators/backupModuleOrchestrator';
import './activities/prepareBackup';
import './activities/backupModuleSlice';
import './activities/commitSnapshot';
import './activities/failBackup';
import './orchestrators/restoreOrchestrator';
import './activities/planRestore';
import './activities/checkRestoreDrift';
import './activities/applyRestoreSlice';
import './activities/verifyRestore';
import './activities/finishRestore';
