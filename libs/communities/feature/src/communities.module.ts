import { Module } from '@nestjs/common';
import { CommunitiesService } from './communities.service.js';
import { CommunityResolver, DistrictResolver, StreetResolver } from './communities.resolvers.js';

@Module({
  providers: [CommunitiesService, DistrictResolver, StreetResolver, CommunityResolver],
  exports: [CommunitiesService],
})
export class CommunitiesModule {}
