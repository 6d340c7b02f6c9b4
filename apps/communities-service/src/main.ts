import { ServiceEnv, bootstrapService, loadEnv } from '@peiyu/platform-nest';
import { CommunitiesServiceModule } from './app.module.js';

class CommunitiesServiceEnv extends ServiceEnv {
  override PORT: number = 4001;
}

const env = loadEnv(CommunitiesServiceEnv);
await bootstrapService('communities-service', CommunitiesServiceModule.forDatabase(env.DATABASE_URL), env.PORT, env.HOST);
