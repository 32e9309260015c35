import type { GraphObject, TenantState } from '../../tenantState';
import type { GenContext } from '../context';
import type { PresetSpec } from '../presets';
import { Prng } from '../prng';

/** Groups that policies point at; every synthetic tenant has them. */
export interface SpecialGroups {
  breakGlassAdmins: GraphObject;
  passwordlessPilot: GraphObject;
  tapEligible: GraphObject;
  smsExcluded: GraphObject;
  mfaCampaign: GraphObject;
  caExclusions: GraphObject;
}

/** Work in progress of a synthetic tenant: the state plus indexes later steps need. */
export interface Build {
  ctx: GenContext;
  spec: PresetSpec;
  seed: number;
  tenant: TenantState;
  /** Active member (non-guest) users, excluding break-glass accounts. */
  memberUsers: GraphObject[];
  breakGlassUsers: GraphObject[];
  special?: SpecialGroups;
  /** Service principals of this tenant's apps, aligned with `appsWithServicePrincipal`. */
  appServicePrincipals: GraphObject[];
  appsWithServicePrincipal: GraphObject[];
  externalServicePrincipals: GraphObject[];
  graphServicePrincipal?: GraphObject;
  /** Used UPN aliases / mail nicknames, for uniqueness. */
  aliases: Map<string, number>;
  /** On-premises AD identity shared by synced users and groups. */
  onPremises: { domainSid: string; netbios: string; adDomain: string; nextRid: number };
}

export function rngFor(b: Build, stream: string): Prng {
  return Prng.forStream(b.seed, stream);
}

/** `base`, or `base2`, `base3`… the first time each is seen: unique aliases without giant string sets. */
export function uniqueAlias(b: Build, base: string): string {
  const seen = b.aliases.get(base);
  if (seen === undefined) {
    b.aliases.set(base, 1);
    return base;
  }
  let n = seen + 1;
  while (b.aliases.has(`${base}${n}`)) n++;
  b.aliases.set(base, n);
  b.aliases.set(`${base}${n}`, 1);
  return `${base}${n}`;
}
