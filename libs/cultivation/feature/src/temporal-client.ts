import { Client, Connection, type WorkflowClientInterceptor } from '@temporalio/client';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/**
 * A lazily connected client: the service starts and answers reads while Temporal is unreachable,
 * and only the calls that need Temporal fail (and say so).
 */
export function createTemporalClient(address: string, namespace: string, interceptors: WorkflowClientInterceptor[] = []): { client: Client; close(): Promise<void> } {
  const connection = Connection.lazy({ address });
  return { client: new Client({ connection, namespace, interceptors: { workflow: interceptors } }), close: () => connection.close() };
}
