import type { GraphObject } from '../../tenantState';
import { buildGroup, type GroupKind, isDynamic, markGroupDeleted } from '../builders/group';
import { pastTimestamp } from '../context';
import { generateGroupSizes } from '../groupSizes';
import { DEPARTMENTS, GROUP_TOPICS, OFFICES, slug } from '../names';
import type { Prng } from '../prng';
import { sampleIndices, weightedIndex } from '../sampling';
import { type Build, rngFor, type SpecialGroups, uniqueAlias } from './build';
import { pickMember } from './users';

const KINDS: readonly GroupKind[] = [
  'security',
  'microsoft365',
  'dynamicSecurity',
  'dynamicMicrosoft365',
  'mailEnabledSecurity',
  'distribution',
  'roleAssignable',
];
const KIND_WEIGHTS = [55, 25, 8, 4, 4, 3, 1];

const LARGE_GROUP_NAMES = [
  'All Employees',
  'All Employees - Americas',
  'All Employees - EMEA',
  'All Employees - APAC',
  'All Staff - Field',
];

/**
 * Groups with the preset's skewed size distribution: the few huge groups first (dynamic
 * all-employee groups), then the policy-referenced special groups, then the long tail.
 * Members are mostly users; some security groups nest an earlier group (never a cycle).
 */
export function addGroups(b: Build): void {
  const rng = rngFor(b, 'groups');
  const { tenant } = b;
  const users = tenant.collections.users;
  const sizes = generateGroupSizes(b.spec, b.seed);
  const large = b.spec.largeGroupSizes.length;

  const add = (group: GraphObject, memberIds: string[], ownerIds: string[]): GraphObject => {
    tenant.collections.groups.push(group);
    tenant.relationships.groupMembers[group.id] = memberIds;
    if (ownerIds.length > 0) tenant.relationships.groupOwners[group.id] = ownerIds;
    return group;
  };
  const sampleUserIds = (count: number): string[] =>
    sampleIndices(rng, users.length, count).map((i) => users[i].id);
  const owners = (count: number): string[] => [
    ...new Set(Array.from({ length: count }, () => pickMember(b, rng).id)),
  ];

  let index = 0;
  for (; index < large && index < sizes.length; index++) {
    const name = LARGE_GROUP_NAMES[index] ?? `All Staff ${index + 1}`;
    const group = buildGroup(b.ctx, rng, {
      kind: 'dynamicSecurity',
      displayName: name,
      description: `Dynamic group of ${name.toLowerCase()}.`,
      mailNickname: uniqueAlias(b, slug(name)),
      membershipRule:
        index === 0
          ? '(user.userType -eq "Member") and (user.accountEnabled -eq true)'
          : `(user.country -eq "${OFFICES[index % OFFICES.length].country}")`,
    });
    add(group, sampleUserIds(sizes[index]), []);
  }

  const special = (
    displayName: string,
    kind: GroupKind,
    description: string,
    memberIds: string[],
  ): GraphObject =>
    add(
      buildGroup(b.ctx, rng, {
        kind,
        displayName,
        description,
        mailNickname: uniqueAlias(b, slug(displayName)),
      }),
      memberIds,
      owners(1),
    );
  const take = (): number => sizes[Math.min(index++, sizes.length - 1)];
  b.special = {
    breakGlassAdmins: special(
      'Break Glass Admins',
      'roleAssignable',
      'Emergency access accounts, excluded from conditional access.',
      b.breakGlassUsers.map((u) => u.id),
    ),
    passwordlessPilot: special(
      'Passwordless Pilot',
      'security',
      'Users enabled for FIDO2 security keys.',
      sampleUserIds(take()),
    ),
    tapEligible: special(
      'TAP Eligible Users',
      'security',
      'Users who may receive a Temporary Access Pass.',
      sampleUserIds(take()),
    ),
    smsExcluded: special(
      'SMS Sign-in Excluded',
      'security',
      'Users who may not use SMS as a sign-in method.',
      sampleUserIds(take()),
    ),
    mfaCampaign: special(
      'MFA Registration Campaign',
      'security',
      'Users nudged to register Microsoft Authenticator.',
      sampleUserIds(take()),
    ),
    caExclusions: special(
      'Conditional Access Exclusions',
      'security',
      'Service accounts excluded from selected policies.',
      sampleUserIds(Math.min(take(), 20)),
    ),
  } satisfies SpecialGroups;

  const firstTail = tenant.collections.groups.length;
  for (; tenant.collections.groups.length < b.spec.groups; index++) {
    const kind = KINDS[weightedIndex(rng, KIND_WEIGHTS)];
    const department = rng.pick(DEPARTMENTS);
    const topic = rng.pick(GROUP_TOPICS);
    const displayName =
      kind === 'distribution' ? `${department} ${topic} DL` : `${department} - ${topic}`;
    const synced =
      (kind === 'security' || kind === 'mailEnabledSecurity') && rng.chance(b.spec.syncedRatio / 2);
    const group = buildGroup(b.ctx, rng, {
      kind,
      displayName,
      description: rng.chance(0.7) ? `${topic} for ${department}.` : null,
      mailNickname: uniqueAlias(b, slug(displayName)),
      membershipRule: `(user.department -eq "${department}")`,
      visibility: kind === 'microsoft365' && rng.chance(0.3) ? 'Public' : null,
      onPremises: synced ? { ...b.onPremises, rid: b.onPremises.nextRid++ } : undefined,
    });
    const memberIds = sampleUserIds(sizes[Math.min(index, sizes.length - 1)]);
    const existing = tenant.collections.groups.length;
    // Nest an earlier group now and then: only earlier groups, so nesting never forms a cycle.
    if (kind === 'security' && existing > firstTail && rng.chance(0.04)) {
      memberIds.push(tenant.collections.groups[rng.int(firstTail, existing - 1)].id);
    }
    add(group, memberIds, isDynamic(kind) ? [] : owners(ownerCount(rng, kind)));
  }

  for (let i = 0; i < b.spec.deletedGroups; i++) {
    const topic = rng.pick(GROUP_TOPICS);
    const group = buildGroup(b.ctx, rng, {
      kind: 'microsoft365',
      displayName: `${topic} (archived)`,
      description: null,
      mailNickname: uniqueAlias(b, slug(`${topic} archived`)),
    });
    tenant.deleted.groups.push(markGroupDeleted(group, pastTimestamp(rng, 29)));
  }
}

function ownerCount(rng: Prng, kind: GroupKind): number {
  if (kind === 'microsoft365') return rng.int(1, 3);
  return rng.chance(0.7) ? 1 : rng.int(0, 2);
}
