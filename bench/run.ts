/**
 * `npm run bench`: every benchmark of the product, each reported as ratios against a baseline measured in the same
 * run on the same machine (absolute times on a shared 2-core machine say little; ratios say what our code costs).
 * `npm run bench -- webhook ask` runs only those.
 */
import { benchAsk } from './ask.ts';
import { benchCosts } from './costs.ts';
import { benchFlood } from './flood.ts';
import { benchLiff3g } from './liff3g.ts';
import { benchLiffSize } from './liff-size.ts';
import { benchMessages } from './messages.ts';
import { benchParse } from './parse.ts';
import { benchQueue } from './queue.ts';
import { benchTenants } from './tenants.ts';
import { benchWebhook } from './webhook.ts';

const benches: Record<string, () => Promise<unknown>> = {
  parse: benchParse,
  ask: benchAsk,
  webhook: benchWebhook,
  queue: benchQueue,
  liffSize: benchLiffSize,
  liff3g: benchLiff3g,
  costs: benchCosts,
  messages: benchMessages,
  flood: benchFlood,
  tenants: () => benchTenants(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in benches));
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(', ')} (have: ${Object.keys(benches).join(', ')})`);
  process.exit(64);
}
for (const [name, run] of Object.entries(benches)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const started = performance.now();
  const result = await run();
  console.log(`\n== ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(JSON.stringify(result, null, 2));
}
process.exit(0);
