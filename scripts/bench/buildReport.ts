import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, platform, totalmem } from 'node:os';
import path from 'node:path';
import { evaluateGoals } from './goals';
import { renderChart } from './renderChart';
import { renderMarkdown } from './renderMarkdown';
import type { BenchReport, PresetResult } from './types';

const PRESET_ORDER = ['demo', 'S', 'M', 'L'];

/** How the figures were made; printed under the table so nobody has to read the code. */
export const METHOD_NOTES = [
  'Three processes per preset: Azurite (blob + table, in memory), the Graph simulator (`dist/test/simulator/main.js --throttling --latency`) and one fresh project process per run (`dist/scripts/bench/worker.js`), which hosts functions/index.ts on the local Durable runner exactly as `entra-backup` does locally.',
  "Floor = the simulator's own least time for the counted work: max(RU / (RU quota / 10 s), writes / 20 per s, modelled latency / 4 concurrent requests). Budget floor = the same without the latency term, i.e. Graph's throttling budget alone. The latency term adds up the latency of every request inside a $batch although a batch waits only for its slowest request, so for batched work (backups, restore plans) it overstates the floor and wall / floor drops below 1; wall / budget floor is then the honest ratio. Both can also drop below 1 when a run spends a full token bucket (8,000 RU, or 5,000 under 500 users; 3,000 writes) faster than the sustained rate.",
  'Graph requests count every request the simulator served, $batch envelopes and the requests inside them; HTTP calls leave out the inner ones. 429s are throttled answers (the SDK waits Retry-After, ≥ 1 s, and retries).',
  "Wall time is the operation alone (request → orchestration finished), without the project process start-up; peak RSS is that process's maxRSS (process.resourceUsage()), start-up included. Blob KB written is the net growth of `tenants/{tenantId}/` in Azurite during the run (chunks, manifest, restore plans).",
  'Before each run the bench resets the simulator counters and, after its own Graph traffic (churn, breakage, listing), waits 10 s so the run starts with a refilled resource-unit bucket, as a scheduled job after a quiet period would. The write bucket is not waited for.',
  'Incremental: about 1% of the snapshot\'s objects changed through Graph first (user and group edits, app edits, members added and removed, users soft-deleted and created). Restore apply: about 1% broken (users and groups edited and soft-deleted, small groups and applications deleted and purged, memberships removed), then a plan of the whole latest snapshot, confirmation with its hash, the drift re-check, the apply and the verification. The write-phase table times the apply alone (from "applying" to "verifying").',
  'Baseline: the same full backup with ENTRA_BACKUP_READ_STRATEGY=baseline — no delta, no $select, no $batch, one request per object relationship, the way object-by-object exporters read.',
  "Modules: the 13 the tenant generator populates (scripts/bench/benchModules.ts); `--modules all` backs up the tenant's whole scope.",
];

export function buildReport(options: {
  startedAt: string;
  presets: PresetResult[];
  modules: string[];
  previous?: BenchReport;
  observations?: string[];
}): BenchReport {
  const byName = new Map<string, PresetResult>();
  for (const p of options.previous?.presets ?? []) byName.set(p.preset, p);
  for (const p of options.presets) byName.set(p.preset, p);
  const presets = [...byName.values()].sort(
    (a, b) => PRESET_ORDER.indexOf(a.preset) - PRESET_ORDER.indexOf(b.preset),
  );
  return {
    formatVersion: 1,
    startedAt: options.previous?.startedAt ?? options.startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      node: process.versions.node,
      cpus: cpus().length,
      platform: `${platform()} ${process.arch}`,
      totalMemoryBytes: totalmem(),
    },
    modules: options.modules,
    presets,
    goals: evaluateGoals(presets),
    notes: METHOD_NOTES,
    observations: [
      ...new Set([...(options.previous?.observations ?? []), ...(options.observations ?? [])]),
    ],
  };
}

export async function readPreviousReport(outDir: string): Promise<BenchReport | undefined> {
  try {
    return JSON.parse(await readFile(path.join(outDir, 'latest.json'), 'utf8')) as BenchReport;
  } catch {
    return undefined;
  }
}

/** latest.json, latest.md and chart.svg in `outDir`. */
export async function writeResults(outDir: string, report: BenchReport): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  // The data first: a rendering problem must never cost a run's figures.
  const files: Array<[string, () => string]> = [
    ['latest.json', () => `${JSON.stringify(report, null, 2)}\n`],
    ['latest.md', () => renderMarkdown(report)],
    ['chart.svg', () => renderChart(report)],
  ];
  for (const [name, render] of files) {
    await writeFile(path.join(outDir, name), render(), 'utf8');
  }
  return files.map(([name]) => path.join(outDir, name));
}
