import type { BenchReport, ScenarioId } from './types';

/**
 * A hand-written SVG: left, wall / floor per run kind against tenant size; right, the project
 * process's peak RSS. Presets sit at even steps on the x axis, labelled with their user counts.
 */

const WIDTH = 920;
const HEIGHT = 400;
const PANEL = { width: 380, height: 260, top: 70, left: [70, 530] };
const MB = 1024 * 1024;

const SERIES: Array<{ scenario: ScenarioId; name: string; colour: string }> = [
  { scenario: 'fullBackup', name: 'Full backup', colour: '#1f77b4' },
  { scenario: 'incrementalBackup', name: 'Incremental', colour: '#2ca02c' },
  { scenario: 'restorePlan', name: 'Restore plan', colour: '#9467bd' },
  { scenario: 'restoreApply', name: 'Restore apply', colour: '#8c564b' },
  { scenario: 'baselineBackup', name: 'Baseline backup', colour: '#d62728' },
];

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!,
  );
}

/** A round upper bound for an axis. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

interface Panel {
  title: string;
  left: number;
  yLabel: string;
  value: (scenario: ScenarioId, presetIndex: number) => number | undefined;
  /** Run kinds drawn in this panel. */
  scenarios: ScenarioId[];
  goal?: { value: number; label: string };
}

export function renderChart(report: BenchReport): string {
  const presets = report.presets;
  const at = (scenario: ScenarioId, i: number) =>
    presets[i]?.runs.find((r) => r.scenario === scenario && r.ok);
  const panels: Panel[] = [
    {
      title: 'Wall time / simulator floor',
      left: PANEL.left[0],
      yLabel: 'wall / floor',
      value: (s, i) => at(s, i)?.wallOverFloor ?? undefined,
      // Incremental and apply runs are short fixed-cost runs whose ratios (up to ~20×) would flatten the rest; they are in the table.
      scenarios: ['fullBackup', 'restorePlan', 'baselineBackup'],
      goal: { value: 1.3, label: 'goal 1.3× (full backup of L)' },
    },
    {
      title: 'Peak RSS of the project process',
      left: PANEL.left[1],
      yLabel: 'MB',
      value: (s, i) => {
        const run = at(s, i);
        return run ? run.peakRssBytes / MB : undefined;
      },
      goal: { value: 512, label: 'goal 512 MB' },
      scenarios: SERIES.map((s) => s.scenario),
    },
  ];
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  out.push(
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">entra-backup benchmark: cost against tenant size</text>`,
  );
  for (const panel of panels) out.push(...renderPanel(panel, report));
  // Legend under both panels.
  const legendY = PANEL.top + PANEL.height + 62;
  SERIES.forEach((s, i) => {
    const x = 70 + i * 170;
    out.push(
      `<line x1="${x}" y1="${legendY}" x2="${x + 24}" y2="${legendY}" stroke="${s.colour}" stroke-width="3"/>`,
    );
    out.push(`<text x="${x + 30}" y="${legendY + 4}">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function renderPanel(panel: Panel, report: BenchReport): string[] {
  const presets = report.presets;
  const { width, height, top } = PANEL;
  const left = panel.left;
  const series = SERIES.filter((s) => panel.scenarios.includes(s.scenario));
  const values = series
    .flatMap((s) => presets.map((_, i) => panel.value(s.scenario, i)))
    .filter((v): v is number => v !== undefined && Number.isFinite(v));
  const yMax = niceMax(Math.max(...values, panel.goal?.value ?? 0) * 1.05);
  const x = (i: number): number =>
    presets.length === 1 ? left + width / 2 : left + 30 + (i * (width - 60)) / (presets.length - 1);
  const y = (v: number): number => top + height - (v / yMax) * height;
  const out: string[] = [];
  out.push(
    `<text x="${left + width / 2}" y="${top - 16}" text-anchor="middle" font-size="14">${escapeXml(panel.title)}</text>`,
  );
  out.push(
    `<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="none" stroke="#999"/>`,
  );
  for (let t = 0; t <= 4; t++) {
    const v = (yMax * t) / 4;
    out.push(`<line x1="${left}" y1="${y(v)}" x2="${left + width}" y2="${y(v)}" stroke="#eee"/>`);
    out.push(
      `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${Number(v.toPrecision(3))}</text>`,
    );
  }
  out.push(
    `<text transform="translate(${left - 48} ${top + height / 2}) rotate(-90)" text-anchor="middle">${escapeXml(panel.yLabel)}</text>`,
  );
  presets.forEach((p, i) => {
    out.push(
      `<text x="${x(i)}" y="${top + height + 18}" text-anchor="middle">${escapeXml(p.preset)}</text>`,
    );
    out.push(
      `<text x="${x(i)}" y="${top + height + 33}" text-anchor="middle" fill="#555">${p.tenant.users.toLocaleString('en-US')} users</text>`,
    );
  });
  if (panel.goal && panel.goal.value <= yMax) {
    const gy = y(panel.goal.value);
    out.push(
      `<line x1="${left}" y1="${gy}" x2="${left + width}" y2="${gy}" stroke="#444" stroke-dasharray="6 4"/>`,
    );
    out.push(
      `<text x="${left + width - 4}" y="${gy - 4}" text-anchor="end" fill="#444">${escapeXml(panel.goal.label)}</text>`,
    );
  }
  for (const s of series) {
    const points = presets
      .map((_, i) => ({ i, v: panel.value(s.scenario, i) }))
      .filter((p): p is { i: number; v: number } => p.v !== undefined && Number.isFinite(p.v));
    if (points.length > 1) {
      out.push(
        `<polyline fill="none" stroke="${s.colour}" stroke-width="2" points="${points.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')}"/>`,
      );
    }
    for (const p of points) {
      out.push(
        `<circle cx="${x(p.i).toFixed(1)}" cy="${y(p.v).toFixed(1)}" r="4" fill="${s.colour}"><title>${escapeXml(`${s.name}, ${presets[p.i].preset}: ${p.v.toFixed(2)}`)}</title></circle>`,
      );
    }
  }
  return out;
}
