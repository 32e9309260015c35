import type { GraphObject } from '../../tenantState';
import { buildUser, markUserDeleted, type UserInput } from '../builders/user';
import { pastTimestamp } from '../context';
import { MEMBER_SKU_CHOICES, SKUS } from '../licenses';
import { DEPARTMENTS, GIVEN_NAMES, GUEST_DOMAINS, JOB_TITLES, OFFICES, SURNAMES } from '../names';
import type { Prng } from '../prng';
import { type Build, rngFor, uniqueAlias } from './build';

/** Reports per manager in the generated org chart. */
const SPAN_OF_CONTROL = 7;

/**
 * Users: a CEO, an org chart of members (each reporting to a manager), two break-glass accounts,
 * B2B guests, and a few soft-deleted users.
 */
export function addUsers(b: Build): void {
  const rng = rngFor(b, 'users');
  const { spec, tenant } = b;
  const guests = Math.round(spec.users * spec.guestRatio);
  const members = spec.users - guests;

  b.breakGlassUsers = [1, 2].map((n) =>
    buildUser(b.ctx, rng, {
      givenName: 'Emergency',
      surname: `Access ${n}`,
      displayName: `Emergency Access Account ${n}`,
      alias: uniqueAlias(b, `breakglass${n}`),
      upnDomain: b.ctx.initialDomain,
      jobTitle: null,
      department: null,
      office: null,
    }),
  );
  tenant.collections.users.push(...b.breakGlassUsers);

  const regular = members - b.breakGlassUsers.length;
  const managerCount = Math.ceil(regular / SPAN_OF_CONTROL);
  for (let i = 0; i < regular; i++) {
    const title =
      i === 0
        ? 'Chief Executive Officer'
        : i < managerCount
          ? managerTitle(rng, i)
          : rng.pick(JOB_TITLES);
    const user = buildUser(b.ctx, rng, memberInput(b, rng, title));
    tenant.collections.users.push(user);
    b.memberUsers.push(user);
    // Member i reports to member floor((i-1)/span): a balanced org chart rooted at the CEO.
    if (i > 0)
      tenant.relationships.userManager[user.id] =
        b.memberUsers[Math.floor((i - 1) / SPAN_OF_CONTROL)].id;
  }

  for (let i = 0; i < guests; i++)
    tenant.collections.users.push(buildUser(b.ctx, rng, guestInput(b, rng)));

  for (let i = 0; i < spec.deletedUsers; i++) {
    const user = buildUser(b.ctx, rng, memberInput(b, rng, rng.pick(JOB_TITLES)));
    tenant.deleted.users.push(markUserDeleted(user, pastTimestamp(rng, 29)));
  }
}

function managerTitle(rng: Prng, index: number): string {
  if (index < 8)
    return rng.pick([
      'Chief Financial Officer',
      'Chief Technology Officer',
      'Chief Operating Officer',
      'VP Sales',
      'VP Marketing',
      'VP Engineering',
      'General Counsel',
    ]);
  return index < 60 ? 'Director' : rng.pick(['Manager', 'Senior Manager', 'Team Lead']);
}

function memberInput(b: Build, rng: Prng, jobTitle: string): UserInput {
  const givenName = rng.pick(GIVEN_NAMES);
  const surname = rng.pick(SURNAMES);
  const alias = uniqueAlias(b, `${givenName}.${surname}`.toLowerCase());
  const synced = rng.chance(b.spec.syncedRatio);
  const employeeId = String(100000 + b.memberUsers.length);
  const skuIds = rng.chance(0.92) ? [rng.pick(MEMBER_SKU_CHOICES)] : [];
  if (skuIds.length > 0 && rng.chance(0.1)) skuIds.push(SKUS.entraIdP1);
  return {
    givenName,
    surname,
    alias,
    jobTitle,
    department: rng.pick(DEPARTMENTS),
    office: rng.pick(OFFICES),
    employeeId,
    skuIds,
    accountEnabled: rng.chance(0.97),
    onPremises: synced ? { ...b.onPremises, rid: b.onPremises.nextRid++ } : undefined,
  };
}

function guestInput(b: Build, rng: Prng): UserInput {
  const givenName = rng.pick(GIVEN_NAMES);
  const surname = rng.pick(SURNAMES);
  const local = uniqueAlias(b, `guest:${givenName}.${surname}`.toLowerCase()).slice(
    'guest:'.length,
  );
  return {
    givenName,
    surname,
    alias: local,
    guestEmail: `${local}@${rng.pick(GUEST_DOMAINS)}`,
    jobTitle: null,
    department: null,
    office: null,
  };
}

/** Principals that can be picked as owners or role holders. */
export function pickMember(b: Build, rng: Prng): GraphObject {
  return b.memberUsers[Math.floor(rng.next() * b.memberUsers.length)];
}
