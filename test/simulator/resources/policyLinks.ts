import type { LinkNavigation } from './descriptor';
import { POLICY_LINK_STORES } from './stsPolicies';

export { POLICY_LINK_STORES };

/** An application / service principal → policy link navigation (`{owner}/{nav}/$ref`). */
export function policyLinks(
  store: string,
  policyResource: string,
  writable = true,
): LinkNavigation {
  return { kind: 'links', store, targets: [policyResource], writable };
}
