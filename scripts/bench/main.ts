#!/usr/bin/env node
/**
 * `node dist/scripts/bench/main.js [--preset S M L] [--out bench/results] [--seed N] [--merge]
 *   [--skip restoreApply ...] [--modules all|a,b] [--no-throttling] [--no-latency]`
 * For each preset: Azurite, the Graph simulator in its own process (throttling + latency on,
 * faults off), then the five runs, each in a fresh project process. Writes latest.json,
 * latest.md and chart.svg.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { startAzurite } from '../../local/azurite';
import { BENCH_MODULES } from './benchModules';
import { buildReport, readPreviousReport, writeResults } from './buildReport';
import { spawnedProjectRunner } from './projectRunners';
import { runPresetBench, toRecord } from './runPreset';
import { resourceUnitQuota } from '../../test/simulator/runtime/counters';
import { httpSimulatorAdmin, simulatorGraph } from './simulatorAdmin';
import { spawnSimulator } from './simulatorProcess';
import { SCENARIOS, type PresetResult, type ScenarioId } from './types';

interface BenchOptions {
  preset: Array<'S' | 'M' | 'L'>;
  out: string;
  seed: string;
  merge: boolean;
  modules: string;
  throttling: boolean;
  latency: boolean;
  skip: ScenarioId[];
  renderOnly: boolean;
  note: string[];
}

const log = (line: string): void => {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

async function benchPreset(preset: string, options: BenchOptions, modules: string[]) {
  const distRoot = path.resolve(__dirname, '..', '..');
  const azurite = await startAzurite();
  try {
    const simulator = await spawnSimulator({
      simulatorScript: path.join(distRoot, 'test', 'simulator', 'main.js'),
      preset,
      seed: Number(options.seed),
      throttling: options.throttling,
      latency: options.latency,
    });
    log(`${preset}: simulator pid ${simulator.pid} at ${simulator.baseUrl}`);
    try {
      const graph = simulatorGraph(simulator);
      return await runPresetBench({
        preset,
        seed: Number(options.seed),
        throttling: options.throttling,
        latency: options.latency,
        modules,
        graph,
        admin: httpSimulatorAdmin(graph),
        project: spawnedProjectRunner({
          workerScript: path.join(__dirname, 'worker.js'),
          simulator,
          storage: azurite.connectionString,
          log,
        }),
        settleMs: options.throttling ? 10_000 : 0,
        scenarios: SCENARIOS.filter((s) => !options.skip.includes(s)),
        log,
      });
    } finally {
      await simulator.stop();
    }
  } finally {
    await azurite.stop();
  }
}

/** A stored preset with its derived figures recomputed (the report format may have grown). */
function recomputed(preset: PresetResult): PresetResult {
  const ruQuota = resourceUnitQuota(preset.tenant.users);
  return {
    ...preset,
    runs: preset.runs.map((r) =>
      toRecord(
        preset.preset,
        { ...r.worker, processSeconds: r.processSeconds },
        r.counters,
        ruQuota,
        preset.latency,
      ),
    ),
  };
}

async function main(): Promise<void> {
  const options = new Command()
    .name('bench')
    .description('entra-backup benchmark against the Graph simulator')
    .addOption(
      new Option('--preset <names...>', 'tenant presets')
        .choices(['S', 'M', 'L'])
        .default(['S', 'M']),
    )
    .option('--out <dir>', 'results folder', 'bench/results')
    .option('--seed <n>', 'tenant generator and change seed', '1')
    .option('--merge', 'keep presets of the previous latest.json that were not run now', false)
    .option(
      '--modules <list>',
      "comma-separated module ids, or 'all' for the tenant's scope",
      'bench',
    )
    .addOption(
      new Option('--skip <runs...>', 'runs to leave out (the full backup always runs)')
        .choices(SCENARIOS.filter((s) => s !== 'fullBackup'))
        .default([]),
    )
    .option('--note <text...>', 'observations to print under the results (kept on --merge)', [])
    .option('--render-only', 'only re-render latest.md and chart.svg from latest.json', false)
    .option('--no-throttling', 'turn the simulator throttling off')
    .option('--no-latency', 'turn the simulator latency model off')
    .parse(process.argv)
    .opts<BenchOptions>();
  if (!Number.isInteger(Number(options.seed))) throw new Error(`Invalid --seed '${options.seed}'`);
  const modules =
    options.modules === 'bench'
      ? [...BENCH_MODULES]
      : options.modules === 'all'
        ? []
        : options.modules
            .split(',')
            .map((m) => m.trim())
            .filter(Boolean);
  const outDir = path.resolve(options.out);
  const previous = await readPreviousReport(outDir);
  if (options.renderOnly && !previous) throw new Error(`no latest.json in ${outDir}`);
  const startedAt = new Date().toISOString();
  const kept = options.merge || options.renderOnly ? (previous?.presets ?? []).map(recomputed) : [];
  const report = (presets: PresetResult[]) =>
    buildReport({
      startedAt: options.renderOnly ? previous!.startedAt : startedAt,
      presets,
      modules: options.renderOnly ? previous!.modules : modules,
      previous: kept.length ? { ...previous!, presets: kept } : undefined,
      observations: options.note,
    });
  const presets: PresetResult[] = [];
  if (!options.renderOnly) {
    for (const preset of options.preset) {
      presets.push(await benchPreset(preset, options, modules));
      // Written after every preset, so a later failure keeps what was measured.
      await writeResults(outDir, report(presets));
    }
  }
  const final = report(presets);
  const files = await writeResults(outDir, final);
  log(`wrote ${files.join(', ')}`);
  for (const goal of final.goals) {
    log(
      `${goal.met === null ? 'not measured' : goal.met ? 'met' : 'NOT met'}: ${goal.goal} — ${goal.figure}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
