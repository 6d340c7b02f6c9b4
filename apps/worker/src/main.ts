import { createServer } from 'node:http';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { loadEnv } from '@peiyu/platform-nest';
import { createWorker } from './worker.js';

class WorkerEnv {
  @IsString() @IsNotEmpty() DATABASE_URL: string = 'postgres://postgres:postgres@127.0.0.1:5433/peiyu';
  @IsString() @IsNotEmpty() TEMPORAL_ADDRESS: string = '127.0.0.1:7233';
  @IsString() @IsNotEmpty() TEMPORAL_NAMESPACE: string = 'default';
  @IsInt() @Min(1) @Max(65535) WORKER_HEALTH_PORT: number = 4009;
}

const env = loadEnv(WorkerEnv);
const { worker, dataSource, relay, close } = await createWorker({
  databaseUrl: env.DATABASE_URL,
  temporalAddress: env.TEMPORAL_ADDRESS,
  namespace: env.TEMPORAL_NAMESPACE,
});

// Health: 200 while the worker is polling and the database answers.
const health = createServer((req, res) => {
  const check = async () => {
    if (worker.getState() !== 'RUNNING') throw new Error(`worker is ${worker.getState()}`);
    await dataSource.query('SELECT 1');
  };
  check().then(
    () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
    (error: unknown) => res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable', reason: String(error) })),
  );
});
health.listen(env.WORKER_HEALTH_PORT, '127.0.0.1');

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
console.log(`worker polling task queue on ${env.TEMPORAL_ADDRESS}; health on http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health`);
relay.start();
await worker.run();
health.close();
await close();
