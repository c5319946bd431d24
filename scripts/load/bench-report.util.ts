import type { BenchResults, PacedResult, ScenarioResult } from './bench-results.type';

/** The scenario's label, saying so when the "hit" scenario met no cache. */
export function displayLabel(scenario: ScenarioResult): string {
  return scenario.id === 'hit' && scenario.xCache !== 'HIT'
    ? `${scenario.label} (no cache yet: a miss)`
    : scenario.label;
}

/** The run as Markdown tables (printed by `npm run bench`, pasted into the README). */
export function benchMarkdown(results: BenchResults): string {
  const lines: string[] = [];
  for (const setting of results.settings) {
    lines.push(`**${setting.label}**`, '');
    lines.push(
      '| scenario | req/s | p50 ms | p99 ms | CPU µs/req (middle) | peak RSS MB (middle) | req/s vs direct | CPU vs bare hop | errors / non-2xx |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const s of setting.scenarios) {
      lines.push(
        `| ${displayLabel(s)} | ${Math.round(s.reqPerSec).toLocaleString('en-US')} | ${s.p50Ms} | ${s.p99Ms} | ` +
          `${s.cpuUsPerRequest === null ? '—' : Math.round(s.cpuUsPerRequest)} | ` +
          `${s.peakRssMb === null ? '—' : Math.round(s.peakRssMb)} | ${s.rpsVsDirect.toFixed(2)}× | ` +
          `${s.cpuVsBare === null ? '—' : `${s.cpuVsBare.toFixed(2)}×`} | ${s.errors} / ${s.non2xx} |`,
      );
    }
    lines.push('');
  }
  const paced = results.pacedHit;
  if (paced) {
    lines.push(
      `**The hit at a fixed rate (50 ms upstream, ${paced.connections} connections), latency corrected for coordinated omission**`,
      '',
      '| scenario | offered req/s | served req/s | p50 ms | p99 ms | X-Cache | errors / non-2xx |',
      '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
    );
    const row = (label: string, run: PacedResult) =>
      `| ${label} | ${Math.round(run.offeredReqPerSec).toLocaleString('en-US')} | ${Math.round(run.reqPerSec).toLocaleString('en-US')} | ` +
      `${run.p50Ms} | ${run.p99Ms} | ${run.xCache ?? '—'} | ${run.errors} / ${run.non2xx} |`;
    lines.push(row('gateway hit', paced));
    if (results.pacedFloor) {
      lines.push(row('bare answer, same bytes (the floor)', results.pacedFloor));
    }
    lines.push('');
  }
  lines.push('| goal | measured | verdict |', '| --- | --- | --- |');
  for (const goal of results.goals) {
    lines.push(
      `| ${goal.goal} | ${goal.measured}${goal.note ? ` (${goal.note})` : ''} | ${goal.verdict} |`,
    );
  }
  return lines.join('\n');
}
