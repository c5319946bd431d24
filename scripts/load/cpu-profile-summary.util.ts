/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that the summary reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Where the CPU was when sampled, by package, gateway folder or Node.js module. */
  selfByArea: ProfileShare[];
  /** Time with the area anywhere on the stack (what calling into it costs, callees included). */
  inclusiveByArea: ProfileShare[];
  topFunctions: ProfileShare[];
}

const SPECIAL = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);

/**
 * Which part of the process a frame belongs to: an npm package (`fastify`, `axios`), a gateway
 * folder (`src/cache`), a Node.js module (`node:http`), V8's own entries (GC, program), or JSON.
 */
export function areaOf(frame: { functionName: string; url: string }): string {
  if (SPECIAL.has(frame.functionName)) {
    return frame.functionName;
  }
  const { url } = frame;
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packaged) {
    return packaged[1];
  }
  const gateway = /\/dist\/(?:src\/)?([^/]+)\//.exec(url);
  if (gateway) {
    return `src/${gateway[1]}`;
  }
  const internal = /^node:(?:internal\/)?([^/]+)/.exec(url);
  if (internal) {
    return `node:${internal[1].replace(/\.js$/, '')}`;
  }
  if (url === '' && /^(parse|stringify)$/.test(frame.functionName)) {
    return 'JSON';
  }
  return url === '' ? '(native)' : url;
}

/** Self and inclusive time per area and the hottest functions, from one profile. */
export function summariseCpuProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parentOf.set(child, node.id);
    }
  }
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    const us = Math.max(0, profile.timeDeltas[index] ?? 0);
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') {
      return;
    }
    totalUs += us;
    const area = areaOf(node.callFrame);
    add(self, area, us);
    const { functionName, url, lineNumber } = node.callFrame;
    add(functions, `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`, us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      const name = frame ? areaOf(frame) : undefined;
      if (name && name !== '(root)' && !seen.has(name)) {
        seen.add(name);
        add(inclusive, name, us);
      }
    }
  });
  const shares = (table: Map<string, number>, limit: number): ProfileShare[] =>
    [...table.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 100) / 10,
        percent: totalUs ? Math.round((1000 * us) / totalUs) / 10 : 0,
      }));
  return {
    totalMs: Math.round(totalUs / 1000),
    selfByArea: shares(self, top),
    inclusiveByArea: shares(inclusive, top),
    topFunctions: shares(functions, top),
  };
}

function add(table: Map<string, number>, key: string, us: number): void {
  table.set(key, (table.get(key) ?? 0) + us);
}

function shortUrl(url: string): string {
  return url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/');
}

/** A Markdown table of shares, for the README and the closing note. */
export function sharesMarkdown(title: string, shares: ProfileShare[]): string {
  const rows = shares.map((share) => `| ${share.name} | ${share.ms} | ${share.percent}% |`);
  return [`| ${title} | ms | share |`, '| --- | ---: | ---: |', ...rows].join('\n');
}
