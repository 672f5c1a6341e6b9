/**
 * The attacker of bench/flood.ts, in its own process so its CPU is not the server's: five loops POSTing a 5.8 MB
 * deeply nested JSON body to the URL in argv[2] until killed; prints each status (0: connection reset) on exit.
 */
const url = process.argv[2]!;
const depth = Math.floor((5.8 * 1024 * 1024) / 2);
const body = `{"text":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const statuses: Record<string, number> = {};
let running = true;
process.on('SIGTERM', () => {
  running = false;
});
await Promise.all(
  Array.from({ length: 5 }, async () => {
    while (running) {
      const status = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (r) => (await r.arrayBuffer(), r.status))
        .catch(() => 0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }),
);
console.log(JSON.stringify(statuses));
process.exit(0);
