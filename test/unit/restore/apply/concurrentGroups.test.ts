import { concurrentGroups } from '../../../../shared/restore/apply/applier';
import type { PlanAction } from '../../../../shared/restore/restoreTypes';

function action(
  kind: PlanAction['kind'],
  objectId: string,
  extra: Partial<PlanAction> = {},
): PlanAction {
  return { actionId: `groups:${objectId}:${kind}`, moduleId: 'groups', objectId, kind, ...extra };
}

const ids = (groups: PlanAction[][]): string[][] => groups.map((g) => g.map((a) => a.objectId));

describe('concurrentGroups', () => {
  it('runs a run of one kind together and starts a new group when the kind changes', () => {
    const groups = concurrentGroups([
      action('create', 'a'),
      action('create', 'b'),
      action('update', 'c'),
      action('update', 'd'),
      action('addLink', 'a', { path: '/groups/{{id:groups:a}}/members/$ref' }),
    ]);
    expect(ids(groups)).toEqual([['a', 'b'], ['c', 'd'], ['a']]);
  });

  it('cuts a run where an action waits for an id the same run creates', () => {
    const groups = concurrentGroups([
      action('create', 'parent'),
      action('create', 'child', { body: { parent: { id: '{{id:groups:parent}}' } } }),
      action('create', 'other'),
    ]);
    expect(ids(groups)).toEqual([['parent'], ['child', 'other']]);
  });

  it('follows recordsId and alternate-key placeholders', () => {
    const groups = concurrentGroups([
      action('create', 'app', { moduleId: 'applications', recordsId: 'applications:app' }),
      action('create', 'sp', { body: { appId: '{{key:appId:applications:app}}' } }),
    ]);
    expect(ids(groups)).toEqual([['app'], ['sp']]);
  });

  it('keeps plan order and loses nothing', () => {
    const actions = ['a', 'b', 'c', 'd', 'e'].map((id, i) =>
      action(i % 2 === 0 ? 'update' : 'addLink', id),
    );
    expect(concurrentGroups(actions).flat()).toEqual(actions);
    expect(concurrentGroups([])).toEqual([]);
  });
});
