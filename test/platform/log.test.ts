import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/src/log.ts';

/** Log lines as Cloud Logging reads them from stdout: severity, message and time it understands. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger({ level: 'trace', destination: sink }), lines };
}

describe('log lines', () => {
  it("carry Cloud Logging's severity for every level, with the level name kept", () => {
    const { log, lines } = capture();
    log.trace('t');
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    log.fatal('f');
    expect(lines.map((l) => [l.level, l.severity])).toEqual([
      ['trace', 'DEBUG'],
      ['debug', 'DEBUG'],
      ['info', 'INFO'],
      ['warn', 'WARNING'],
      ['error', 'ERROR'],
      ['fatal', 'CRITICAL'],
    ]);
  });

  it('put the text in message and an RFC 3339 time, and still redact secrets', () => {
    const { log, lines } = capture();
    log.info({ orgId: 'maesot', channelSecret: 'abc', userId: 'U123' }, 'webhook received');
    const [line] = lines;
    expect(line).toMatchObject({ message: 'webhook received', orgId: 'maesot', channelSecret: '[redacted]', userId: '[redacted]' });
    expect(new Date(String(line!.time)).toISOString()).toBe(line!.time);
  });
});
