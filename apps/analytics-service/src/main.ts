import { ServiceEnv, bootstrapService, loadEnv } from '@peiyu/platform-nest';
import { AnalyticsServiceModule } from './app.module.js';

class AnalyticsServiceEnv extends ServiceEnv {
  override PORT: number = 4005;
}

const env = loadEnv(AnalyticsServiceEnv);
await bootstrapService('analytics-service', AnalyticsServiceModule.forDatabase(env.DATABASE_URL), env.PORT, env.HOST);
