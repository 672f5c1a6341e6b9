import { createRequire } from 'node:module';

/** autocannon (CommonJS, untyped): only the part of its API the benches use, typed here. */
interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}
interface AutocannonRequest {
  method: string;
  setupRequest: (req: Record<string, unknown>) => Record<string, unknown>;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; overallRate?: number; requests: AutocannonRequest[] }) => Promise<AutocannonResult>;

const run = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Sustained POST load on loopback; each request gets a fresh body and headers from `makeBody`. Bounded by `seconds`. */
export async function autocannon(options: {
  url: string;
  seconds: number;
  connections: number;
  /** Requests per second in all (an open-loop rate); without it each connection sends as fast as it is answered. */
  overallRate?: number;
  makeBody: () => { body: string; headers: Record<string, string> };
}): Promise<LoadResult> {
  const result = await run({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...options.makeBody() }) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
