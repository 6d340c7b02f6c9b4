import { NestFactory } from '@nestjs/core';
import { Logger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';

/** Starts a service on its port with graceful shutdown on SIGINT/SIGTERM. */
export async function bootstrapService(name: string, rootModule: Type | DynamicModule, port: number, host = '127.0.0.1'): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(port, host);
  new Logger(name).log(`listening on http://${host}:${port}/graphql`);
  return app;
}
