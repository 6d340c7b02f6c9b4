import { describe, expect, it } from '@jest/globals';
import { JsonLogger, NestJsonLogger } from './logger.js';
import { cultivationIdOfWorkflow, runWithLogContext } from './context.js';

function capture(minimum: 'debug' | 'info' = 'info'): { logger: JsonLogger; lines: string[] } {
  const lines: string[] = [];
  return { logger: new JsonLogger('cultivation-service', (line) => lines.push(line), {}, minimum), lines };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, service, message and fields', () => {
    const { logger, lines } = capture();
    logger.info('gate approved', { stage: 'GROWTH' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(entry).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: 'info', service: 'cultivation-service', msg: 'gate approved', stage: 'GROWTH' });
  });

  it('adds the request id and cultivation id of the context it runs in, and only there', async () => {
    const { logger, lines } = capture();
    await runWithLogContext({ requestId: 'req-1' }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      runWithLogContext({ cultivationId: 'c-9' }, () => logger.warn('inside'));
    });
    logger.info('outside');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ msg: 'inside', level: 'warn', requestId: 'req-1', cultivationId: 'c-9' });
    expect(JSON.parse(lines[1] ?? '')).not.toHaveProperty('requestId');
  });

  it('describes an error with its name, message and stack, and drops lines below the minimum level', () => {
    const { logger, lines } = capture('info');
    logger.debug('noise');
    logger.error('projection failed', new TypeError('boom'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'error', error: { name: 'TypeError', message: 'boom', stack: expect.stringContaining('TypeError: boom') } });
  });

  it('serves Nest as its logger: the context argument becomes a field', () => {
    const { logger, lines } = capture();
    const nest = new NestJsonLogger(logger);
    nest.log('Mapped {/graphql, POST} route', 'RouterExplorer');
    nest.error('query failed', 'Error: x\n    at y', 'ExceptionsHandler');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'info', msg: 'Mapped {/graphql, POST} route', context: 'RouterExplorer' });
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ level: 'error', context: 'ExceptionsHandler', error: { stack: 'Error: x\n    at y' } });
  });
});

describe('cultivationIdOfWorkflow', () => {
  it('reads the cultivation id from the workflow ids of a cultivation and its withdrawal', () => {
    expect(cultivationIdOfWorkflow('cultivation-1b2c')).toBe('1b2c');
    expect(cultivationIdOfWorkflow('withdrawal-1b2c')).toBe('1b2c');
    expect(cultivationIdOfWorkflow('evidence-relay')).toBeUndefined();
    expect(cultivationIdOfWorkflow(undefined)).toBeUndefined();
  });
});
