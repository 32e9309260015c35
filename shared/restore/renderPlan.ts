import type { PlanAction, RestorePlan } from './restoreTypes';

const MAX_VALUE_CHARS = 120;

function show(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

const VERB: Record<PlanAction['kind'], string> = {
  restoreDeleted: 'RESTORE',
  create: 'CREATE',
  update: 'UPDATE',
  addLink: 'ADD LINK',
  removeLink: 'REMOVE LINK',
  createChild: 'CREATE CHILD',
  deleteChild: 'DELETE CHILD',
  blocked: 'BLOCKED',
};

/**
 * The plan as a person reads it before confirming: counts, then per wave each object with what
 * will happen and, per property, before → after; then the warnings. `maxActions` bounds the
 * listing for very large plans (the counts always cover everything).
 */
export function renderPlan(plan: RestorePlan, options: { maxActions?: number } = {}): string {
  const c = plan.counts;
  const lines: string[] = [
    `Restore plan ${plan.planId} for tenant ${plan.tenantId} (hash ${plan.hash.slice(0, 12)}…)`,
    `Source: ${plan.request.source.kind === 'snapshot' ? `snapshot ${plan.request.source.snapshotId}` : `upload ${plan.request.source.uploadBlob}`}; relationships: ${plan.request.relationshipMode}; CA policy loss: ${plan.request.caPolicyLossMode}`,
    `Restore from deleted items ${c.restoreDeleted} · create ${c.create} · update ${c.update} · add links ${c.addLink} · remove links ${c.removeLink} · create children ${c.createChild} · delete children ${c.deleteChild} · blocked ${c.blocked} · unchanged ${c.noop}`,
  ];
  const max = options.maxActions ?? Infinity;
  let shown = 0;
  let total = 0;
  for (const wave of plan.waves) {
    total += wave.actions.length;
    if (shown >= max) continue;
    lines.push('', `Wave ${wave.index + 1} (${wave.modules.join(', ')})`);
    for (const action of wave.actions) {
      if (shown >= max) break;
      shown++;
      const name = action.displayName
        ? `${action.displayName} (${action.objectId})`
        : action.objectId;
      lines.push(
        `  ${VERB[action.kind]} ${action.moduleId} ${name}${action.reason ? ` — ${action.reason}` : ''}`,
      );
      for (const diff of action.diff ?? []) {
        lines.push(`      ${diff.property}: ${show(diff.before)} → ${show(diff.after)}`);
      }
    }
  }
  if (shown < total) lines.push('', `… ${total - shown} more actions not shown.`);
  if (plan.warnings.length > 0) {
    lines.push('', `Warnings (${plan.warnings.length}):`);
    for (const w of plan.warnings) {
      const where = [w.moduleId, w.objectId].filter(Boolean).join(' ');
      lines.push(`  [${w.code}]${where ? ` ${where}:` : ''} ${w.message}`);
    }
  }
  if (total === 0) lines.push('', 'Nothing to do: the tenant already matches the backup.');
  return lines.join('\n');
}
