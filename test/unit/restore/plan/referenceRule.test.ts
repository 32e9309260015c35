import { getModule } from '../../../../shared/modules';
import type { ModuleDefinition, SnapshotRecord } from '../../../../shared/modules/types';
import { BackupIndex } from '../../../../shared/restore/plan/backupIndex';
import { planLinkActions } from '../../../../shared/restore/plan/linkActions';
import { planObjectActions } from '../../../../shared/restore/plan/objectActions';
import type { ObjectState, ObjectStatus } from '../../../../shared/restore/plan/objectStates';
import { PlanDraft } from '../../../../shared/restore/plan/planDraft';
import { ReferenceResolver } from '../../../../shared/restore/plan/referenceResolver';
import type { RestoreRequest } from '../../../../shared/restore/restoreTypes';

/**
 * The reference rule (docs/restore-semantics.md): a restore loses a reference only when the
 * backup resolved it to an object that is neither live nor restored; ids the backup could not
 * resolve and Microsoft's own ids are kept verbatim and never block (Microsoft365DSC #4975 and
 * #4342, DCToolbox #12).
 */
const mod = (id: string): ModuleDefinition => getModule(id)!;
const CA = mod('conditionalAccessPolicies');
const GROUPS = mod('groups');
const USERS = mod('users');
const SPS = mod('servicePrincipals');
const ROLES = mod('roleDefinitions');
const LOCATIONS = mod('namedLocations');
const AUTH_METHODS = mod('authenticationMethodsPolicy');

const EXCHANGE_ONLINE = '00000002-0000-0ff1-ce00-000000000000';
const GA_TEMPLATE = '62e90394-69f5-4237-9190-012177145e10';
const GONE_GROUP = '0a0a0a0a-0000-4000-8000-000000000001'; // in the backup, gone for good, not restored
const STALE_GROUP = '0a0a0a0a-0000-4000-8000-000000000002'; // deleted before the backup
const BREAK_GLASS = '0a0a0a0a-0000-4000-8000-000000000003'; // in the backup and re-created
const LOCATION = '0a0a0a0a-0000-4000-8000-000000000004';
const USER = '0a0a0a0a-0000-4000-8000-000000000005';
const MS_APP = '0a0a0a0a-0000-4000-8000-000000000006'; // a first-party app known only to the backup
const POLICY = '0a0a0a0a-0000-4000-8000-0000000000aa';

const request = (mode: RestoreRequest['caPolicyLossMode'] = 'block'): RestoreRequest => ({
  tenantId: 't',
  source: { kind: 'snapshot', snapshotId: 's' },
  selection: {},
  relationshipMode: 'merge',
  caPolicyLossMode: mode,
});

const record = (
  id: string,
  object: Record<string, unknown>,
  extra: Partial<SnapshotRecord> = {},
) => ({
  id,
  object: { id, ...object },
  ...extra,
});

const state = (
  module: ModuleDefinition,
  rec: SnapshotRecord,
  status: ObjectStatus,
  live?: Record<string, unknown>,
): ObjectState => ({
  module,
  record: rec,
  status,
  liveId: status === 'absent' ? undefined : rec.id,
  live,
});

const policy = (conditions: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  displayName: 'Require MFA',
  state: 'enabled',
  conditions: {
    applications: { includeApplications: ['All'], excludeApplications: [] },
    users: {
      includeUsers: ['All'],
      excludeUsers: [],
      includeGroups: [],
      excludeGroups: [],
      includeRoles: [],
      excludeRoles: [],
    },
    ...conditions,
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  ...extra,
});

/** The backup holds the gone group, the break-glass group, the location, a user, a Microsoft SP. */
function backupIndex(): BackupIndex {
  const index = new BackupIndex();
  index.add('groups', GROUPS, record(GONE_GROUP, { displayName: 'Gone' }));
  index.add('groups', GROUPS, record(BREAK_GLASS, { displayName: 'Break glass' }));
  index.add('namedLocations', LOCATIONS, record(LOCATION, { displayName: 'HQ' }));
  index.add('users', USERS, record(USER, { displayName: 'Ann' }));
  index.add(
    'servicePrincipals',
    SPS,
    record('sp-ms', {
      appId: MS_APP,
      appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
    }),
  );
  index.add(
    'roleDefinitions',
    ROLES,
    record(GA_TEMPLATE, { templateId: GA_TEMPLATE, isBuiltIn: true }),
  );
  return index;
}

/** The restore set: the break-glass group (hard-deleted, re-created), the GA role (built in). */
function restoreStates(): ObjectState[] {
  return [
    state(
      GROUPS,
      record(BREAK_GLASS, { displayName: 'Break glass', mailEnabled: false, groupTypes: [] }),
      'absent',
    ),
    state(ROLES, record(GA_TEMPLATE, { templateId: GA_TEMPLATE, isBuiltIn: true }), 'builtIn'),
  ];
}

function plan(policyState: ObjectState, mode: RestoreRequest['caPolicyLossMode'] = 'block') {
  const resolver = new ReferenceResolver(
    [...restoreStates(), policyState],
    new Set(),
    undefined,
    undefined,
    backupIndex(),
  );
  const draft = new PlanDraft();
  const writable = planObjectActions(policyState, resolver, request(mode), draft);
  return { draft, writable, codes: draft.warnings.map((w) => w.code) };
}

describe('reference rule: kept verbatim', () => {
  it('keeps a group id the backup could not resolve, lists it once as danglingAtBackup, never blocks', () => {
    const backup = record(
      POLICY,
      policy({ users: { includeUsers: ['All'], excludeGroups: [STALE_GROUP, STALE_GROUP] } }),
    );
    const { draft, codes } = plan(state(CA, backup, 'absent'));
    expect(draft.actions.map((a) => a.kind)).toEqual(['create']);
    const body = draft.actions[0].body as { conditions: { users: { excludeGroups: string[] } } };
    expect(body.conditions.users.excludeGroups).toEqual([STALE_GROUP, STALE_GROUP]);
    expect(codes.filter((c) => c === 'danglingAtBackup')).toHaveLength(1);
    expect(codes).not.toContain('caPolicyBlocked');
  });

  it('keeps a first-party application id (catalogue list) and one the backup knows as Microsoft-owned', () => {
    const backup = record(
      POLICY,
      policy({
        applications: { includeApplications: [EXCHANGE_ONLINE, MS_APP], excludeApplications: [] },
      }),
    );
    const { draft, codes } = plan(state(CA, backup, 'absent'));
    const body = draft.actions[0].body as {
      conditions: { applications: { includeApplications: string[] } };
    };
    expect(body.conditions.applications.includeApplications).toEqual([EXCHANGE_ONLINE, MS_APP]);
    expect(codes.filter((c) => c === 'microsoftOwned')).toHaveLength(1);
    expect(draft.warnings.find((w) => w.code === 'microsoftOwned')!.message).toContain(
      EXCHANGE_ONLINE,
    );
  });

  it('keeps special values and built-in role template ids without a warning', () => {
    const backup = record(
      POLICY,
      policy({
        users: {
          includeUsers: ['All'],
          excludeUsers: ['GuestsOrExternalUsers'],
          includeRoles: [GA_TEMPLATE],
        },
        locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
        applications: { includeApplications: ['Office365', 'MicrosoftAdminPortals'] },
      }),
    );
    const { draft } = plan(state(CA, backup, 'absent'));
    expect(draft.actions.map((a) => a.kind)).toEqual(['create']);
    expect(draft.warnings).toEqual([]);
    expect(JSON.stringify(draft.actions[0].body)).toContain(GA_TEMPLATE);
  });
});

describe('reference rule: lost', () => {
  const withLost = () =>
    record(POLICY, policy({ users: { includeUsers: ['All'], excludeGroups: [GONE_GROUP] } }));

  it('blocks a policy whose write would lose an exclusion the backup resolved (M365DSC #4342)', () => {
    const { draft, writable, codes } = plan(state(CA, withLost(), 'absent'));
    expect(writable).toBe(false);
    expect(draft.actions.map((a) => a.kind)).toEqual(['blocked']);
    expect(codes).toEqual(['caPolicyBlocked']);
  });

  it('with --ca-loss createDisabled writes it disabled and without the lost id', () => {
    const { draft, codes } = plan(state(CA, withLost(), 'absent'), 'createDisabled');
    const action = draft.actions[0];
    expect(action.kind).toBe('create');
    const body = action.body as {
      state: string;
      conditions: { users: { excludeGroups: string[] } };
    };
    expect(body.state).toBe('disabled');
    expect(body.conditions.users.excludeGroups).toEqual([]);
    expect(action.diff).toContainEqual({ property: 'state', before: null, after: 'disabled' });
    expect(codes).toEqual(['caPolicyDisabled']);
  });

  it('a rename of a live policy never re-sends the untouched conditions, so nothing is lost', () => {
    const live = {
      id: POLICY,
      ...withLost().object,
      displayName: 'Renamed by attacker',
      state: 'disabled',
    };
    const { draft, codes } = plan(state(CA, withLost(), 'present', live));
    expect(draft.actions).toHaveLength(1);
    expect(draft.actions[0]).toMatchObject({
      kind: 'update',
      method: 'PATCH',
      body: { displayName: 'Require MFA', state: 'enabled' },
    });
    expect(codes).toEqual([]);
  });

  it('a conditions change sends only the changed sub-object, rewritten to the re-created group', () => {
    const backup = record(
      POLICY,
      policy({ users: { includeUsers: ['All'], excludeGroups: [BREAK_GLASS] } }),
    );
    const live = { id: POLICY, ...policy({ users: { includeUsers: ['All'], excludeGroups: [] } }) };
    const { draft } = plan(state(CA, backup, 'present', live));
    expect(draft.actions[0].body).toEqual({
      conditions: {
        users: { includeUsers: ['All'], excludeGroups: [`{{id:groups:${BREAK_GLASS}}}`] },
      },
    });
  });

  it('a policy whose lost reference is in a sub-object it must rewrite is blocked', () => {
    const backup = record(
      POLICY,
      policy({ users: { includeUsers: [USER], excludeGroups: [GONE_GROUP] } }),
    );
    const live = { id: POLICY, ...policy({ users: { includeUsers: ['All'], excludeGroups: [] } }) };
    const { draft, codes } = plan(state(CA, backup, 'present', live));
    expect(draft.actions.map((a) => a.kind)).toEqual(['blocked']);
    expect(codes).toEqual(['caPolicyBlocked']);
  });

  it('other modules drop a lost reference with a warning and keep a stale one (authentication methods)', () => {
    const methods = (targets: string[]) => ({
      authenticationMethodConfigurations: [
        {
          id: 'Fido2',
          state: 'enabled',
          includeTargets: targets.map((id) => ({ id, targetType: 'group' })),
        },
      ],
    });
    const backup = record(
      'authenticationMethodsPolicy',
      methods([GONE_GROUP, STALE_GROUP, 'all_users']),
    );
    const live = { id: 'authenticationMethodsPolicy', ...methods([]) };
    const s = state(AUTH_METHODS, backup, 'singleton', live);
    const resolver = new ReferenceResolver([s], new Set(), undefined, undefined, backupIndex());
    const draft = new PlanDraft();
    planObjectActions(s, resolver, request(), draft);
    const body = draft.actions[0].body as ReturnType<typeof methods>;
    expect(body.authenticationMethodConfigurations[0].includeTargets.map((t) => t.id)).toEqual([
      STALE_GROUP,
      'all_users',
    ]);
    expect(draft.warnings.map((w) => w.code).sort()).toEqual([
      'danglingAtBackup',
      'danglingReference',
    ]);
  });
});

describe('Exchange-managed groups and relationships that come back by themselves', () => {
  it('plans no write to a mail-enabled security group and reports it as exchangeManaged', () => {
    const backup = record('dl', {
      displayName: 'Finance',
      mailEnabled: true,
      securityEnabled: true,
      groupTypes: [],
      description: 'x',
    });
    const s = state(GROUPS, backup, 'absent');
    const draft = new PlanDraft();
    const writable = planObjectActions(s, new ReferenceResolver([s]), request(), draft);
    expect(writable).toBe(false);
    expect(draft.actions).toEqual([]);
    expect(draft.warnings[0]).toMatchObject({ code: 'exchangeManaged' });
    expect(draft.warnings[0].message).toContain('Exchange Online');
  });

  it('adds a membership of a user restored from deleted items only if Graph does not bring it back', () => {
    const group = state(
      GROUPS,
      record(
        'g1',
        { displayName: 'Sales', mailEnabled: true, groupTypes: ['Unified'] },
        { relationships: { members: [USER] } },
      ),
      'present',
      { id: 'g1', displayName: 'Sales', mailEnabled: true, groupTypes: ['Unified'] },
    );
    const user = state(USERS, record(USER, { displayName: 'Ann' }), 'deleted', { id: USER });
    const draft = new PlanDraft();
    planLinkActions(
      group,
      GROUPS.relationships[0],
      [],
      new ReferenceResolver([group, user]),
      request(),
      draft,
    );
    // Graph restores the user's memberships with it: the add is conditional on the group's member
    // list (read first by the applier), so a membership removed before the deletion still comes back.
    expect(draft.actions).toHaveLength(1);
    expect(draft.actions[0]).toMatchObject({
      kind: 'addLink',
      comesBack: { linkListPath: '/groups/g1/members?$select=id', linkedId: USER },
    });
    expect(draft.restoredWithObject).toBe(1);
  });
});
