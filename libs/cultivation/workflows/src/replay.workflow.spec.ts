import { describe, expect, it } from '@jest/globals';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const historiesDir = fileURLToPath(new URL('../histories/', import.meta.url));

/**
 * Every recorded history of a released workflow version must replay on today's code without a
 * nondeterminism error; otherwise a deploy would break running cultivations. A change that alters
 * the commands a history produced must be guarded with patched(). New versions' histories are
 * recorded with tools/temporal/record-histories.ts and committed.
 */
describe('recorded cultivation histories', () => {
  const files = readdirSync(historiesDir).filter((f) => f.endsWith('.json'));

  it('exist for at least one released version', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays on the current workflow code', async (file) => {
    const history = JSON.parse(readFileSync(`${historiesDir}${file}`, 'utf8'));
    await Worker.runReplayHistory({ workflowsPath: require.resolve('./index.ts') }, history, file);
  }, 60000);
});
