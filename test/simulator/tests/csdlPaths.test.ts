import { loadCsdl, resolvePath } from '../../support/csdl';
import { ROUTABLE_RESOURCES } from '../resources';
import type { ResourceDescriptor } from '../resources/descriptor';
import { SINGLETONS } from '../resources/singletons';

/**
 * Every path the simulator serves under /v1.0 must exist in Graph's v1.0 CSDL: entity sets,
 * singletons, keys, navigation properties (at any depth), streams, bound actions and `$ref`.
 * Beta-only descriptors are left out (they are served under /beta only).
 */

/** The templates a descriptor answers to, below `base` (an item path ends in `{id}`). */
function itemPaths(d: ResourceDescriptor, item: string): string[] {
  const out = [item];
  for (const name of Object.keys(d.streams ?? {})) out.push(`${item}/${name}`);
  for (const name of Object.keys(d.actions ?? {})) out.push(`${item}/${name}`);
  for (const [name, nav] of Object.entries(d.navigation ?? {})) {
    const at = `${item}/${name}`;
    out.push(at);
    if (nav.kind === 'links') out.push(nav.single ? `${at}/$ref` : `${at}/{id}/$ref`);
    if (nav.kind === 'derived') out.push(`${at}/{id}`);
    if (nav.kind === 'children') out.push(...itemPaths(nav.child, `${at}/{id}`));
    if (nav.kind === 'singleChild') out.push(...itemPaths(nav.child, at).slice(1));
  }
  return out;
}

function servedV1Paths(): string[] {
  const paths: string[] = [];
  for (const d of ROUTABLE_RESOURCES) {
    if (d.betaOnly) continue;
    paths.push(`/${d.path}`);
    if (d.delta) paths.push(`/${d.path}/delta`);
    for (const key of d.alternateKeys ?? []) paths.push(`/${d.path}(${key}='x')`);
    paths.push(...itemPaths(d, `/${d.path}/{id}`));
  }
  for (const s of SINGLETONS) {
    if (s.betaOnly) continue;
    paths.push(`/${s.path}`);
    if (s.items)
      paths.push(`/${s.path}/${s.items.property}`, `/${s.path}/${s.items.property}/{id}`);
  }
  return paths;
}

describe('simulator paths exist in the v1.0 CSDL', () => {
  it('every /v1.0 path the descriptors serve resolves', () => {
    const model = loadCsdl();
    const paths = servedV1Paths();
    expect(paths.length).toBeGreaterThan(150);
    const unresolved = paths.filter((p) => resolvePath(p, model) === undefined);
    expect(unresolved).toEqual([]);
  });

  it('the check itself rejects paths Graph does not have', () => {
    const model = loadCsdl();
    expect(resolvePath('/identity/b2cUserFlows', model)).toBeUndefined();
    expect(resolvePath('/policies/externalIdentitiesPolicy', model)).toBeUndefined();
    expect(resolvePath('/organization/{id}/branding/nope', model)).toBeUndefined();
    expect(
      resolvePath('/organization/{id}/branding/localizations/{id}/bannerLogo', model),
    ).toBeDefined();
  });
});
