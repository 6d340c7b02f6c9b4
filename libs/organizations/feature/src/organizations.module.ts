import { Module } from '@nestjs/common';
import { OrganizationsService } from './organizations.service.js';
import { CommunityOrganizationsResolver, InstitutionResolver, OrganizationResolver } from './organizations.resolvers.js';

@Module({
  providers: [OrganizationsService, InstitutionResolver, OrganizationResolver, CommunityOrganizationsResolver],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
