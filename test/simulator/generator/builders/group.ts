import type { GraphObject } from '../../tenantState';
import { type GenContext, pastTimestamp } from '../context';
import { cloudSecurityIdentifier } from '../ids';
import type { Prng } from '../prng';

/** The group flavours Entra has; each fixes groupTypes / mailEnabled / securityEnabled. */
export type GroupKind =
  | 'security'
  | 'microsoft365'
  | 'dynamicSecurity'
  | 'dynamicMicrosoft365'
  | 'mailEnabledSecurity'
  | 'distribution'
  | 'roleAssignable';

export interface GroupInput {
  kind: GroupKind;
  displayName: string;
  description: string | null;
  /** Unique in the tenant. */
  mailNickname: string;
  membershipRule?: string;
  visibility?: 'Public' | 'Private' | 'HiddenMembership' | null;
  onPremises?: { domainSid: string; rid: number; netbios: string; adDomain: string };
}

export function isDynamic(kind: GroupKind): boolean {
  return kind === 'dynamicSecurity' || kind === 'dynamicMicrosoft365';
}

/** A group as `GET /groups/{id}` returns it. */
export function buildGroup(ctx: GenContext, rng: Prng, input: GroupInput): GraphObject {
  const id = rng.guid();
  const { kind } = input;
  const unified = kind === 'microsoft365' || kind === 'dynamicMicrosoft365';
  const dynamic = isDynamic(kind);
  const mailEnabled = unified || kind === 'mailEnabledSecurity' || kind === 'distribution';
  const securityEnabled =
    kind !== 'microsoft365' && kind !== 'dynamicMicrosoft365' && kind !== 'distribution';
  const groupTypes: string[] = [];
  if (unified) groupTypes.push('Unified');
  if (dynamic) groupTypes.push('DynamicMembership');
  const mail = mailEnabled ? `${input.mailNickname}@${ctx.domain}` : null;
  const created = pastTimestamp(rng, 2000, 5);
  const onPrem = input.onPremises;
  return {
    id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: created,
    description: input.description,
    displayName: input.displayName,
    expirationDateTime: null,
    groupTypes,
    isAssignableToRole: kind === 'roleAssignable' ? true : null,
    mail,
    mailEnabled,
    mailNickname: input.mailNickname,
    membershipRule: dynamic ? (input.membershipRule ?? 'user.accountEnabled -eq true') : null,
    membershipRuleProcessingState: dynamic ? 'On' : null,
    onPremisesDomainName: onPrem ? onPrem.adDomain : null,
    onPremisesLastSyncDateTime: onPrem ? pastTimestamp(rng, 1) : null,
    onPremisesNetBiosName: onPrem ? onPrem.netbios : null,
    onPremisesProvisioningErrors: [],
    onPremisesSamAccountName: onPrem ? input.mailNickname.slice(0, 20) : null,
    onPremisesSecurityIdentifier: onPrem ? `${onPrem.domainSid}-${onPrem.rid}` : null,
    onPremisesSyncEnabled: onPrem ? true : null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: mail ? [`SMTP:${mail}`, `smtp:${input.mailNickname}@${ctx.initialDomain}`] : [],
    renewedDateTime: created,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: unified && rng.chance(0.5) ? ['Team'] : [],
    securityEnabled,
    securityIdentifier: cloudSecurityIdentifier(id),
    serviceProvisioningErrors: [],
    theme: null,
    visibility: unified ? (input.visibility ?? 'Private') : (input.visibility ?? null),
  };
}

export function markGroupDeleted(group: GraphObject, deletedDateTime: string): GraphObject {
  group.deletedDateTime = deletedDateTime;
  return group;
}
