import { ServiceEnv, bootstrapService, loadEnv } from '@peiyu/platform-nest';
import { startTracing } from '@peiyu/platform-observability';
import { AssessmentsServiceModule } from './app.module.js';

class AssessmentsServiceEnv extends ServiceEnv {
  override PORT: number = 4003;
}

startTracing('assessments-service');
const env = loadEnv(AssessmentsServiceEnv);
await bootstrapService('assessments-service', AssessmentsServiceModule.forDatabase(env.DATABASE_URL), env.PORT, env.HOST);
