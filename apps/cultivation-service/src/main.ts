import { IsNotEmpty, IsString } from 'class-validator';
import { ServiceEnv, bootstrapService, loadEnv } from '@peiyu/platform-nest';
import { CultivationServiceModule } from './app.module.js';

class CultivationServiceEnv extends ServiceEnv {
  override PORT: number = 4004;
  @IsString() @IsNotEmpty() TEMPORAL_ADDRESS: string = '127.0.0.1:7233';
  @IsString() @IsNotEmpty() TEMPORAL_NAMESPACE: string = 'default';
}

const env = loadEnv(CultivationServiceEnv);
const module = CultivationServiceModule.forEnvironment(env.DATABASE_URL, { address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE });
await bootstrapService('cultivation-service', module, env.PORT, env.HOST);
