import { describe, expect, it } from '@jest/globals';
import { Worker } from '@temporalio/worker';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';
import { Resource } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
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

  // With tracing on (OTEL_EXPORTER_OTLP_ENDPOINT), the worker runs Temporal's OpenTelemetry
  // workflow interceptors (apps/worker/src/worker.ts). They must not change a single command
  // either: the histories, recorded without them, replay with them. One bundle for all histories.
  it('all replay with the OpenTelemetry workflow interceptors of a traced worker', async () => {
    const plugin = new OpenTelemetryPlugin({ resource: new Resource({ 'service.name': 'replay' }), spanProcessor: new SimpleSpanProcessor(new InMemorySpanExporter()) });
    const histories = files.map((file) => ({ workflowId: file, history: JSON.parse(readFileSync(`${historiesDir}${file}`, 'utf8')) }));
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories({ workflowsPath: require.resolve('./index.ts'), plugins: [plugin] }, histories)) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect({ replayed, failures }).toEqual({ replayed: files.length, failures: [] });
  }, 180000);
});
