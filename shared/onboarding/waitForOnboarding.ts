import type { Services } from '../config/services';
import type { StoredTenant } from '../state/tenantRepository';

export interface OnboardingOutcome {
  status: 'registered' | 'notRegistered' | 'timedOut';
  tenant?: StoredTenant;
}

/**
 * Waits until the consent state `nonce` has been used, then names the tenant its callback
 * registered (the row records the onboarding id). Used, but no tenant: declined or failed.
 */
export async function waitForOnboarding(
  services: Services,
  nonce: string,
  options: { timeoutMs: number; pollMs?: number },
): Promise<OnboardingOutcome> {
  const deadline = Date.now() + options.timeoutMs;
  while (await services.onboarding.pending(nonce)) {
    if (Date.now() >= deadline) return { status: 'timedOut' };
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
  }
  // The callback consumes the state before it registers: give it a moment to finish.
  for (let i = 0; i < 20; i++) {
    const tenant = (await services.tenants.list()).find((t) => t.consent?.onboardingId === nonce);
    if (tenant) return { status: 'registered', tenant };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { status: 'notRegistered' };
}
