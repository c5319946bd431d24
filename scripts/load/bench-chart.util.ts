import { displayLabel } from './bench-report.util';
import type { BenchResults, SettingResult } from './bench-results.type';

const WIDTH = 860;
const LABEL_WIDTH = 230;
const BAR_WIDTH = 300;
const ROW = 26;
const HEADER = 64;
const PANEL_TITLE = 30;
const PANEL_GAP = 18;
const COLOURS: Record<string, string> = {
  direct: '#8c8c8c',
  bare: '#5b8db8',
  miss: '#01a982',
  hit: '#7fd4bf',
  passThrough: '#f2a900',
};

/**
 * The bench's figures as an SVG (written by hand, no chart library): one horizontal bar chart of
 * req/s per setting, each bar labelled with its p99 and the CPU per request of the process in the
 * middle; the date, machine and Node version on top.
 */
export function benchChartSvg(results: BenchResults): string {
  const panels: string[] = [];
  let y = HEADER;
  for (const setting of results.settings) {
    panels.push(panel(setting, y));
    y += PANEL_TITLE + setting.scenarios.length * ROW + PANEL_GAP;
  }
  const notes = results.notes.map(
    (note, index) => `<text x="16" y="${y + index * 16}" class="note">${escapeXml(note)}</text>`,
  );
  const height = y + results.notes.length * 16 + 8;
  const { machine, config } = results;
  const subtitle =
    `${results.date.slice(0, 16).replace('T', ' ')} UTC · ${machine.cores} × ${machine.model} · ` +
    `Node ${machine.node} · ${config.connections} connections, ${config.rounds} × ${config.seconds} s per scenario · ` +
    `load average ${machine.loadAverage} at start`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    '<style>text{fill:#222}.title{font-size:17px;font-weight:bold}.sub{font-size:11px;fill:#555}' +
      '.panel{font-size:13px;font-weight:bold}.label{font-size:12px}.value{font-size:11px}.note{font-size:11px;fill:#555}</style>',
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    '<text x="16" y="26" class="title">GreenLake Gateway · npm run bench · req/s (longer is better)</text>',
    `<text x="16" y="46" class="sub">${escapeXml(subtitle)}</text>`,
    ...panels,
    ...notes,
    '</svg>',
    '',
  ].join('\n');
}

function panel(setting: SettingResult, top: number): string {
  const max = Math.max(1, ...setting.scenarios.map((s) => s.reqPerSec));
  const rows = setting.scenarios.map((scenario, index) => {
    const y = top + PANEL_TITLE + index * ROW;
    const width = Math.max(1, Math.round((scenario.reqPerSec / max) * BAR_WIDTH));
    const cpu =
      scenario.cpuUsPerRequest === null ? '' : ` · ${Math.round(scenario.cpuUsPerRequest)} µs CPU`;
    const value = `${Math.round(scenario.reqPerSec).toLocaleString('en-US')} req/s · p50 ${scenario.p50Ms} ms · p99 ${scenario.p99Ms} ms${cpu}`;
    return [
      `<text x="16" y="${y + 14}" class="label">${escapeXml(displayLabel(scenario))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${width}" height="${ROW - 8}" fill="${COLOURS[scenario.id] ?? '#999'}"/>`,
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + 14}" class="value">${escapeXml(value)}</text>`,
    ].join('\n');
  });
  return [
    `<text x="16" y="${top + 18}" class="panel">${escapeXml(setting.label)}</text>`,
    ...rows,
  ].join('\n');
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
