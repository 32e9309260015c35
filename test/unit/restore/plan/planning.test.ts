import type { ModuleDefinition, SnapshotRecord } from '../../../../shared/modules/types';
import { planObjectActions } from '../../../../shared/restore/plan/objectActions';
import type { ObjectState } from '../../../../shared/restore/plan/objectStates';
import { assembleWaves, buildPlan } from '../../../../shared/restore/plan/planAssembly';
import { PlanDraft } from '../../../../shared/restore/plan/planDraft';
import { planLinkActions } from '../../../../shared/restore/plan/linkActions';
import { planChildActions, withoutGraphPrefix } from '../../../../shared/restore/plan/childActions';
import {
  GENERATED_PASSWORD,
  idMapEntry,
  resolvePlaceholders,
  UnresolvedPlaceholderError,
} from '../../../../shared/restore/plan/placeholders';
import { ReferenceResolver } from '../../../../shared/restore/plan/referenceResolver';
import { dependencyWaves } from '../../../../shared/restore/plan/restoreCatalog';
import type { RestoreRequest } from '../../../../shared/restore/restoreTypes';
import {
  diffProperties,
  writableProperties,
} from '../../../../shared/restore/plan/writableProperties';
import { renderPlan } from '../../../../shared/restore/plan/renderPlan';

function module(partial: Partial<ModuleDefinition> & { id: string }): ModuleDefinition {
  return {
    displayName: partial.id,
    category: 'Users & Groups',
    graphVersion: 'v1.0',
    kind: 'collection',
    listPath: `/${partial.id}`,
    itemPath: `/${partial.id}/{id}`,
    relationships: [],
    children: [],
    readOnlyProperties: ['id', 'createdDateTime'],
    references: [],
    restore: { kind: 'createOrUpdate', updatePath: `/${partial.id}/{id}` },
    dependsOn: [],
    permissions: { read: [], write: [] },
    caveats: [],
    ...partial,
  };
}

const users = module({
  id: 'users',
  readOnlyProperties: ['id', 'createdDateTime', 'assignedPlans'],
  writeOnlyProperties: ['passwordProfile'],
  naturalKey: 'userPrincipalName',
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/users/{id}',
    softDelete: {
      deletedItemsPath: '/directory/deletedItems/microsoft.graph.user',
      restorePath: '/directory/deletedItems/{id}/restore',
    },
    createDefaults: {
      passwordProfile: { forceChangePasswordNextSignIn: true, password: GENERATED_PASSWORD },
    },
  },
});
const groups = module({
  id: 'groups',
  dependsOn: ['users'],
  relationships: [
    {
      name: 'members',
      cardinality: 'many',
      readVia: 'delta',
      targets: ['users', 'groups'],
      addPath: '/groups/{id}/members/$ref',
      removePath: '/groups/{id}/members/{refId}/$ref',
      skipWriteWhen: { property: 'groupTypes', includes: 'DynamicMembership' },
    },
  ],
});
const ca = module({
  id: 'conditionalAccessPolicies',
  listPath: '/identity/conditionalAccess/policies',
  itemPath: '/identity/conditionalAccess/policies/{id}',
  restore: { kind: 'createOrUpdate', updatePath: '/identity/conditionalAccess/policies/{id}' },
  dependsOn: ['users', 'groups'],
  referenceLoss: { disabledProperties: { state: 'disabled' } },
  references: [
    { path: 'conditions.users.includeUsers[]', targets: ['users'], literals: ['All'] },
    { path: 'conditions.users.excludeGroups[]', targets: ['groups'] },
  ],
});

function request(overrides: Partial<RestoreRequest> = {}): RestoreRequest {
  return {
    tenantId: 't1',
    source: { kind: 'snapshot', snapshotId: 's1' },
    selection: {},
    relationshipMode: 'merge',
    caPolicyLossMode: 'block',
    ...overrides,
  };
}

function state(
  m: ModuleDefinition,
  record: SnapshotRecord,
  status: ObjectState['status'],
  live?: Record<string, unknown>,
  liveId?: string,
): ObjectState {
  return {
    module: m,
    record,
    status,
    live,
    liveId: status === 'absent' ? undefined : (liveId ?? record.id),
  };
}

const policyRecord: SnapshotRecord = {
  id: 'p1',
  object: {
    id: 'p1',
    '@odata.type': '#microsoft.graph.conditionalAccessPolicy',
    displayName: 'Block legacy',
    state: 'enabled',
    createdDateTime: '2024-01-01T00:00:00Z',
    conditions: { users: { includeUsers: ['All'], excludeGroups: ['g-gone', 'g-new'] } },
  },
};

describe('writable properties and diffs', () => {
  it('strips read-only, write-only, id and annotations but keeps the rest', () => {
    const writable = writableProperties(users, {
      id: 'u1',
      createdDateTime: 'x',
      assignedPlans: [],
      passwordProfile: { password: 'nope' },
      'manager@delta': [],
      displayName: 'Ada',
      jobTitle: null,
    });
    expect(writable).toEqual({ displayName: 'Ada', jobTitle: null });
  });

  it('reports only changed properties; empty values and array order are equal', () => {
    const diffs = diffProperties(
      { displayName: 'Ada', jobTitle: null, groupTypes: ['b', 'a'], city: 'Paris' },
      { displayName: 'Ada L', groupTypes: ['a', 'b'], city: 'Paris', extra: 1 },
    );
    expect(diffs).toEqual([{ property: 'displayName', before: 'Ada L', after: 'Ada' }]);
  });
});

describe('placeholders', () => {
  it('resolves ids and alternate keys through the id map and fails on missing ones', () => {
    const value = { a: '{{id:users:u1}}', b: ['x/{{key:appId:applications:a1}}/y'] };
    expect(
      resolvePlaceholders(value, {
        'users:u1': { id: 'N1' },
        'applications:a1': { id: 'A', appId: 'APP' },
      }),
    ).toEqual({ a: 'N1', b: ['x/APP/y'] });
    expect(() => resolvePlaceholders(value, {})).toThrow(UnresolvedPlaceholderError);
    expect(() =>
      resolvePlaceholders('{{key:appId:applications:a1}}', { 'applications:a1': { id: 'A' } }),
    ).toThrow(UnresolvedPlaceholderError);
  });

  it('still reads the 0.1 appId placeholder of plans saved before an upgrade', () => {
    expect(
      resolvePlaceholders('{{appId:applications:a1}}', {
        'applications:a1': { id: 'A', appId: 'APP' },
      }),
    ).toBe('APP');
  });

  it("keeps a created object's id and the alternate keys its module declares", () => {
    expect(idMapEntry('applications', { id: 'A', appId: 'APP', displayName: 'x' })).toEqual({
      id: 'A',
      appId: 'APP',
    });
    expect(idMapEntry('roleDefinitions', { id: 'R', templateId: 'T' })).toEqual({
      id: 'R',
      templateId: 'T',
    });
    expect(() => idMapEntry('groups', { displayName: 'no id' })).toThrow(/without an id/);
  });
});

describe('object actions', () => {
  it('creates a gone user without read-only properties and with a generated-password placeholder', () => {
    const record: SnapshotRecord = {
      id: 'u1',
      object: { id: 'u1', displayName: 'Ada', userPrincipalName: 'ada@x', assignedPlans: [1] },
    };
    const s = state(users, record, 'absent');
    const draft = new PlanDraft();
    planObjectActions(s, new ReferenceResolver([s]), request(), draft);
    expect(draft.actions).toHaveLength(1);
    const create = draft.actions[0];
    expect(create.kind).toBe('create');
    expect(create.body).toEqual({
      displayName: 'Ada',
      userPrincipalName: 'ada@x',
      passwordProfile: { forceChangePasswordNextSignIn: true, password: GENERATED_PASSWORD },
    });
    expect(JSON.stringify(create)).not.toMatch(/assignedPlans/);
    expect(create.lookupPath).toContain("userPrincipalName eq 'ada%40x'");
    expect(draft.warnings.find((w) => w.code === 'generatedSecret')?.message).toContain(
      'passwordProfile.password',
    );
  });

  it('restores a deleted object first, then patches what differs', () => {
    const record: SnapshotRecord = {
      id: 'u2',
      object: { id: 'u2', displayName: 'Bob', city: 'Oslo' },
    };
    const s = state(users, record, 'deleted', { id: 'u2', displayName: 'Bob', city: 'Rome' });
    const draft = new PlanDraft();
    planObjectActions(s, new ReferenceResolver([s]), request(), draft);
    expect(draft.actions.map((a) => [a.kind, a.method, a.path])).toEqual([
      ['restoreDeleted', 'POST', '/directory/deletedItems/u2/restore'],
      ['update', 'PATCH', '/users/u2'],
    ]);
    expect(draft.actions[1].body).toEqual({ city: 'Oslo' });
  });

  it('counts an equal object as a no-op', () => {
    const record: SnapshotRecord = { id: 'u3', object: { id: 'u3', displayName: 'C' } };
    const s = state(users, record, 'present', { id: 'u3', displayName: 'C', createdDateTime: 'y' });
    const draft = new PlanDraft();
    planObjectActions(s, new ReferenceResolver([s]), request(), draft);
    expect(draft.actions).toHaveLength(0);
    expect(draft.noop).toBe(1);
  });

  it('rewrites references to re-created objects into placeholders and keeps live ones', () => {
    const newGroup = state(
      groups,
      { id: 'g-new', object: { id: 'g-new', displayName: 'G' } },
      'absent',
    );
    const policy = state(ca, policyRecord, 'absent');
    const draft = new PlanDraft();
    const resolver = new ReferenceResolver([newGroup, policy], new Set(['g-gone']));
    planObjectActions(policy, resolver, request(), draft);
    const body = draft.actions[0].body as { conditions: { users: { excludeGroups: string[] } } };
    expect(body.conditions.users.excludeGroups).toEqual(['g-gone', '{{id:groups:g-new}}']);
    expect((body as Record<string, unknown>)['@odata.type']).toBe(
      '#microsoft.graph.conditionalAccessPolicy',
    );
    expect(body).not.toHaveProperty('createdDateTime');
  });

  it('writes the new id of an object an earlier restore re-created outside the restore set', () => {
    const policy = state(ca, policyRecord, 'absent');
    const draft = new PlanDraft();
    const resolver = new ReferenceResolver(
      [policy],
      new Set(['g-new']),
      undefined,
      new Map([['g-gone', 'g-recreated']]),
    );
    planObjectActions(policy, resolver, request(), draft);
    const body = draft.actions[0].body as { conditions: { users: { excludeGroups: string[] } } };
    expect(body.conditions.users.excludeGroups).toEqual(['g-recreated', 'g-new']);
    expect(draft.warnings.map((w) => w.code)).not.toContain('caPolicyBlocked');
  });

  it('blocks a CA policy that would lose an exclusion (block mode)', () => {
    const policy = state(ca, policyRecord, 'present', { ...policyRecord.object, conditions: {} });
    const newGroup = state(groups, { id: 'g-new', object: { id: 'g-new' } }, 'absent');
    const draft = new PlanDraft();
    planObjectActions(policy, new ReferenceResolver([policy, newGroup]), request(), draft);
    expect(draft.actions.map((a) => a.kind)).toEqual(['blocked']);
    expect(draft.actions[0].reason).toMatch(/g-gone/);
    expect(draft.warnings.map((w) => w.code)).toEqual(['caPolicyBlocked']);
  });

  it('writes a losing CA policy disabled with a warning (createDisabled mode)', () => {
    const policy = state(ca, policyRecord, 'absent');
    const newGroup = state(groups, { id: 'g-new', object: { id: 'g-new' } }, 'absent');
    const draft = new PlanDraft();
    planObjectActions(
      policy,
      new ReferenceResolver([policy, newGroup]),
      request({ caPolicyLossMode: 'createDisabled' }),
      draft,
    );
    const body = draft.actions[0].body as {
      state: string;
      conditions: { users: { excludeGroups: string[] } };
    };
    expect(draft.actions[0].kind).toBe('create');
    expect(body.state).toBe('disabled');
    expect(body.conditions.users.excludeGroups).toEqual(['{{id:groups:g-new}}']);
    expect(draft.warnings.map((w) => w.code)).toEqual(['caPolicyDisabled']);
  });
});

describe('relationships and children', () => {
  const member = state(users, { id: 'u-new', object: { id: 'u-new' } }, 'absent');
  const live = state(users, { id: 'u-live', object: { id: 'u-live' } }, 'present', {});
  const group = state(
    groups,
    {
      id: 'g1',
      object: { id: 'g1', groupTypes: [] },
      relationships: { members: ['u-new', 'u-live', 'u-gone'] },
    },
    'present',
    {},
  );

  it('merge adds missing links (placeholders for new objects) and warns about dangling ones', () => {
    const draft = new PlanDraft();
    const resolver = new ReferenceResolver([member, live, group]);
    planLinkActions(
      group,
      groups.relationships[0],
      ['u-live', 'u-extra'],
      resolver,
      request(),
      draft,
    );
    expect(draft.actions.map((a) => [a.kind, a.path, a.body])).toEqual([
      [
        'addLink',
        '/groups/g1/members/$ref',
        { '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/{{id:users:u-new}}' },
      ],
    ]);
    expect(draft.warnings.map((w) => w.code)).toEqual(['danglingReference']);
  });

  it('rollback also removes links the backup did not have; skip writes none', () => {
    const resolver = new ReferenceResolver([member, live, group]);
    const rollback = new PlanDraft();
    planLinkActions(
      group,
      groups.relationships[0],
      ['u-live', 'u-extra'],
      resolver,
      request({ relationshipMode: 'rollback' }),
      rollback,
    );
    expect(rollback.actions.map((a) => [a.kind, a.path])).toEqual([
      ['addLink', '/groups/g1/members/$ref'],
      ['removeLink', '/groups/g1/members/u-extra/$ref'],
    ]);
    const skip = new PlanDraft();
    planLinkActions(
      group,
      groups.relationships[0],
      [],
      resolver,
      request({ relationshipMode: 'skip' }),
      skip,
    );
    expect(skip.actions).toHaveLength(0);
  });

  it('never writes members of a dynamic group', () => {
    const dynamic = state(
      groups,
      {
        id: 'g2',
        object: { id: 'g2', groupTypes: ['DynamicMembership'] },
        relationships: { members: ['u-live'] },
      },
      'present',
      {},
    );
    const draft = new PlanDraft();
    planLinkActions(
      dynamic,
      groups.relationships[0],
      [],
      new ReferenceResolver([dynamic, live]),
      request(),
      draft,
    );
    expect(draft.actions).toHaveLength(0);
  });

  it('creates a missing app role assignment with rewritten principal and resource ids', () => {
    const sps = module({
      id: 'servicePrincipals',
      children: [
        {
          name: 'appRoleAssignedTo',
          listPath: '/servicePrincipals/{id}/appRoleAssignedTo',
          readOnlyProperties: ['id', 'principalDisplayName'],
          references: [
            { path: 'principalId', targets: ['users'] },
            { path: 'resourceId', targets: ['servicePrincipals'] },
          ],
          restore: 'create',
          matchBy: ['appRoleId', 'principalId'],
        },
      ],
    });
    const sp = state(
      sps,
      {
        id: 'sp1',
        object: { id: 'sp1', appId: 'app1' },
        children: {
          appRoleAssignedTo: [
            {
              id: 'x',
              appRoleId: 'r1',
              principalId: 'u-new',
              resourceId: 'sp1',
              principalDisplayName: 'n',
            },
          ],
        },
      },
      'absent',
    );
    const draft = new PlanDraft();
    planChildActions(
      sp,
      sps.children[0],
      [],
      new ReferenceResolver([sp, member]),
      request(),
      draft,
    );
    expect(draft.actions[0]).toMatchObject({
      kind: 'createChild',
      path: '/servicePrincipals/{{id:servicePrincipals:sp1}}/appRoleAssignedTo',
      body: {
        appRoleId: 'r1',
        principalId: '{{id:users:u-new}}',
        resourceId: '{{id:servicePrincipals:sp1}}',
      },
    });
  });
});

describe('Graph-prefixed child properties', () => {
  const prefix = { property: 'name', pattern: '^extension_[0-9a-fA-F]{32}_' };
  const appId = '0123456789abcdef0123456789abcdef';

  it('creates an extension property without the prefix and matches it whatever the appId', () => {
    const apps = module({
      id: 'applications',
      children: [
        {
          name: 'extensionProperties',
          listPath: '/applications/{id}/extensionProperties',
          readOnlyProperties: ['id'],
          references: [],
          restore: 'create',
          matchBy: ['name'],
          graphPrefix: prefix,
        },
      ],
    });
    const backup = { id: 'e1', name: `extension_${appId}_jobGroup`, dataType: 'String' };
    const app = state(
      apps,
      { id: 'a1', object: { id: 'a1' }, children: { extensionProperties: [backup] } },
      'present',
      {},
    );
    const draft = new PlanDraft();
    planChildActions(app, apps.children[0], [], new ReferenceResolver([app]), request(), draft);
    expect(draft.actions[0].body).toEqual({ name: 'jobGroup', dataType: 'String' });
    expect(draft.actions[0].match?.properties).toEqual({ name: 'jobGroup' });

    // Live under a re-created app (another appId): the same property, nothing to do.
    const again = new PlanDraft();
    const live = { ...backup, id: 'e2', name: `extension_${'f'.repeat(32)}_jobGroup` };
    planChildActions(app, apps.children[0], [live], new ReferenceResolver([app]), request(), again);
    expect(again.actions).toHaveLength(0);
    expect(withoutGraphPrefix(prefix, live).name).toBe('jobGroup');
  });
});

describe('waves, hash and rendering', () => {
  it('orders modules by dependencies and actions by kind within a wave', () => {
    expect(
      dependencyWaves(
        ['conditionalAccessPolicies', 'groups', 'users'],
        (id) =>
          ({ users: [], groups: ['users'], conditionalAccessPolicies: ['users', 'groups'] })[id] ??
          [],
      ),
    ).toEqual([['users'], ['groups'], ['conditionalAccessPolicies']]);
    const draft = new PlanDraft();
    draft.add({ moduleId: 'users', objectId: 'a', kind: 'update', dependsOn: new Set() });
    draft.add({ moduleId: 'users', objectId: 'b', kind: 'create', dependsOn: new Set() });
    draft.add({ moduleId: 'users', objectId: 'c', kind: 'restoreDeleted', dependsOn: new Set() });
    // A link of a user to a group created in wave 2 moves to wave 2.
    draft.add({
      moduleId: 'users',
      objectId: 'd',
      kind: 'addLink',
      body: { x: '{{id:groups:g}}' },
      dependsOn: new Set(),
    });
    const waves = assembleWaves([['users'], ['groups']], draft.actions);
    expect(waves.map((w) => w.actions.map((a) => a.actionId))).toEqual([
      ['users:c:restoreDeleted', 'users:b:create', 'users:a:update'],
      ['users:d:addLink'],
    ]);
  });

  it('hash ignores planId/createdAt and changes with content; renderPlan shows before → after', () => {
    const draft = new PlanDraft();
    draft.add({
      moduleId: 'users',
      objectId: 'u1',
      displayName: 'Ada',
      kind: 'update',
      diff: [{ property: 'city', before: 'Rome', after: 'Oslo' }],
      dependsOn: new Set(),
    });
    const waves = assembleWaves([['users']], draft.actions);
    const a = buildPlan(request(), 'plan-a', new Date(1), waves, [], 2);
    const b = buildPlan(request(), 'plan-b', new Date(2), waves, [], 2);
    const c = buildPlan(
      request({ relationshipMode: 'rollback' }),
      'plan-a',
      new Date(1),
      waves,
      [],
      2,
    );
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
    expect(a.counts).toMatchObject({ update: 1, noop: 2, create: 0 });
    const text = renderPlan(a);
    expect(text).toContain('UPDATE users Ada (u1)');
    expect(text).toContain('city: "Rome" → "Oslo"');
    expect(renderPlan(a, { maxActions: 0 })).toContain('1 more actions not shown');
  });
});
