import { ALL_MODULES } from '../../../shared/modules';
import type { ModuleDefinition } from '../../../shared/modules/types';
import { loadCsdl, navigationPropertiesOf, propertiesOf, resolvePath } from '../../support/csdl';

/**
 * Read-only properties kept although the v1.0 type no longer declares them: the docs still call
 * them read-only (graph-examples/readonly.json), and stripping an absent property is harmless.
 */
const RETIRED_READ_ONLY: Record<string, string[]> = {
  users: ['refreshTokensValidFromDateTime'],
  organization: ['isMultipleDataLocationsForServicesEnabled'],
};

/**
 * Properties of derived types that a module of a polymorphic base type must still name:
 * identityProviderBase declares only displayName, its social and OpenID Connect subtypes carry
 * the write-only client secret.
 */
const DERIVED_TYPE_PROPERTIES: Record<string, string[]> = {
  identityProviders: ['clientSecret'],
};

function modulePaths(m: ModuleDefinition): string[] {
  const paths = [m.listPath, m.itemPath];
  if (m.delta) paths.push(m.delta.path);
  for (const r of m.relationships) paths.push(r.addPath, r.removePath);
  for (const c of m.children) {
    paths.push(c.listPath);
    if (c.cardinality !== 'one') paths.push(`${c.listPath}/{childId}`);
  }
  for (const b of m.binaryProperties ?? []) paths.push(b.path);
  if (m.restore.kind === 'createOrUpdate') {
    paths.push(m.restore.updatePath);
    if (m.restore.createPath) paths.push(m.restore.createPath);
    if (m.restore.softDelete) {
      paths.push(m.restore.softDelete.deletedItemsPath, m.restore.softDelete.restorePath);
    }
  }
  if (m.restore.kind === 'singleton') paths.push(m.restore.path);
  return paths;
}

const v1Modules = ALL_MODULES.filter((m) => m.graphVersion === 'v1.0');
describe('csdl reader', () => {
  it('resolves sets, keys, casts, navigation, bound operations and $ref', () => {
    const model = loadCsdl();
    expect(resolvePath('/users', model)).toEqual({
      type: 'microsoft.graph.user',
      collection: true,
    });
    expect(resolvePath('/users/delta', model)).toEqual({
      type: 'microsoft.graph.user',
      collection: true,
    });
    expect(resolvePath('/users/{id}/members/$ref', model)).toBeUndefined();
    expect(resolvePath('/groups/{id}/members/$ref', model)).toEqual({
      type: 'microsoft.graph.directoryObject',
      collection: true,
    });
    expect(resolvePath("/directoryRoles(roleTemplateId='{x}')/members", model)?.type).toBe(
      'microsoft.graph.directoryObject',
    );
    expect(resolvePath('/directory/deletedItems/microsoft.graph.group', model)?.type).toBe(
      'microsoft.graph.group',
    );
    expect(
      resolvePath('/directory/deletedItems/microsoft.graph.conditionalAccessPolicy', model),
    ).toBeUndefined();
    expect(resolvePath('/policies/authorizationPolicy/{id}', model)).toBeUndefined();
    expect(resolvePath('/nothing', model)).toBeUndefined();
    expect(propertiesOf('group', model)).toEqual(
      expect.arrayContaining(['displayName', 'id', 'deletedDateTime']),
    );
    expect(propertiesOf('ipNamedLocation', model)).toEqual(
      expect.arrayContaining(['ipRanges', 'displayName']),
    );
    expect(navigationPropertiesOf('group', model)).toContain('members');
  });
});

describe('v1.0 modules against the v1.0 CSDL', () => {
  describe.each(v1Modules.map((m) => [m.id, m] as const))('%s', (_id, m) => {
    it('uses only paths that exist in v1.0', () => {
      const unresolved = modulePaths(m).filter((p) => resolvePath(p) === undefined);
      expect(unresolved).toEqual([]);
    });

    it('lists a collection (or reads a singleton) of one entity type', () => {
      const list = resolvePath(m.listPath)!;
      const item = resolvePath(m.itemPath)!;
      expect(list.collection).toBe(m.kind === 'collection');
      expect(item.collection).toBe(false);
      expect(item.type).toBe(list.type);
      if (m.delta) expect(resolvePath(m.delta.path)).toEqual(list);
      if (m.restore.kind === 'createOrUpdate' && m.restore.softDelete) {
        expect(resolvePath(m.restore.softDelete.deletedItemsPath)).toEqual(list);
      }
    });

    it('selects and strips only properties of the type', () => {
      const type = resolvePath(m.listPath)!.type;
      const properties = new Set(propertiesOf(type));
      const navigation = new Set(navigationPropertiesOf(type));
      expect((m.select ?? []).filter((p) => !properties.has(p))).toEqual([]);
      const retired = RETIRED_READ_ONLY[m.id] ?? [];
      expect(
        m.readOnlyProperties.filter((p) => !properties.has(p) && !retired.includes(p)),
      ).toEqual([]);
      expect(retired.filter((p) => properties.has(p))).toEqual([]);
      const derived = DERIVED_TYPE_PROPERTIES[m.id] ?? [];
      expect(
        (m.writeOnlyProperties ?? []).filter((p) => !properties.has(p) && !derived.includes(p)),
      ).toEqual([]);
      if (m.keyProperty) expect(properties.has(m.keyProperty)).toBe(true);
      if (m.naturalKey) expect(properties.has(m.naturalKey)).toBe(true);
      for (const r of m.relationships) expect(navigation.has(r.name)).toBe(true);
      for (const c of m.children) expect(navigation.has(c.name)).toBe(true);
    });

    it('keeps only stream properties as binaries', () => {
      for (const b of m.binaryProperties ?? []) {
        expect(resolvePath(b.path)).toEqual({ type: 'Edm.Stream', collection: false });
        expect(b.path.endsWith(`/${b.name}`)).toBe(true);
        expect(m.readOnlyProperties).toContain(b.name);
      }
    });

    it('names child properties that exist', () => {
      for (const c of m.children) {
        const type = resolvePath(c.listPath)!.type;
        const properties = new Set(propertiesOf(type));
        expect(
          [...(c.select ?? []), ...c.readOnlyProperties, ...c.matchBy].filter(
            (p) => !properties.has(p),
          ),
        ).toEqual([]);
        expect(
          c.references.map((r) => r.path.split(/[.[]/)[0]).filter((p) => !properties.has(p)),
        ).toEqual([]);
      }
    });

    it('references properties that exist', () => {
      const type = resolvePath(m.listPath)!.type;
      const roots = m.references.map((r) => r.path.split(/[.[]/)[0]);
      const members = new Set([...propertiesOf(type), ...navigationPropertiesOf(type)]);
      expect(roots.filter((p) => !members.has(p))).toEqual([]);
    });
  });
});
