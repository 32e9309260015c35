import { ALL_MODULES } from '../../../shared/modules';
import type { ModuleDefinition } from '../../../shared/modules/types';
import {
  applicationGrants,
  leastApplicationPermissions,
  loadPermissionsReference,
  normalizeGraphPath,
} from '../../support/graphPermissions';

interface Operation {
  method: string;
  path: string;
  kind: 'read' | 'write';
}

/**
 * Declared permissions that are broader than the reference's least-privileged one, on purpose.
 * `over` lists the least-privileged permissions each one stands in for (the reference sometimes
 * also flags a broader ReadWrite permission as least; that one is never the narrower choice).
 */
const FULL_FIDELITY_EXCEPTIONS = [
  {
    permission: 'User.Read.All',
    over: ['User.ReadBasic.All'],
    reason: 'User.ReadBasic.All returns only basic profile properties, not a full-fidelity user.',
  },
  {
    permission: 'Group.Read.All',
    over: ['Group.ReadBasic.All', 'Group-NestingSupport.ReadWrite.All'],
    reason:
      'Group.ReadBasic.All returns only basic properties; Group-NestingSupport.ReadWrite.All (flagged on reads too) covers nesting only and would grant writes.',
  },
  {
    permission: 'Group.ReadWrite.All',
    over: ['Group-NestingSupport.ReadWrite.All'],
    reason:
      'Group-NestingSupport.ReadWrite.All only allows nesting groups, not updating group properties.',
  },
  {
    permission: 'Application.Read.All',
    over: ['Application.ReadWrite.OwnedBy'],
    reason:
      'OwnedBy only reaches applications the backup app owns; a tenant backup must read them all.',
  },
  {
    permission: 'Organization.Read.All',
    over: ['DeviceManagementServiceConfig.Read.All'],
    reason:
      'the reference flags an Intune permission on /organization only because an Intune path set overlaps it; Organization.Read.All is the directory permission for the tenant object.',
  },
  {
    permission: 'Organization.ReadWrite.All',
    over: ['DeviceManagementServiceConfig.ReadWrite.All'],
    reason:
      'as for reads: the Intune permission is flagged through a path-set overlap and does not cover the notification and privacy properties.',
  },
  {
    permission: 'ExternalConnection.Read.All',
    over: ['ExternalConnection.ReadWrite.OwnedBy'],
    reason:
      'OwnedBy only reaches connections the backup app created; a tenant backup must read them all (and must not need write access).',
  },
  {
    permission: 'ExternalConnection.ReadWrite.All',
    over: ['ExternalConnection.ReadWrite.OwnedBy'],
    reason:
      'OwnedBy only reaches connections the restoring app created; restore must update connections any app created.',
  },
  {
    permission: 'Application.ReadWrite.All',
    over: ['Application.ReadWrite.OwnedBy', 'AppRegistration.Create'],
    reason:
      'OwnedBy only reaches applications the app owns and AppRegistration.Create only creates; restore must update any application.',
  },
];

/**
 * Operations the permissions reference does not list (or lists without the type's permission),
 * with the permission the Graph documentation names for them.
 */
const REFERENCE_GAPS: {
  module: string;
  method: string;
  path: string;
  permission: string;
  reason: string;
}[] = [
  {
    module: 'administrativeUnits',
    method: 'GET',
    path: '/directory/administrativeUnits/delta',
    permission: 'AdministrativeUnit.Read.All',
    reason:
      'delta of administrative units is missing from the reference; delta needs the read permission of the resource.',
  },
  {
    module: 'groups',
    method: 'POST',
    path: '/groups/{id}/members/$ref',
    permission: 'GroupMember.ReadWrite.All',
    reason:
      'the reference lists DELETE but not POST on group members; the add-member doc names GroupMember.ReadWrite.All.',
  },
  ...['groups', 'applications', 'servicePrincipals', 'administrativeUnits'].map((module) => ({
    module,
    method: 'POST',
    path: '/directory/deletedItems/{id}/restore',
    permission:
      module === 'groups'
        ? 'Group.ReadWrite.All'
        : module === 'administrativeUnits'
          ? 'AdministrativeUnit.ReadWrite.All'
          : 'Application.ReadWrite.All',
    reason:
      "the reference lists only user permissions for deletedItems restore; the restore doc names each type's ReadWrite permission.",
  })),
  {
    module: 'conditionalAccessPolicies',
    method: 'POST',
    path: '/identity/conditionalAccess/deletedItems/policies/{id}/restore',
    permission: 'Policy.ReadWrite.ConditionalAccess',
    reason:
      'not in the reference; documented with Policy.ReadWrite.ConditionalAccess (app support unverified, see caveat).',
  },
  {
    module: 'appManagementPolicies',
    method: 'DELETE',
    path: '/applications/{refId}/appManagementPolicies/{id}/$ref',
    permission: 'Policy.ReadWrite.ApplicationConfiguration',
    reason:
      "the reference lists POST but not DELETE on an application's appManagementPolicies; the remove doc names Policy.ReadWrite.ApplicationConfiguration.",
  },
  {
    module: 'namedLocations',
    method: 'POST',
    path: '/identity/conditionalAccess/deletedItems/namedLocations/{id}/restore',
    permission: 'Policy.ReadWrite.ConditionalAccess',
    reason: 'not in the reference; documented with Policy.ReadWrite.ConditionalAccess.',
  },
];

/**
 * Modules whose objects Graph cannot delete (catalogue 0.3.0). types.ts has no "never delete"
 * field: the restore engine deletes a top-level object only to replace an immutable one, so no
 * DELETE is sent to these as long as they are not immutable (checked below).
 */
const NOT_DELETABLE_IN_GRAPH: Record<string, string> = {
  attributeSets: 'attribute sets cannot be deleted',
  customSecurityAttributeDefinitions:
    "definitions are deactivated (status 'Deprecated'), not deleted",
};

function operationsOf(m: ModuleDefinition): Operation[] {
  const ops: Operation[] = [{ method: 'GET', path: m.listPath, kind: 'read' }];
  if (m.delta) ops.push({ method: 'GET', path: m.delta.path, kind: 'read' });
  for (const r of m.relationships) {
    if (r.readVia === 'perObject') {
      ops.push({ method: 'GET', path: `${m.itemPath}/${r.name}`, kind: 'read' });
    }
    ops.push({ method: r.cardinality === 'many' ? 'POST' : 'PUT', path: r.addPath, kind: 'write' });
    ops.push({ method: 'DELETE', path: r.removePath, kind: 'write' });
  }
  for (const c of m.children) {
    ops.push({ method: 'GET', path: c.listPath, kind: 'read' });
    if (c.restore === 'backupOnly') continue;
    if (c.cardinality === 'one') {
      ops.push({ method: 'PATCH', path: c.listPath, kind: 'write' });
      continue;
    }
    ops.push({ method: 'POST', path: c.listPath, kind: 'write' });
    ops.push({ method: 'DELETE', path: `${c.listPath}/{childId}`, kind: 'write' });
    if (c.restore === 'createOrPatch') {
      ops.push({ method: 'PATCH', path: `${c.listPath}/{childId}`, kind: 'write' });
    }
  }
  const restore = m.restore;
  if (restore.kind === 'singleton')
    ops.push({ method: restore.method, path: restore.path, kind: 'write' });
  if (restore.kind === 'createOrUpdate') {
    if (!restore.updateOnly)
      ops.push({ method: 'POST', path: restore.createPath ?? m.listPath, kind: 'write' });
    if (!restore.immutable && !restore.createOnly) {
      ops.push({
        method: restore.updateMethod ?? 'PATCH',
        path: restore.updatePath,
        kind: 'write',
      });
    }
    if (!restore.createOnly && !restore.updateOnly && !(m.id in NOT_DELETABLE_IN_GRAPH))
      ops.push({ method: 'DELETE', path: m.itemPath, kind: 'write' });
    if (restore.softDelete)
      ops.push({ method: 'POST', path: restore.softDelete.restorePath, kind: 'write' });
  }
  return ops;
}

function declared(m: ModuleDefinition, kind: 'read' | 'write'): string[] {
  if (kind === 'read') return m.permissions.read;
  return [...m.permissions.write, ...m.children.flatMap((c) => c.writePermissions ?? [])];
}

function gapFor(m: ModuleDefinition, op: Operation) {
  return REFERENCE_GAPS.find(
    (g) =>
      g.module === m.id &&
      g.method === op.method &&
      normalizeGraphPath(g.path) === normalizeGraphPath(op.path),
  );
}

/** Problems with the permissions a module declares for one operation; empty when all is well. */
function checkOperation(m: ModuleDefinition, op: Operation): string[] {
  const label = `${m.id}: ${op.method} ${op.path}`;
  const mine = declared(m, op.kind);
  const held = new Set([...m.permissions.read, ...declared(m, 'write')]);
  const gap = gapFor(m, op);
  const grants = applicationGrants(op.method, op.path);
  const granting = grants.filter((g) => mine.includes(g.permission));
  if (granting.length === 0) {
    if (gap && mine.includes(gap.permission)) return [];
    return [
      `${label}: none of ${mine.join(', ')} grants application access (grants: ${grants.map((g) => g.permission).join(', ') || 'none'})`,
    ];
  }
  if (gap)
    return [`${label}: listed as a reference gap, but the reference grants it: remove the gap`];
  const problems: string[] = [];
  const least = leastApplicationPermissions(op.method, op.path);
  const isLeast = granting.some((g) => least.includes(g.permission));
  // Combinations such as Conditional Access writes: the reference flags the read permission.
  const leastHeld = least.every((p) => held.has(p));
  const excused = granting.some((g) =>
    FULL_FIDELITY_EXCEPTIONS.some(
      (e) => e.permission === g.permission && least.some((p) => e.over.includes(p)),
    ),
  );
  if (!isLeast && !leastHeld && !excused) {
    problems.push(
      `${label}: ${granting.map((g) => g.permission).join(', ')} is not least-privileged (least: ${least.join(', ')})`,
    );
  }
  // The reference lists one grant per alternative companion (…+All, …+OwnedBy): a permission
  // is usable when one of its grants has every companion held.
  for (const permission of new Set(granting.map((g) => g.permission))) {
    const alternatives = granting.filter((g) => g.permission === permission);
    if (alternatives.some((g) => g.alsoRequires.every((p) => held.has(p)))) continue;
    const missing = alternatives[0].alsoRequires.filter((p) => !held.has(p));
    problems.push(`${label}: ${permission} also requires ${missing.join(', ')}`);
  }
  return problems;
}

describe('module permissions against the Graph permissions reference', () => {
  it('names only permissions that exist', () => {
    const names = loadPermissionsReference().names;
    const all = ALL_MODULES.flatMap((m) => [...declared(m, 'read'), ...declared(m, 'write')]);
    expect(all.filter((p) => !names.has(p))).toEqual([]);
    expect(
      FULL_FIDELITY_EXCEPTIONS.flatMap((e) => [e.permission, ...e.over]).filter(
        (p) => !names.has(p),
      ),
    ).toEqual([]);
  });

  it.each(ALL_MODULES.filter((m) => !m.delegatedOnly).map((m) => [m.id, m] as const))(
    '%s declares granting, least-privileged application permissions',
    (_id, m) => {
      expect(operationsOf(m).flatMap((op) => checkOperation(m, op))).toEqual([]);
    },
  );

  it.each(ALL_MODULES.filter((m) => m.delegatedOnly).map((m) => [m.id, m] as const))(
    '%s is delegated-only: no application grant, a delegated one for each read',
    (_id, m) => {
      const reference = loadPermissionsReference();
      for (const op of operationsOf(m)) {
        expect(applicationGrants(op.method, op.path)).toEqual([]);
        const delegated = (
          reference.grants.get(`${op.method} ${normalizeGraphPath(op.path)}`) ?? []
        ).filter((g) => g.schemes.includes('DelegatedWork'));
        expect(delegated.map((g) => g.permission)).toEqual(
          expect.arrayContaining(declared(m, op.kind)),
        );
      }
      // Nothing can be written app-only, so the module must be backup-only.
      expect(m.restore.kind).toBe('backupOnly');
    },
  );

  it('sends no DELETE to objects Graph cannot delete', () => {
    for (const [id, reason] of Object.entries(NOT_DELETABLE_IN_GRAPH)) {
      const m = ALL_MODULES.find((x) => x.id === id);
      expect({ id, found: m !== undefined, reason }).toEqual({ id, found: true, reason });
      // Immutable objects are replaced by DELETE + POST, which Graph would refuse here.
      expect(m!.restore).toMatchObject({ kind: 'createOrUpdate' });
      expect(m!.restore.kind === 'createOrUpdate' && m!.restore.immutable).toBeFalsy();
      // Still true of Graph: when the reference grants a DELETE, remove the module from the list.
      expect(applicationGrants('DELETE', m!.itemPath)).toEqual([]);
    }
  });

  it('lists only reference gaps that belong to a module operation', () => {
    const orphans = REFERENCE_GAPS.filter((g) => {
      const m = ALL_MODULES.find((x) => x.id === g.module);
      return !m || !operationsOf(m).some((op) => gapFor(m, op) === g);
    });
    expect(orphans).toEqual([]);
  });

  it('uses every exception at least once', () => {
    const used = new Set<string>();
    for (const m of ALL_MODULES) {
      for (const op of operationsOf(m)) {
        const least = leastApplicationPermissions(op.method, op.path);
        for (const e of FULL_FIDELITY_EXCEPTIONS) {
          if (
            declared(m, op.kind).includes(e.permission) &&
            !least.includes(e.permission) &&
            least.some((p) => e.over.includes(p))
          ) {
            used.add(e.permission);
          }
        }
      }
    }
    expect(FULL_FIDELITY_EXCEPTIONS.map((e) => e.permission).filter((p) => !used.has(p))).toEqual(
      [],
    );
  });
});
