import { ServiceEnv, bootstrapService, loadEnv } from '@peiyu/platform-nest';
import { startTracing } from '@peiyu/platform-observability';
import { OrganizationsServiceModule } from './app.module.js';

class OrganizationsServiceEnv extends ServiceEnv {
  override PORT: number = 4002;
}

startTracing('organizations-service');
const env = loadEnv(OrganizationsServiceEnv);
await bootstrapService('organizations-service', OrganizationsServiceModule.forDatabase(env.DATABASE_URL), env.PORT, env.HOST);
