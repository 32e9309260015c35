import { resourceUnitQuota } from '../../test/simulator/runtime/counters';
import type { GoalResult, PresetResult, RunRecord, ScenarioId } from './types';

/** The targets (issue 5, "Goals the benchmark must show"). */
export const GOALS = {
  fullBackupWallOverFloor: 1.3,
  fullBackupPeakRssBytes: 512 * 1024 * 1024,
  peakRssGrowthLoverM: 1.5,
  incrementalRuShare: 0.05,
  restorePlanSeconds: 60,
  applyWriteQuotaUse: 0.8,
} as const;

const MB = 1024 * 1024;
const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const mb = (bytes: number): string => `${fmt(bytes / MB, 0)} MB`;

function run(preset: PresetResult | undefined, scenario: ScenarioId): RunRecord | undefined {
  return preset?.runs.find((r) => r.scenario === scenario);
}

/** The largest preset measured, for goals stated on L when L was not run. */
function largest(presets: PresetResult[]): PresetResult | undefined {
  return [...presets].sort((a, b) => b.tenant.users - a.tenant.users)[0];
}

/** Which part of the floor binds (resource units or modelled latency), and the 429s it met. */
function backupGap(record: RunRecord, preset: PresetResult): string {
  const c = record.counters;
  const ruFloor = c.resourceUnits / (resourceUnitQuota(preset.tenant.users) / 10);
  const latencyFloor = preset.latency ? c.latencyMs / 1000 / 4 : 0;
  const parts =
    `RU floor ${fmt(ruFloor, 1)} s (${c.resourceUnits} RU), latency floor ${fmt(latencyFloor, 1)} s ` +
    `(${fmt(c.latencyMs / 1000, 0)} s of modelled latency / 4)`;
  const throttled = record.throttled
    ? `; ${record.throttled} requests throttled (429, each waits ≥ 1 s of Retry-After)`
    : '; no request throttled';
  const overBudget =
    record.wallOverBudgetFloor !== null &&
    record.wallOverBudgetFloor > GOALS.fullBackupWallOverFloor
      ? `; against Graph's budget alone the run takes ${fmt(record.wallOverBudgetFloor)}× its floor`
      : '';
  return `${parts}${throttled}${overBudget}`;
}

/**
 * Each goal with its figure and a one-line why. `met` is null when the run the goal names (L) was
 * not measured; the figure then shows the largest preset that was.
 */
export function evaluateGoals(presets: PresetResult[]): GoalResult[] {
  const l = presets.find((p) => p.preset === 'L');
  const m = presets.find((p) => p.preset === 'M');
  const big = l ?? largest(presets);
  const onL = (text: string): string =>
    l ? text : `${text} (L not run; shown for ${big?.preset})`;
  const goals: GoalResult[] = [];

  const full = run(big, 'fullBackup');
  if (full && big) {
    const ratio = full.wallOverFloor ?? 0;
    goals.push({
      goal: `Full backup of L within ${GOALS.fullBackupWallOverFloor}× the simulator's floor`,
      met: l ? ratio <= GOALS.fullBackupWallOverFloor : null,
      figure: onL(
        `${big.preset}: ${fmt(full.wallSeconds, 1)} s wall / ${fmt(full.floorSeconds, 1)} s floor = ${fmt(ratio)}× (against the budget floor alone, ${fmt(full.budgetFloorSeconds, 1)} s: ${fmt(full.wallOverBudgetFloor ?? 0)}×)`,
      ),
      why: backupGap(full, big),
    });
    goals.push({
      goal: `Full backup of L: peak RSS at most ${mb(GOALS.fullBackupPeakRssBytes)}`,
      met: l ? full.peakRssBytes <= GOALS.fullBackupPeakRssBytes : null,
      figure: onL(`${big.preset}: ${mb(full.peakRssBytes)}`),
      why:
        full.peakRssBytes <= GOALS.fullBackupPeakRssBytes
          ? 'pages are streamed into bounded chunks; RSS covers Node, the Functions SDK and the Azure clients'
          : `the project process holds state that grows with the tenant — ${growthWhy(presets)}`,
    });
  }
  const fullM = run(m, 'fullBackup');
  const fullL = run(l, 'fullBackup');
  goals.push({
    goal: `Full backup peak RSS at L at most ${GOALS.peakRssGrowthLoverM}× the peak at M`,
    met:
      fullL && fullM ? fullL.peakRssBytes <= GOALS.peakRssGrowthLoverM * fullM.peakRssBytes : null,
    figure:
      fullL && fullM
        ? `L ${mb(fullL.peakRssBytes)} / M ${mb(fullM.peakRssBytes)} = ${fmt(fullL.peakRssBytes / fullM.peakRssBytes)}×`
        : `not measured (needs M and L; have ${presets.map((p) => p.preset).join(', ')})`,
    why: growthWhy(presets),
  });

  const incrementals = presets
    .map((p) => ({ p, full: run(p, 'fullBackup'), inc: run(p, 'incrementalBackup') }))
    .filter((x) => x.full && x.inc);
  if (incrementals.length) {
    const shares = incrementals.map(
      (x) =>
        `${x.p.preset} ${fmt((100 * x.inc!.resourceUnits) / Math.max(1, x.full!.resourceUnits), 1)}%`,
    );
    const share = (x: (typeof incrementals)[number]): number =>
      x.inc!.resourceUnits / Math.max(1, x.full!.resourceUnits);
    const bigInc = incrementals.at(-1)!;
    const missed = incrementals.filter((x) => share(x) > GOALS.incrementalRuShare);
    goals.push({
      goal: `Incremental backup after 1% churn: at most ${GOALS.incrementalRuShare * 100}% of a full backup's resource units`,
      // Judged on the largest tenant measured (the goals are about large tenants); misses below it are named.
      met: share(bigInc) <= GOALS.incrementalRuShare,
      figure: `${shares.join(', ')} (${bigInc.p.preset}: ${bigInc.inc!.resourceUnits} of ${bigInc.full!.resourceUnits} RU)`,
      why:
        'delta-capable modules read only changes since the last deltaLink; modules without delta ' +
        '(CA policies, named locations, role definitions/assignments, policies) and the per-object ' +
        'children of changed objects are re-read, a fixed cost that weighs more in small tenants' +
        (missed.length
          ? ` — judged on ${bigInc.p.preset}; not met for ${missed.map((x) => x.p.preset).join(', ')}`
          : ''),
    });
  }

  // L's plan if it ran, else the largest preset with a successful plan.
  const planned = [...presets]
    .reverse()
    .map((p) => ({ p, plan: run(p, 'restorePlan') }))
    .filter((x) => x.plan?.ok);
  const planFor = planned.find((x) => x.p.preset === 'L') ?? planned[0];
  const failedPlans = presets
    .map((p) => ({ p, plan: run(p, 'restorePlan') }))
    .filter((x) => x.plan && !x.plan.ok)
    .map((x) => `${x.p.preset} failed: ${x.plan!.error?.split('\n')[0]}`);
  goals.push({
    goal: `Restore plan of a whole L snapshot in at most ${GOALS.restorePlanSeconds} s`,
    met: planFor?.p.preset === 'L' ? planFor.plan!.wallSeconds <= GOALS.restorePlanSeconds : null,
    figure: planFor
      ? `${planFor.p.preset}: ${fmt(planFor.plan!.wallSeconds, 1)} s for ${planFor.plan!.objects} objects, ` +
        `${planFor.plan!.resourceUnits} RU (budget floor ${fmt(planFor.plan!.budgetFloorSeconds, 1)} s)` +
        (planFor.p.preset === 'L' ? '' : ' (L not measured)')
      : 'no successful restore plan run',
    why: planFor
      ? `planning reads the whole live tenant object by object: ${planFor.plan!.graphRequests} requests; ` +
        `${backupGap(planFor.plan!, planFor.p)}` +
        (failedPlans.length ? `; ${failedPlans.join('; ')}` : '')
      : failedPlans.join('; ') || 'not run',
  });

  const applies = presets
    .map((p) => ({ p, apply: run(p, 'restoreApply') }))
    .filter((x) => x.apply?.applyPhase);
  if (applies.length) {
    const worst = Math.min(...applies.map((x) => x.apply!.applyPhase!.writeQuotaUse ?? 0));
    goals.push({
      goal: `Restore apply at ${GOALS.applyWriteQuotaUse * 100}% or more of the write-quota floor`,
      met: worst >= GOALS.applyWriteQuotaUse,
      figure: applies
        .map(
          (x) =>
            `${x.p.preset}: ${x.apply!.applyPhase!.writes} writes in ${fmt(x.apply!.applyPhase!.wallSeconds, 1)} s ` +
            `(write floor ${fmt(x.apply!.applyPhase!.writeFloorSeconds, 1)} s) = ${fmt(100 * (x.apply!.applyPhase!.writeQuotaUse ?? 0), 0)}%`,
        )
        .join('; '),
      why:
        'the apply phase (after confirmation and the drift re-check) is measured alone; the write ' +
        'quota is 3,000 per 150 s, and a tenant whose write bucket is full can burst above the ' +
        'sustained 20 writes/s, so small applies can beat the floor',
    });
  }
  return goals;
}

function growthWhy(presets: PresetResult[]): string {
  const points = presets
    .map((p) => ({ p, full: run(p, 'fullBackup') }))
    .filter((x) => x.full)
    .map((x) => `${x.p.preset} (${x.p.tenant.users} users) ${mb(x.full!.peakRssBytes)}`);
  return `full-backup peak RSS by tenant size: ${points.join(', ')}`;
}
