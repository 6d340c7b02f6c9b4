import { Module } from '@nestjs/common';
import { IdentityResolver } from './identity.resolver.js';
import { IdentityService, TOKEN_TTL_SECONDS } from './identity.service.js';

const DEFAULT_TOKEN_TTL_SECONDS = 8 * 60 * 60;

@Module({
  providers: [
    IdentityService,
    IdentityResolver,
    { provide: TOKEN_TTL_SECONDS, useFactory: () => Number(process.env.PEIYU_TOKEN_TTL_SECONDS ?? DEFAULT_TOKEN_TTL_SECONDS) },
  ],
  exports: [IdentityService],
})
export class IdentityModule {}
