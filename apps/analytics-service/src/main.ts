import { ServiceEnv, bootstrapService, loadEnv } from '@peiyu/platform-nest';
import { startTracing } from '@peiyu/platform-observability';
import { AnalyticsServiceModule } from './app.module.js';

class AnalyticsServiceEnv extends ServiceEnv {
  override PORT: number = 4005;
}

startTracing('analytics-service');
const env = loadEnv(AnalyticsServiceEnv);
await bootstrapService('analytics-service', AnalyticsServiceModule.forDatabase(env.DATABASE_URL), env.PORT, env.HOST);
