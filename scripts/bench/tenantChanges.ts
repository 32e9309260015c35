import { randomBytes } from 'node:crypto';
import type { GraphApi } from '../../shared/graph/graphApi';
import { GraphRequestError } from '../../shared/graph/graphErrors';
import { Prng } from '../../test/simulator/generator/prng';
import type { ChangeLog } from './types';

/**
 * The bench's own changes to the simulated tenant, all through Microsoft Graph (as an admin or an
 * attacker would make them): the 1% churn before the incremental backup and the 1% breakage
 * before the restore apply. Seeded, so every run of a preset makes the same kinds of change.
 */

interface GroupRef {
  id: string;
  groupTypes?: string[];
  membershipRule?: string | null;
}

/** Shares of the change budget; what the rounding leaves goes to the first entry. */
type Mix<K extends string> = Record<K, number>;

const CHURN_MIX: Mix<
  | 'usersEdited'
  | 'groupsEdited'
  | 'membersAdded'
  | 'membersRemoved'
  | 'usersSoftDeleted'
  | 'usersCreated'
  | 'applicationsEdited'
> = {
  usersEdited: 0.45,
  groupsEdited: 0.1,
  membersAdded: 0.15,
  membersRemoved: 0.1,
  usersSoftDeleted: 0.05,
  usersCreated: 0.05,
  applicationsEdited: 0.1,
};

const BREAK_MIX: Mix<
  | 'usersEdited'
  | 'usersSoftDeleted'
  | 'groupsEdited'
  | 'groupsSoftDeleted'
  | 'groupsHardDeleted'
  | 'applicationsHardDeleted'
  | 'applicationsEdited'
  | 'membersRemoved'
> = {
  usersEdited: 0.35,
  usersSoftDeleted: 0.15,
  groupsEdited: 0.1,
  groupsSoftDeleted: 0.05,
  groupsHardDeleted: 0.05,
  applicationsHardDeleted: 0.02,
  applicationsEdited: 0.03,
  membersRemoved: 0.25,
};

/** Largest group the breakage purges: re-creating it re-adds every member, one write per 20. */
const MAX_PURGED_GROUP_MEMBERS = 25;

export function splitBudget<K extends string>(total: number, mix: Mix<K>): Record<K, number> {
  const keys = Object.keys(mix) as K[];
  const counts = Object.fromEntries(
    keys.map((k) => [k, Math.max(total > keys.length ? 1 : 0, Math.floor(total * mix[k]))]),
  ) as Record<K, number>;
  const used = keys.reduce((sum, k) => sum + counts[k], 0);
  counts[keys[0]] += Math.max(0, total - used);
  return counts;
}

class Picker {
  private readonly used = new Set<string>();
  constructor(private readonly random: Prng) {}

  /** A not yet touched item, or undefined after a bounded number of tries. */
  pick<T extends { id: string }>(items: readonly T[], accept: (item: T) => boolean = () => true) {
    for (let attempt = 0; attempt < 200 && items.length > 0; attempt++) {
      const item = items[Math.floor(this.random.next() * items.length)];
      if (this.used.has(item.id) || !accept(item)) continue;
      this.used.add(item.id);
      return item;
    }
    return undefined;
  }

  index(length: number): number {
    return Math.floor(this.random.next() * length);
  }
}

interface TenantLists {
  users: Array<{ id: string }>;
  staticGroups: GroupRef[];
  applications: Array<{ id: string }>;
}

async function listTenant(graph: GraphApi): Promise<TenantLists> {
  const [users, groups, applications] = await Promise.all([
    graph.getAll<{ id: string }>('/users?$select=id&$top=999'),
    graph.getAll<GroupRef>('/groups?$select=id,groupTypes,membershipRule&$top=999'),
    graph.getAll<{ id: string }>('/applications?$select=id&$top=999'),
  ]);
  const staticGroups = groups.filter(
    (g) => !(g.groupTypes ?? []).includes('DynamicMembership') && !g.membershipRule,
  );
  return { users, staticGroups, applications };
}

/** Runs `count` attempts of `change`, counting those that happened (a few may not apply). */
async function repeat(count: number, change: (i: number) => Promise<boolean>): Promise<number> {
  let made = 0;
  for (let i = 0, attempts = 0; made < count && attempts < count * 3; attempts++, i++) {
    if (await change(i)) made++;
  }
  return made;
}

/** True when the write was refused for a reason a random pick can hit (already a member, gone). */
function expectedRefusal(error: unknown): boolean {
  return error instanceof GraphRequestError && [400, 404, 409].includes(error.status);
}

/** A write to a picked object; false when nothing was left to pick or the write was refused. */
function onPicked<T>(item: T | undefined, write: (item: T) => Promise<unknown>): Promise<boolean> {
  return item === undefined ? Promise.resolve(false) : attempt(() => write(item));
}

async function attempt(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (expectedRefusal(error)) return false;
    throw error;
  }
}

async function removeOneMember(graph: GraphApi, picker: Picker, lists: TenantLists) {
  const group = picker.pick(lists.staticGroups);
  if (!group) return false;
  const members = await graph.getPage<{ id: string }>(`/groups/${group.id}/members?$select=id`);
  const member = members.value[picker.index(members.value.length)];
  if (!member) return false;
  return attempt(() =>
    graph.request({ method: 'DELETE', url: `/groups/${group.id}/members/${member.id}/$ref` }),
  );
}

/** About 1% churn before the incremental backup: edits, a few soft-deletes, membership changes. */
export async function churnTenant(
  graph: GraphApi,
  target: number,
  seed: number,
): Promise<ChangeLog> {
  const picker = new Picker(Prng.forStream(seed, 'bench-churn'));
  const lists = await listTenant(graph);
  const budget = splitBudget(target, CHURN_MIX);
  const domain = await defaultDomain(graph);
  const ref = (id: string) => ({ '@odata.id': `${graph.baseUrl}/v1.0/directoryObjects/${id}` });
  const made: Record<string, number> = {};
  made.usersEdited = await repeat(budget.usersEdited, (i) =>
    onPicked(picker.pick(lists.users), (user) =>
      patch(graph, `/users/${user.id}`, { jobTitle: `Bench churn ${i}`, department: 'Benchmark' }),
    ),
  );
  made.groupsEdited = await repeat(budget.groupsEdited, (i) =>
    onPicked(picker.pick(lists.staticGroups), (group) =>
      patch(graph, `/groups/${group.id}`, { description: `Changed by the benchmark (${i})` }),
    ),
  );
  made.membersAdded = await repeat(budget.membersAdded, () => {
    const group = lists.staticGroups[picker.index(lists.staticGroups.length)];
    return onPicked(group ? picker.pick(lists.users) : undefined, (user) =>
      graph.request({
        method: 'POST',
        url: `/groups/${group.id}/members/$ref`,
        body: ref(user.id),
      }),
    );
  });
  made.membersRemoved = await repeat(budget.membersRemoved, () =>
    removeOneMember(graph, picker, lists),
  );
  made.usersSoftDeleted = await repeat(budget.usersSoftDeleted, () =>
    onPicked(picker.pick(lists.users), (user) => remove(graph, `/users/${user.id}`)),
  );
  made.usersCreated = await repeat(budget.usersCreated, (i) => {
    const nickname = `bench.joiner.${seed}.${i}.${randomBytes(3).toString('hex')}`;
    return attempt(() =>
      graph.request({
        method: 'POST',
        url: '/users',
        body: {
          accountEnabled: true,
          displayName: `Bench Joiner ${i}`,
          mailNickname: nickname,
          userPrincipalName: `${nickname}@${domain}`,
          // Sent once to satisfy user creation; never printed or stored.
          passwordProfile: {
            forceChangePasswordNextSignIn: true,
            password: `Bench-${randomBytes(12).toString('base64url')}!1`,
          },
        },
      }),
    );
  });
  made.applicationsEdited = await repeat(budget.applicationsEdited, (i) =>
    onPicked(picker.pick(lists.applications), (app) =>
      patch(graph, `/applications/${app.id}`, { notes: `Reviewed by the benchmark (${i})` }),
    ),
  );
  return { target, made, total: sum(made) };
}

/**
 * About 1% breakage before the restore apply: users and groups edited, soft-deleted; small groups
 * and an application deleted for good (purged from deleted items); memberships removed.
 */
export async function breakTenantForRestore(
  graph: GraphApi,
  target: number,
  seed: number,
): Promise<ChangeLog> {
  const picker = new Picker(Prng.forStream(seed, 'bench-break'));
  const lists = await listTenant(graph);
  const budget = splitBudget(target, BREAK_MIX);
  const purge = async (path: string, id: string): Promise<void> => {
    await remove(graph, `${path}/${id}`);
    await remove(graph, `/directory/deletedItems/${id}`);
  };
  const made: Record<string, number> = {};
  made.usersEdited = await repeat(budget.usersEdited, (i) =>
    onPicked(picker.pick(lists.users), (user) =>
      patch(graph, `/users/${user.id}`, { jobTitle: `Broken ${i}`, city: 'Nowhere' }),
    ),
  );
  made.groupsEdited = await repeat(budget.groupsEdited, (i) =>
    onPicked(picker.pick(lists.staticGroups), (group) =>
      patch(graph, `/groups/${group.id}`, { description: `Tampered (${i})` }),
    ),
  );
  made.applicationsEdited = await repeat(budget.applicationsEdited, (i) =>
    onPicked(picker.pick(lists.applications), (app) =>
      patch(graph, `/applications/${app.id}`, { notes: `Tampered (${i})` }),
    ),
  );
  made.membersRemoved = await repeat(budget.membersRemoved, () =>
    removeOneMember(graph, picker, lists),
  );
  made.usersSoftDeleted = await repeat(budget.usersSoftDeleted, () =>
    onPicked(picker.pick(lists.users), (user) => remove(graph, `/users/${user.id}`)),
  );
  made.groupsSoftDeleted = await repeat(budget.groupsSoftDeleted, () =>
    onPicked(picker.pick(lists.staticGroups), (group) => remove(graph, `/groups/${group.id}`)),
  );
  made.groupsHardDeleted = await repeat(budget.groupsHardDeleted, async () => {
    const group = picker.pick(lists.staticGroups);
    if (!group) return false;
    const members = await graph.get<number>(`/groups/${group.id}/members/$count`, 'v1.0', {
      ConsistencyLevel: 'eventual',
    });
    if (Number(members) > MAX_PURGED_GROUP_MEMBERS) return false;
    return attempt(() => purge('/groups', group.id));
  });
  made.applicationsHardDeleted = await repeat(budget.applicationsHardDeleted, () =>
    onPicked(picker.pick(lists.applications), (app) => purge('/applications', app.id)),
  );
  return { target, made, total: sum(made) };
}

function patch(graph: GraphApi, url: string, body: Record<string, unknown>) {
  return graph.request({ method: 'PATCH', url, body });
}

function remove(graph: GraphApi, url: string) {
  return graph.request({ method: 'DELETE', url });
}

async function defaultDomain(graph: GraphApi): Promise<string> {
  const page = await graph.getPage<{
    verifiedDomains?: Array<{ name: string; isDefault: boolean }>;
  }>('/organization');
  return (
    page.value[0]?.verifiedDomains?.find((d) => d.isDefault)?.name ?? 'contoso.onmicrosoft.com'
  );
}

function sum(made: Record<string, number>): number {
  return Object.values(made).reduce((a, b) => a + b, 0);
}
