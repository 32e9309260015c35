import type { PlanAction, RestorePlan } from '../restoreTypes';

const MAX_VALUE_CHARS = 120;

function show(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/**
 * The leaf-level differences inside two values: a CA policy whose only change is one excluded
 * group shows `conditions.users.excludeGroups: [...] → [...]`, not two truncated blobs.
 */
export function leafDifferences(
  path: string,
  before: unknown,
  after: unknown,
): Array<{ path: string; before: unknown; after: unknown }> {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => leafDifferences(`${path}.${key}`, before[key], after[key]));
  }
  if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return [];
  return [{ path, before, after }];
}

/** `1.5 KB`, `12.3 KB`, `2.0 MB`: image sizes as an admin compares them with Graph's limits. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** `upload bannerLogo (12.3 KB image/png), replacing the live one`: no hashes for people. */
function describeUpload(action: PlanAction): string {
  const body = (action.body ?? {}) as { bytes?: unknown; contentType?: unknown };
  const diff = action.diff?.[0];
  const name = diff?.property ?? action.path?.slice(action.path.lastIndexOf('/') + 1) ?? '';
  const size = typeof body.bytes === 'number' ? formatBytes(body.bytes) : '? bytes';
  const type = typeof body.contentType === 'string' ? ` ${body.contentType}` : '';
  const replaces = diff?.before ? ', replacing the live one' : '';
  return `upload ${name} (${size}${type})${replaces}`;
}

/** Warnings of one kind that repeat (built-in roles skipped…) are summarised after a few. */
const WARNINGS_SHOWN_PER_CODE = 3;

const VERB: Record<PlanAction['kind'], string> = {
  restoreDeleted: 'RESTORE',
  create: 'CREATE',
  update: 'UPDATE',
  addLink: 'ADD LINK',
  removeLink: 'REMOVE LINK',
  createChild: 'CREATE CHILD',
  deleteChild: 'DELETE CHILD',
  putBinary: 'UPLOAD',
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
    `Restore from deleted items ${c.restoreDeleted} · create ${c.create} · update ${c.update} · add links ${c.addLink} · remove links ${c.removeLink} · create children ${c.createChild} · delete children ${c.deleteChild} · uploads ${c.putBinary ?? 0} · blocked ${c.blocked} · unchanged ${c.noop}`,
  ];
  const elsewhere = plan.warnings.filter((w) => w.code === 'exchangeManaged').length;
  if (elsewhere > 0) {
    lines.push(
      `Managed in Exchange Online, not written (make these changes there; see the exchangeManaged warnings): ${elsewhere}`,
    );
  }
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
      if (action.kind === 'putBinary') {
        lines.push(`      ${describeUpload(action)}`);
        continue;
      }
      for (const diff of action.diff ?? []) {
        const leaves =
          action.kind === 'update' ? leafDifferences(diff.property, diff.before, diff.after) : [];
        for (const leaf of leaves.length > 0 ? leaves : [{ path: diff.property, ...diff }]) {
          lines.push(`      ${leaf.path}: ${show(leaf.before)} → ${show(leaf.after)}`);
        }
      }
    }
  }
  if (shown < total) lines.push('', `… ${total - shown} more actions not shown.`);
  if (plan.warnings.length > 0) {
    lines.push('', `Warnings (${plan.warnings.length}):`);
    const seen = new Map<string, number>();
    for (const w of plan.warnings) {
      const count = (seen.get(w.code) ?? 0) + 1;
      seen.set(w.code, count);
      if (count > WARNINGS_SHOWN_PER_CODE) continue;
      const where = [w.moduleId, w.objectId].filter(Boolean).join(' ');
      lines.push(`  [${w.code}]${where ? ` ${where}:` : ''} ${w.message}`);
    }
    for (const [code, count] of seen) {
      if (count > WARNINGS_SHOWN_PER_CODE) {
        lines.push(
          `  [${code}] … and ${count - WARNINGS_SHOWN_PER_CODE} more like these (see the plan JSON).`,
        );
      }
    }
  }
  if (total === 0) lines.push('', 'Nothing to do: the tenant already matches the backup.');
  return lines.join('\n');
}
