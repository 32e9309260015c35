import { createHash } from 'node:crypto';
import type { GraphApi } from '../shared/graph/graphApi';

/** What the demo did to the tenant, for the narration and for tests that check it came back. */
export interface BrokenTenant {
  purgedGroup: { id: string; displayName: string; excludedBy: string };
  softDeletedUser: { id: string; displayName: string };
  purgedApplication: { id: string; displayName: string };
  changedPolicy: { id: string; displayName: string; before: string; after: string };
  removedMember: { groupId: string; groupName: string; memberId: string };
  /** A sign-in page image replaced by other bytes; `path` reads it, `sha256` is the original's. */
  replacedImage: { path: string; sha256: string };
  log: string[];
}

/** sha256 of a stream's bytes (how the demo and the tests tell images apart). */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A 1×1 PNG: what a careless admin uploads as the company logo. */
const WRONG_LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

interface Policy {
  id: string;
  displayName: string;
  state: string;
  conditions?: { users?: { excludeGroups?: string[] } };
}

/**
 * The demo's "bad day", all through Microsoft Graph: a group that a CA policy excludes is deleted
 * and purged, a user soft-deleted, an app deleted for good, a CA policy changed, a member removed.
 */
export async function breakTenant(graph: GraphApi): Promise<BrokenTenant> {
  const log: string[] = [];
  const policies = await graph.getAll<Policy>('/identity/conditionalAccess/policies');
  // A policy whose first excluded group exists (some tenants carry stale references).
  let excluding: Policy | undefined;
  let group: { id: string; displayName: string } | undefined;
  for (const policy of policies) {
    const candidate = policy.conditions?.users?.excludeGroups?.[0];
    if (!candidate) continue;
    group = await graph
      .get<{ id: string; displayName: string }>(`/groups/${candidate}?$select=id,displayName`)
      .catch(() => undefined);
    if (group) {
      excluding = policy;
      break;
    }
  }
  if (!excluding || !group)
    throw new Error('the tenant has no CA policy that excludes an existing group');
  const groupId = group.id;
  await graph.request({ method: 'DELETE', url: `/groups/${groupId}` });
  await graph.request({ method: 'DELETE', url: `/directory/deletedItems/${groupId}` });
  log.push(
    `group "${group.displayName}" (excluded by CA policy "${excluding.displayName}") deleted and purged`,
  );

  const users = await graph.getAll<{ id: string; displayName: string }>(
    '/users?$select=id,displayName&$top=999',
  );
  // Someone who was there at the first backup (not the demo's newcomer).
  const user = [...users].reverse().find((u) => u.displayName !== 'Demo Newcomer') ?? users[0];
  await graph.request({ method: 'DELETE', url: `/users/${user.id}` });
  log.push(`user "${user.displayName}" deleted (in deleted items)`);

  const apps = await graph.getAll<{ id: string; displayName: string }>(
    '/applications?$select=id,displayName',
  );
  const app = apps[0];
  await graph.request({ method: 'DELETE', url: `/applications/${app.id}` });
  await graph.request({ method: 'DELETE', url: `/directory/deletedItems/${app.id}` });
  log.push(`application "${app.displayName}" deleted and purged`);

  const changed = policies.find((p) => p.id !== excluding.id) ?? excluding;
  const newState = changed.state === 'disabled' ? 'enabled' : 'disabled';
  await graph.request({
    method: 'PATCH',
    url: `/identity/conditionalAccess/policies/${changed.id}`,
    body: { state: newState },
  });
  log.push(`CA policy "${changed.displayName}" switched from ${changed.state} to ${newState}`);

  const groups = await graph.getAll<{ id: string; displayName: string; groupTypes: string[] }>(
    '/groups?$select=id,displayName,groupTypes&$top=999',
  );
  let removedMember: BrokenTenant['removedMember'] | undefined;
  for (const candidate of groups.filter((g) => !g.groupTypes.includes('DynamicMembership'))) {
    const members = await graph.getAll<{ id: string }>(
      `/groups/${candidate.id}/members?$select=id`,
    );
    if (members.length > 1) {
      await graph.request({
        method: 'DELETE',
        url: `/groups/${candidate.id}/members/${members[0].id}/$ref`,
      });
      removedMember = {
        groupId: candidate.id,
        groupName: candidate.displayName,
        memberId: members[0].id,
      };
      log.push(`a member removed from group "${candidate.displayName}"`);
      break;
    }
  }
  if (!removedMember) throw new Error('the demo tenant has no static group with members');

  const organization = await graph.getPage<{ id: string }>('/organization?$select=id');
  const imagePath = `/organization/${organization.value[0].id}/branding/localizations/0/bannerLogo`;
  const original = await graph.getBinary(imagePath);
  if (!original) throw new Error('the demo tenant has no banner logo on its default branding');
  await graph.putBinary(imagePath, WRONG_LOGO, 'image/png');
  log.push('the banner logo of the default sign-in page replaced by a 1×1 pixel');

  return {
    purgedGroup: { id: groupId, displayName: group.displayName, excludedBy: excluding.displayName },
    softDeletedUser: user,
    purgedApplication: app,
    changedPolicy: {
      id: changed.id,
      displayName: changed.displayName,
      before: changed.state,
      after: newState,
    },
    removedMember,
    replacedImage: { path: imagePath, sha256: sha256Of(original.data) },
    log,
  };
}
