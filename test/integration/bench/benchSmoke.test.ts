import { startSimulator, type RunningSimulator } from '../../simulator';
import { generateTenant } from '../../simulator/generator';
import { inProcessProjectRunner } from '../../../scripts/bench/projectRunners';
import { runPresetBench } from '../../../scripts/bench/runPreset';
import { inProcessSimulatorAdmin, simulatorGraph } from '../../../scripts/bench/simulatorAdmin';
import { BENCH_MODULES } from '../../../scripts/bench/benchModules';
import { SCENARIOS, type PresetResult } from '../../../scripts/bench/types';
import { buildReport } from '../../../scripts/bench/buildReport';
import { renderMarkdown } from '../../../scripts/bench/renderMarkdown';
import { renderChart } from '../../../scripts/bench/renderChart';

/**
 * The bench's orchestration on preset S with throttling and latency off, everything in this
 * process (the real `npm run bench` spawns the simulator and one project process per run).
 */
describe('benchmark smoke run (preset S, no throttling, no latency)', () => {
  let simulator: RunningSimulator;
  let result: PresetResult;

  beforeAll(async () => {
    simulator = await startSimulator({ state: generateTenant({ preset: 'S', seed: 3 }) });
    const storage = process.env.AzureWebJobsStorage!;
    result = await runPresetBench({
      preset: 'S',
      seed: 3,
      throttling: false,
      latency: false,
      modules: [...BENCH_MODULES],
      graph: simulatorGraph(simulator),
      admin: inProcessSimulatorAdmin(simulator),
      project: inProcessProjectRunner({
        simulator,
        storage,
        admin: inProcessSimulatorAdmin(simulator),
      }),
    });
    // Five scenarios run back to back; on a loaded 2-core machine they take minutes, not seconds.
  }, 600_000);
  afterAll(() => simulator.stop());

  it('runs the five scenarios, each succeeding with sane figures', () => {
    expect(result.runs.map((r) => r.scenario)).toEqual([...SCENARIOS]);
    for (const run of result.runs) {
      expect({ scenario: run.scenario, ok: run.ok, error: run.error }).toEqual({
        scenario: run.scenario,
        ok: true,
        error: undefined,
      });
      expect(run.wallSeconds).toBeGreaterThan(0);
      expect(run.graphRequests).toBeGreaterThan(0);
      expect(run.floorSeconds).toBeGreaterThanOrEqual(0);
      expect(run.peakRssBytes).toBeGreaterThan(10 * 1024 * 1024);
      expect(run.throttled).toBe(0);
    }
    expect(result.tenant.users).toBeGreaterThanOrEqual(500);
    expect(result.tenant.snapshotObjects).toBeGreaterThan(result.tenant.users);
  });

  it('measures backups, the churn, the plan and the apply', () => {
    const [full, incremental, plan, apply, baseline] = result.runs;
    expect(full.objects).toBe(result.tenant.snapshotObjects);
    expect(full.blobBytesWritten).toBeGreaterThan(0);
    expect(full.writes).toBe(0);
    expect(full.objectsPerSecond).toBeGreaterThan(0);
    expect(result.changes.churn.total).toBeGreaterThan(0);
    expect(Object.values(incremental.worker.backup!.modes)).toContain('delta');
    expect(incremental.resourceUnits).toBeLessThan(full.resourceUnits);
    expect(plan.writes).toBe(0);
    expect(plan.objects).toBeGreaterThan(0);
    expect(result.changes.breakage.total).toBeGreaterThan(0);
    expect(apply.writes).toBeGreaterThan(0);
    expect(apply.worker.restore!.applied!.failed).toBe(0);
    expect(apply.applyPhase!.writes).toBeGreaterThan(0);
    expect(apply.applyPhase!.writeFloorSeconds).toBeGreaterThan(0);
    // The baseline reads object by object: more requests and resource units for the same objects.
    expect(baseline.graphRequests).toBeGreaterThan(full.graphRequests);
    expect(baseline.resourceUnits).toBeGreaterThan(full.resourceUnits);
  });

  it('renders the results as JSON-ready report, markdown table and SVG chart', () => {
    const report = buildReport({
      startedAt: new Date().toISOString(),
      presets: [result],
      modules: [...BENCH_MODULES],
    });
    expect(report.goals.map((g) => g.goal)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Incremental backup after 1% churn/)]),
    );
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| S | Full backup |');
    expect(markdown).toContain('## Goals (issue 5)');
    const svg = renderChart(report);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('NaN');
    expect(JSON.parse(JSON.stringify(report)).presets[0].runs).toHaveLength(5);
  });
});
