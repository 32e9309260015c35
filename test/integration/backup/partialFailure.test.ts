import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { coreModuleIds } from '../../support/expectedRecords';

describe('a backup in which some modules cannot be read', () => {
  let harness: BackupHarness;
  beforeAll(async () => {
    harness = await startBackupHarness({ preset: 'demo', seed: 4 });
  });
  afterAll(() => harness.stop());

  it('ends finishedWithExceptions when a module fails, and skips one whose permission is missing', async () => {
    harness.simulator.setFaults({
      failing: [
        {
          pathPrefix: '/identity/conditionalAccess/namedLocations',
          status: 500,
          code: 'generalException',
          message: 'Injected failure.',
        },
        {
          pathPrefix: '/policies/authorizationPolicy',
          status: 403,
          code: 'Authorization_RequestDenied',
          message: 'Insufficient privileges to complete the operation.',
        },
      ],
    });
    try {
      const summary = await harness.backup({ modules: coreModuleIds() });
      expect(summary.status).toBe('finishedWithExceptions');
      expect(summary.modules.namedLocations.status).toBe('failed');
      expect(summary.modules.namedLocations.error).toMatch(/500 generalException/);
      expect(summary.modules.authorizationPolicy.status).toBe('skipped');
      expect(summary.warnings.join('\n')).toMatch(
        /authorizationPolicy skipped: permission missing \(Policy.Read.All\)/,
      );
      expect(summary.modules.users.status).toBe('succeeded');

      // The snapshot is still a recovery point for what succeeded; the job row says what failed.
      const manifest = await harness.runtime.services.store.readManifest(
        harness.tenantId,
        summary.snapshotId!,
      );
      expect(manifest?.status).toBe('finishedWithExceptions');
      expect(manifest?.modules.namedLocations.chunks).toEqual([]);
      expect(manifest?.modules.users.count).toBe(harness.simulator.store.count('users'));
      const job = await harness.runtime.services.jobs.get(harness.tenantId, summary.jobId);
      expect(job?.status).toBe('finishedWithExceptions');
    } finally {
      harness.simulator.setFaults({});
    }
  });
});
