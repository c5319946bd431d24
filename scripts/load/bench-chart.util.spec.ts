import { benchChartSvg, escapeXml } from './bench-chart.util';
import type { BenchResults } from './bench-results.type';

const results: BenchResults = {
  date: '2026-12-01T20:30:00.000Z',
  machine: { cores: 2, model: 'AMD EPYC <test>', node: 'v20.20.2', loadAverage: 5.2 },
  config: { seconds: 5, warmupSeconds: 1, rounds: 2, connections: 50 },
  notes: ['Before the cache & co.'],
  settings: [
    {
      id: 'realistic',
      label: 'realistic',
      upstreamLatencyMs: 50,
      scenarios: [
        {
          id: 'direct',
          label: 'direct (simulator)',
          path: '/x',
          requests: 9000,
          reqPerSec: 900,
          p50Ms: 52,
          p99Ms: 61,
          errors: 0,
          non2xx: 0,
          cpuUsPerRequest: null,
          simulatorCpuUsPerRequest: 80,
          peakRssMb: null,
          xCache: null,
          rpsVsDirect: 1,
          cpuVsBare: null,
        },
        {
          id: 'miss',
          label: 'gateway miss',
          path: '/y',
          requests: 4500,
          reqPerSec: 450,
          p50Ms: 90,
          p99Ms: 300,
          errors: 0,
          non2xx: 0,
          cpuUsPerRequest: 700,
          simulatorCpuUsPerRequest: 80,
          peakRssMb: 140,
          xCache: null,
          rpsVsDirect: 0.5,
          cpuVsBare: 5,
        },
      ],
    },
  ],
  tokenRequests: 1,
  gatewayPeakRssMb: 140,
  goals: [],
};

describe('benchChartSvg', () => {
  const svg = benchChartSvg(results);

  it('is one well-formed SVG document with the date, machine and Node version on it', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('2026-12-01 20:30 UTC');
    expect(svg).toContain('2 × AMD EPYC &lt;test&gt;');
    expect(svg).toContain('Node v20.20.2');
    expect(svg).toContain('Before the cache &amp; co.');
  });

  it('draws one bar per scenario, the fastest full width and the others in proportion', () => {
    const widths = [...svg.matchAll(/<rect x="230" y="\d+" width="(\d+)"/g)].map((m) => m[1]);
    expect(widths).toEqual(['300', '150']);
    expect(svg).toContain('900 req/s · p50 52 ms · p99 61 ms');
    expect(svg).toContain('450 req/s · p50 90 ms · p99 300 ms · 700 µs CPU');
  });
});

describe('escapeXml', () => {
  it('escapes what would break markup', () => {
    expect(escapeXml(`a<b>&"c"`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
  });
});
