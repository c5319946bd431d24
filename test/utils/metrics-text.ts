/** Samples of a Prometheus text exposition, keyed `name{labels}` as written. */
export function metricSamples(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

/** The value of one series, e.g. `gateway_token_expires_in_seconds{profile="default"}`. */
export function sampleValue(text: string, series: string): number | undefined {
  return metricSamples(text).get(series);
}

/** One series' value scraped from a gateway's /metrics now (0 when it has no sample yet). */
export async function scrapedValue(
  gatewayUrl: string,
  series: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const response = await fetch(`${gatewayUrl}/metrics`, { headers });
  if (!response.ok) {
    throw new Error(`GET /metrics answered ${response.status}`);
  }
  return sampleValue(await response.text(), series) ?? 0;
}
