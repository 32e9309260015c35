import type { BackupHarness } from './backupHarness';
import { Prng } from '../simulator/generator/prng';

/** Random edits, soft and hard deletes and membership removals across the restorable modules. */
export function randomDamage(harness: BackupHarness, seed: number): string[] {
  const store = harness.simulator.store;
  const generator = new Prng(seed);
  const random = (): number => generator.next();
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
  const done: string[] = [];
  const edits: Array<[string, string]> = [
    ['users', 'jobTitle'],
    ['groups', 'description'],
    ['applications', 'description'],
    ['servicePrincipals', 'notes'],
    ['administrativeUnits', 'description'],
    ['namedLocations', 'displayName'],
    ['conditionalAccessPolicies', 'displayName'],
  ];
  for (const [resource, property] of edits) {
    for (let i = 0; i < 2; i++) {
      const object = pick([...store.list(resource)]);
      if (!object) continue;
      store.update(resource, { ...object, [property]: `changed ${seed}-${i}` });
      done.push(`edit ${resource} ${object.id} ${property}`);
    }
  }
  for (const resource of ['users', 'groups', 'applications']) {
    const soft = pick(
      [...store.list(resource)].filter((o) => !String(o.displayName).includes('Break Glass')),
    );
    if (soft) {
      store.softDelete(resource, soft.id);
      done.push(`soft-delete ${resource} ${soft.id}`);
    }
  }
  for (const resource of ['groups', 'users']) {
    const hard = pick([...store.list(resource)]);
    if (hard) {
      store.softDelete(resource, hard.id);
      store.hardDelete(resource, hard.id);
      done.push(`purge ${resource} ${hard.id}`);
    }
  }
  for (let i = 0; i < 4; i++) {
    const group = pick(
      [...store.list('groups')].filter(
        (g) => !((g.groupTypes as string[]) ?? []).includes('DynamicMembership'),
      ),
    );
    if (!group) continue;
    const member = pick([...store.linkTargets('groupMembers', group.id)]);
    if (member && store.removeLink('groupMembers', group.id, member))
      done.push(`unlink ${group.id} ${member}`);
  }
  return done;
}
