import { mergeAdjacent, mergeRecordParts } from '../../../shared/snapshots/snapshotRecord';
import type { SnapshotRecord } from '../../../shared/modules/types';

async function collect(records: SnapshotRecord[]): Promise<SnapshotRecord[]> {
  async function* source(): AsyncGenerator<SnapshotRecord> {
    yield* records;
  }
  const out: SnapshotRecord[] = [];
  for await (const r of mergeAdjacent(source())) out.push(r);
  return out;
}

describe('merging parts of one record', () => {
  it('unions relationships, concatenates children, keeps the later non-empty object', () => {
    const merged = mergeRecordParts(
      {
        id: 'g',
        object: { id: 'g', displayName: 'old' },
        relationships: { members: ['1', '2'], owners: ['o'] },
        children: { creds: [{ name: 'a' }] },
      },
      {
        id: 'g',
        object: { id: 'g', displayName: 'new' },
        relationships: { members: ['2', '3'] },
        children: { creds: [{ name: 'b' }] },
      },
    );
    expect(merged).toEqual({
      id: 'g',
      object: { id: 'g', displayName: 'new' },
      relationships: { members: ['1', '2', '3'], owners: ['o'] },
      children: { creds: [{ name: 'a' }, { name: 'b' }] },
    });
  });

  it('keeps merged link lists sorted, as writers store them', () => {
    const merged = mergeRecordParts(
      { id: 'g', object: { id: 'g' }, relationships: { members: ['c', 'd'] } },
      { id: 'g', object: {}, relationships: { members: ['a', 'b', 'd'] } },
    );
    expect(merged.relationships).toEqual({ members: ['a', 'b', 'c', 'd'] });
  });

  it('keeps the earlier object when the later part has none', () => {
    const merged = mergeRecordParts(
      { id: 'g', object: { id: 'g', displayName: 'kept' } },
      { id: 'g', object: {}, relationships: { members: ['9'] } },
    );
    expect(merged.object).toEqual({ id: 'g', displayName: 'kept' });
    expect(merged.relationships).toEqual({ members: ['9'] });
    expect(merged.children).toBeUndefined();
  });

  it('merges only adjacent records with the same id', async () => {
    const out = await collect([
      { id: 'a', object: { id: 'a' } },
      { id: 'b', object: { id: 'b' }, relationships: { members: ['1'] } },
      { id: 'b', object: {}, relationships: { members: ['2'] } },
      { id: 'b', object: {}, relationships: { members: ['3'] } },
      { id: 'c', object: { id: 'c' } },
    ]);
    expect(out.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(out[1].relationships).toEqual({ members: ['1', '2', '3'] });
    expect(await collect([])).toEqual([]);
  });
});
