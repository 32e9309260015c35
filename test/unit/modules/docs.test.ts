import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ALL_MODULES, getModule } from '../../../shared/modules';
import { describeRestore, renderModuleDocs } from '../../../shared/modules/moduleDocs';
import { MODULE_DOCS_PATH } from '../../../scripts/generate-module-docs';

const REPO_ROOT = path.resolve(__dirname, '../../..');

describe('docs/modules.md', () => {
  it('is what scripts/generate-module-docs.ts generates from the catalogue', () => {
    const file = path.join(REPO_ROOT, MODULE_DOCS_PATH);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    // The script formats with prettier's API, which is ESM-only under jest: use its CLI here.
    const generated = execFileSync(
      process.execPath,
      [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', file],
      { input: renderModuleDocs(), encoding: 'utf8', cwd: REPO_ROOT },
    );
    // When this fails, run: npm run docs:modules
    expect(committed).toBe(generated);
  });

  it('lists every module with its restore strategy or backup-only reason and permissions', () => {
    const docs = renderModuleDocs();
    const rows = docs.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(ALL_MODULES.length);
    for (const m of ALL_MODULES) {
      const row = rows.find((r) => r.startsWith(`| \`${m.id}\` |`));
      expect(row).toBeDefined();
      expect(row).toContain(` ${m.category} `);
      expect(row).toContain(` ${m.graphVersion} `);
      for (const permission of m.permissions.read) expect(row).toContain(permission);
      if (m.restore.kind === 'backupOnly') {
        expect(row).toContain('backup-only');
        expect(docs).toContain(`- \`${m.id}\`: ${m.restore.reason}`);
      } else {
        for (const permission of m.permissions.write) expect(row).toContain(permission);
      }
      if (m.graphVersion === 'beta') expect(docs).toContain(m.betaReason!);
    }
    expect(docs).toContain(getModule('termsOfUseAgreements').delegatedOnly!.reason);
    // Grouped by category: users (Users & Groups) before anything from Connectors.
    expect(docs.indexOf('| `users` |')).toBeLessThan(docs.indexOf('| `externalConnections` |'));
  });

  it('describes each restore strategy in a few words', () => {
    expect(describeRestore(getModule('users').restore)).toBe(
      'create / PATCH; restore from deleted items',
    );
    expect(describeRestore(getModule('accessReviewDefinitions').restore)).toBe('create / PUT');
    expect(describeRestore(getModule('roleAssignments').restore)).toBe(
      'create / delete (immutable)',
    );
    expect(describeRestore(getModule('roleEligibilitySchedules').restore)).toBe(
      'create only; created via /roleManagement/directory/roleEligibilityScheduleRequests',
    );
    expect(describeRestore(getModule('organization').restore)).toBe('update only (PATCH)');
    expect(describeRestore(getModule('deviceRegistrationPolicy').restore)).toBe('singleton PUT');
    expect(describeRestore(getModule('riskDetections').restore)).toMatch(
      /^backup-only: Risk detections are history/,
    );
  });
});
