import { ServiceEnv, bootstrapService, loadEnv } from '@peiyu/platform-nest';
import { startTracing } from '@peiyu/platform-observability';
import { CommunitiesServiceModule } from './app.module.js';

class CommunitiesServiceEnv extends ServiceEnv {
  override PORT: number = 4001;
}

startTracing('communities-service');
const env = loadEnv(CommunitiesServiceEnv);
await bootstrapService('communities-service', CommunitiesServiceModule.forDatabase(env.DATABASE_URL), env.PORT, env.HOST);
