import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Reads and validates an app's environment once, at boot. Each app declares a small class with
 * class-validator decorators and defaults; a bad or missing variable stops the app with every
 * problem named.
 */
export function loadEnv<T extends object>(envClass: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const instance = plainToInstance(envClass, { ...new envClass(), ...definedOnly(env) }, {
    enableImplicitConversion: true,
    excludeExtraneousValues: false,
  });
  const errors = validateSync(instance, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid environment for ${envClass.name}:\n${lines.join('\n')}`);
  }
  return instance;
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}
