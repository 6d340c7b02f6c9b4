import { IsNotEmpty, IsString } from 'class-validator';
import { Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { DataSource } from 'typeorm';
import { ServiceEnv, bootstrapService, loadEnv } from '@peiyu/platform-nest';
import { ServiceMetrics, startTracing } from '@peiyu/platform-observability';
import { CultivationServiceModule } from './app.module.js';

class CultivationServiceEnv extends ServiceEnv {
  override PORT: number = 4004;
  @IsString() @IsNotEmpty() TEMPORAL_ADDRESS: string = '127.0.0.1:7233';
  @IsString() @IsNotEmpty() TEMPORAL_NAMESPACE: string = 'default';
}

const tracing = startTracing('cultivation-service');
const env = loadEnv(CultivationServiceEnv);
const module = CultivationServiceModule.forEnvironment(env.DATABASE_URL, {
  address: env.TEMPORAL_ADDRESS,
  namespace: env.TEMPORAL_NAMESPACE,
  interceptors: tracing ? [new OpenTelemetryWorkflowClientInterceptor()] : [],
});
// Readiness asks Temporal on a connection of its own, so a probe never queues behind commands.
const probe = Connection.lazy({ address: env.TEMPORAL_ADDRESS });
const app = await bootstrapService('cultivation-service', module, env.PORT, env.HOST, {
  readiness: { temporal: () => probe.workflowService.getSystemInfo({}) },
});

// Open escalations by level and cause, from the read model; cached so scrapes cost one query per 5 s.
const dataSource = app.get(DataSource);
app.get(ServiceMetrics).cachedGauge({
  name: 'peiyu_open_escalations',
  help: 'Escalations not yet resolved, by ladder level and cause.',
  labelNames: ['level', 'type'] as const,
  ttlMs: 5000,
  read: async () => {
    const rows: Array<{ level: number; type: string; count: string }> = await dataSource.query(
      `SELECT level, type, count(*) AS count FROM cultivation.escalation WHERE status <> 'RESOLVED' GROUP BY level, type`,
    );
    return rows.map((row) => ({ labels: { level: String(row.level), type: row.type }, value: Number(row.count) }));
  },
});
