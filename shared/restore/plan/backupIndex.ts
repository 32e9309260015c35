import type { ModuleDefinition, SnapshotRecord } from '../../modules/types';

interface Known {
  moduleId: string;
  microsoftOwned: boolean;
}

/**
 * Every object the backup holds, by id and by alternate key (appId, templateId), over the whole
 * snapshot rather than the restore's selection: it tells a reference the backup resolved (its
 * target was there, so losing it is a loss) from one that was already dangling at backup time.
 */
export class BackupIndex {
  private readonly byKey = new Map<string, Known[]>();

  /** Records the object; `module` undefined for modules the catalogue no longer knows. */
  add(moduleId: string, module: ModuleDefinition | undefined, record: SnapshotRecord): void {
    const owned = module?.microsoftOwnedWhen;
    const known: Known = {
      moduleId,
      microsoftOwned: owned ? owned.values.includes(record.object[owned.property]) : false,
    };
    this.push(`id|${record.id}`, known);
    for (const { property } of module?.alternateKeys ?? []) {
      const value = record.object[property];
      if (typeof value === 'string') this.push(`${property}|${value}`, known);
    }
  }

  /** The backup object `value` named in one of `targets` (by `targetProperty`, else by id). */
  find(value: string, targets: string[], targetProperty?: string): Known | undefined {
    const key = targetProperty ? `${targetProperty}|${value}` : `id|${value}`;
    return this.byKey.get(key)?.find((k) => targets.includes(k.moduleId));
  }

  private push(key: string, known: Known): void {
    const list = this.byKey.get(key) ?? [];
    list.push(known);
    this.byKey.set(key, list);
  }
}
