import type { Page } from 'playwright-core';
import { launchChromium, seriousAccessibilityViolations } from '../../support/portalBrowser';
import { type PortalHarness, startPortalHarness } from '../../support/portalHarness';

/**
 * The admin portal in Debian's Chromium against `serve` (in-process) + Azurite + the Graph
 * simulator. The steps build on each other, as an admin's first session would.
 */
describe('admin portal in a real browser', () => {
  let harness: PortalHarness;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    harness = await startPortalHarness({ seed: 7 });
    browser = await launchChromium();
    page = browser.page;
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  const open = async (hash: string) => {
    await page.goto(`${harness.server.portalUrl}${hash}`);
    await page.getByText('Local sign-in').waitFor();
  };
  const expectAccessible = async () => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  };

  it('signs in locally, shows the empty dashboard and onboards a tenant', async () => {
    await open('#/dashboard');
    await expect(
      page.getByText('Local sign-in: local admin (Backup.Admin)').isVisible(),
    ).resolves.toBe(true);
    await page.getByText('No tenants are protected yet').waitFor();
    await expectAccessible();

    await page.getByRole('button', { name: 'Add tenant' }).click();
    await page.getByLabel('Tenant id (GUID)').fill('not-a-guid');
    await page.getByLabel('Display name').fill('Contoso (portal)');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    // The API's own validation message, shown in the dialog; nothing is registered.
    await page.getByText('tenantId must be a GUID').waitFor();
    await expectAccessible();
    await page.getByLabel('Tenant id (GUID)').fill(harness.tenantId.toUpperCase());
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('cell', { name: /Contoso \(portal\)/ }).waitFor();
    await page.getByText('Never backed up').waitFor();
    const saved = await harness.runtime.services.tenants.get(harness.tenantId);
    expect(saved?.displayName).toBe('Contoso (portal)');
  });

  it('backs up now and shows live progress, then the result', async () => {
    await page.getByRole('button', { name: 'Backup now' }).click();
    await page.getByTestId('backup-progress').waitFor();
    await expect(page.getByRole('button', { name: 'Backup now' }).isDisabled()).resolves.toBe(true);
    await page.getByText('succeeded').waitFor({ timeout: 110_000 });
    const jobs = await harness.runtime.services.jobs.list(harness.tenantId, { type: 'backup' });
    expect(jobs[0].status).toBe('succeeded');
    const objects = (jobs[0].summary as { objects: number }).objects;
    await page.getByText(`${objects} objects`).waitFor();
  }, 120_000);

  it('shows the job with its per-module rows in the job monitor', async () => {
    await page.getByRole('link', { name: 'Show detail' }).click();
    await page.getByRole('region', { name: 'Job detail' }).waitFor();
    const modules = page.getByRole('table', { name: 'Modules of this job' });
    await modules.getByRole('cell', { name: 'users', exact: true }).waitFor();
    expect(await modules.getByRole('row').count()).toBeGreaterThan(10);
    await expectAccessible();
  });

  it('changes a scope switch and sees it saved', async () => {
    await page.getByRole('link', { name: 'What to protect' }).click();
    const enableAll = page.getByRole('switch', { name: /Enable all/ });
    await enableAll.waitFor();
    expect(await enableAll.isChecked()).toBe(true);
    await page.getByText('Permissions this selection needs').waitFor();
    await expectAccessible();
    await enableAll.click();
    await page.getByRole('switch', { name: 'Users & Groups', exact: true }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Backups read \d+ of \d+ modules/).waitFor();
    await page.reload();
    await page.getByRole('switch', { name: 'Users & Groups', exact: true }).waitFor();
    expect(await page.getByRole('switch', { name: /Enable all/ }).isChecked()).toBe(false);
    expect(
      await page.getByRole('switch', { name: 'Users & Groups', exact: true }).isChecked(),
    ).toBe(true);
    expect(await page.getByRole('switch', { name: 'Applications', exact: true }).isChecked()).toBe(
      false,
    );
    const scope = await harness.runtime.services.scopes.get(harness.tenantId);
    expect(scope).toMatchObject({ enableAll: false, categories: { 'Users & Groups': true } });
  });

  it('browses a recovery point and opens an object as a tree and as JSON', async () => {
    await page.getByRole('link', { name: 'Recovery points' }).first().click();
    const points = page.getByRole('table', { name: 'Recovery points' });
    await points.waitFor();
    await expectAccessible();
    await points.getByRole('link').first().click();
    await page.getByRole('table', { name: 'Modules in this recovery point' }).waitFor();
    await page.getByRole('link', { name: 'users', exact: true }).click();
    const objects = page.getByRole('table', { name: 'Objects' });
    await objects.waitFor();
    const first = objects.getByRole('link').first();
    const name = (await first.textContent())!;
    await first.click();
    const detail = page.getByRole('region', { name: 'Object detail' });
    await detail.getByRole('heading', { name }).waitFor();
    await detail
      .getByRole('tree', { name: 'Object properties' })
      .getByText('userPrincipalName', { exact: true })
      .waitFor();
    await expectAccessible();
    await detail.getByRole('tab', { name: 'JSON' }).click();
    const json = JSON.parse((await detail.getByLabel('Object JSON').textContent())!);
    expect(json).toMatchObject({ moduleId: 'users', object: { displayName: name } });
  });

  it('runs the restore wizard through the dry-run plan and confirmation to the result', async () => {
    const [user] = (
      await harness.graph.getPage<{ id: string; displayName: string; jobTitle?: string }>(
        '/users?$select=id,displayName,jobTitle&$top=1',
      )
    ).value;
    await harness.graph.request({
      method: 'PATCH',
      url: `/users/${user.id}`,
      body: { jobTitle: 'Changed by the e2e test' },
    });

    await page.getByRole('link', { name: 'Restore from this point…' }).click();
    await page.getByRole('heading', { name: '2. Selection' }).waitFor();
    await page.getByRole('checkbox', { name: /^users \(/ }).check();
    await page.getByRole('radio', { name: /Merge/ }).check();
    await expectAccessible();
    await page.getByRole('button', { name: 'Plan restore (dry run)' }).click();

    await page.getByRole('heading', { name: '4. Dry-run plan' }).waitFor({ timeout: 60_000 });
    const changed = page.getByTestId('plan-object').filter({ hasText: user.displayName });
    await changed.getByRole('cell', { name: 'jobTitle' }).waitFor();
    await changed.getByRole('cell', { name: '"Changed by the e2e test"' }).waitFor();
    const shownHash = await page.getByTestId('plan-hash').textContent();
    const restores = await harness.runtime.services.jobs.list(harness.tenantId, {
      type: 'restore',
    });
    expect(restores[0].status).toBe('awaitingConfirmation');
    expect(shownHash).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible();

    await page.getByRole('button', { name: 'Confirm and apply' }).click();
    const result = page.getByRole('region', { name: 'Restore result' });
    await result.waitFor({ timeout: 100_000 });
    await result.getByText(/1 changes applied, 0 failed/).waitFor();
    await result.getByText('Residual differences after the verifying re-read: 0.').waitFor();
    await expectAccessible();
    const restored = await harness.graph.get<{ jobTitle?: string }>(
      `/users/${user.id}?$select=jobTitle`,
    );
    expect(restored.jobTitle ?? null).toBe(user.jobTitle ?? null);
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
