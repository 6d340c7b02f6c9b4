import { Module } from '@nestjs/common';
import { OrganizationsService } from './organizations.service.js';
import { CommunityOrganizationsResolver, DistrictOrganizationsResolver, InstitutionResolver, OrganizationResolver } from './organizations.resolvers.js';
import { EvidenceService } from './evidence.service.js';
import { MemberImportController } from './member-import.controller.js';
import { MemberImportService } from './member-import.service.js';
import { ServiceContractsService } from './service-contracts.service.js';
import { InstitutionContractsResolver, ServiceContractResolver } from './service-contracts.resolvers.js';
import { ActivityResolver, CharterResolver, FilingResolver, MemberResolver, OrganizationEvidenceResolver } from './evidence.resolvers.js';

@Module({
  controllers: [MemberImportController],
  providers: [
    MemberImportService,
    OrganizationsService,
    InstitutionResolver,
    OrganizationResolver,
    CommunityOrganizationsResolver,
    DistrictOrganizationsResolver,
    EvidenceService,
    OrganizationEvidenceResolver,
    MemberResolver,
    ActivityResolver,
    CharterResolver,
    FilingResolver,
    ServiceContractsService,
    ServiceContractResolver,
    InstitutionContractsResolver,
  ],
  exports: [OrganizationsService, EvidenceService, MemberImportService],
})
export class OrganizationsModule {}
