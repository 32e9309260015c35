/**
 * `npm run portal:screenshots`: every portal page at 1440×900 in Debian's Chromium, against the
 * same in-process serve + Azurite + Graph simulator as the browser tests, written to
 * docs/portal/*.png (the README links them). Rerun after changing a page.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startAzurite } from '../local/azurite';
import { launchChromium } from '../test/support/portalBrowser';
import { startPortalHarness } from '../test/support/portalHarness';

const OUT = path.resolve(
  __dirname,
  path.basename(path.resolve(__dirname, '..')) === 'dist' ? '../../docs/portal' : '../docs/portal',
);

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: false });
  process.stdout.write(`docs/portal/${name}.png\n`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const azurite = await startAzurite();
  process.env.AzureWebJobsStorage = azurite.connectionString;
  const harness = await startPortalHarness({ seed: 1 });
  const browser = await launchChromium({ width: 1440, height: 900 });
  const { page } = browser;
  page.setDefaultTimeout(60_000);
  const url = harness.server.portalUrl;
  try {
    await page.goto(`${url}#/dashboard`);
    await page.getByText('No tenants are protected yet').waitFor();
    await shot(page, 'dashboard-empty');

    await page.getByRole('button', { name: 'Add tenant' }).click();
    await page.getByLabel('Tenant id (GUID)').fill(harness.tenantId);
    await page.getByLabel('Display name').fill('Contoso (demo)');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Backup now' }).click();
    await page.getByTestId('backup-progress').waitFor();
    await shot(page, 'dashboard-backup-running');
    await page.getByText('succeeded').waitFor({ timeout: 120_000 });
    await shot(page, 'dashboard');

    await page.getByRole('link', { name: 'Show detail' }).click();
    await page.getByRole('table', { name: 'Modules of this job' }).waitFor();
    await shot(page, 'job-monitor');

    await page.getByRole('link', { name: 'What to protect' }).click();
    await page.getByText('Permissions this selection needs').waitFor();
    await page.getByRole('switch', { name: /Enable all/ }).click();
    await page.getByRole('switch', { name: 'Users & Groups', exact: true }).click();
    await shot(page, 'what-to-protect');

    await page.getByRole('link', { name: 'Recovery points' }).first().click();
    await page.getByRole('table', { name: 'Recovery points' }).waitFor();
    await shot(page, 'recovery-points');
    await page.getByRole('table', { name: 'Recovery points' }).getByRole('link').first().click();
    await page.getByRole('link', { name: 'users', exact: true }).click();
    await page.getByRole('table', { name: 'Objects' }).getByRole('link').first().click();
    await page.getByRole('region', { name: 'Object detail' }).waitFor();
    await page.getByRole('region', { name: 'Object detail' }).scrollIntoViewIfNeeded();
    await shot(page, 'recovery-point-object');

    const [user] = (await harness.graph.getPage<{ id: string }>('/users?$select=id&$top=1')).value;
    await harness.graph.request({
      method: 'PATCH',
      url: `/users/${user.id}`,
      body: { jobTitle: 'Changed after the backup' },
    });
    await page.getByRole('link', { name: 'Restore from this point…' }).click();
    await page.getByRole('checkbox', { name: /^users \(/ }).check();
    await shot(page, 'restore-wizard');
    await page.getByRole('button', { name: 'Plan restore (dry run)' }).click();
    await page.getByRole('heading', { name: '4. Dry-run plan' }).waitFor({ timeout: 120_000 });
    await page.getByRole('heading', { name: '4. Dry-run plan' }).scrollIntoViewIfNeeded();
    await shot(page, 'restore-plan');
    await page.getByRole('button', { name: 'Confirm and apply' }).click();
    await page.getByRole('region', { name: 'Restore result' }).waitFor({ timeout: 120_000 });
    await shot(page, 'restore-result');
  } finally {
    await browser.close();
    await harness.stop();
    await azurite.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `screenshots failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
