// The part of autocannon 8's API that the load scripts use (the package ships no types)
declare module 'autocannon' {
  namespace autocannon {
    interface AutocannonOptions {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      headers?: Record<string, string>;
      pipelining?: number;
      /** Seconds. */
      timeout?: number;
      /** Requests per second over all connections; latencies are corrected for coordinated omission. */
      overallRate?: number;
    }

    interface AutocannonResult {
      /** Seconds. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      '2xx': number;
      requests: { total: number; average: number };
      /** Milliseconds, 2xx answers only. */
      latency: { p50: number; p99: number; average: number; max: number };
      statusCodeStats: Record<string, { count: number }>;
    }
  }

  function autocannon(options: autocannon.AutocannonOptions): Promise<autocannon.AutocannonResult>;
  export = autocannon;
}
