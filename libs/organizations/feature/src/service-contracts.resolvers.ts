import { Args, ArgsType, Context, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import type { Identity } from '@peiyu/contracts';
import { CurrentIdentity, Roles, callerOf, requestGroupLoader, requestLoader } from '@peiyu/platform-nest';
import { OrganizationsService } from './organizations.service.js';
import { DistrictRef, Institution } from './organizations.types.js';
import { ServiceContractsService } from './service-contracts.service.js';
import { InstitutionStaffMember, RecordServiceContractInput, ServiceContract, SetServiceContractEndInput, StreetRef } from './service-contracts.types.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { findInstitutionStaff } from '@peiyu/platform-identity-data-access';
import { IsCalendarDate } from './calendar-date.js';

@ArgsType()
class ServiceContractsArgs {
  @Field(() => ID, { nullable: true, description: 'Only the contracts of this institution.' })
  @IsOptional()
  @IsUUID('all', { message: 'institutionId must be a UUID' })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the contracts of this district.' })
  @IsOptional()
  @IsUUID('all', { message: 'districtId must be a UUID' })
  districtId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only the contracts in force on this day, YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  inForceOn?: string | null;
}

@Resolver(() => ServiceContract)
export class ServiceContractResolver {
  constructor(
    private readonly contracts: ServiceContractsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => [ServiceContract], { description: 'Service contracts whose district and institution the caller may see, newest first; filtered by the arguments given.' })
  serviceContracts(@Args() args: ServiceContractsArgs, @CurrentIdentity() caller: Identity): Promise<ServiceContract[]> {
    return this.contracts.list(caller, { institutionIds: args.institutionId ? [args.institutionId] : undefined, districtId: args.districtId, inForceOn: args.inForceOn });
  }

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => ServiceContract, { description: "Records a service contract of a district the caller's scopes cover (FORBIDDEN otherwise); BAD_USER_INPUT naming the field of invalid input." })
  recordServiceContract(@Args('input') input: RecordServiceContractInput, @CurrentIdentity() caller: Identity): Promise<ServiceContract> {
    return this.contracts.record(input, caller);
  }

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => ServiceContract, { description: "Moves a contract's last day (ends it early or extends it) at the version read: CONFLICT, changing nothing, when it has changed since." })
  setServiceContractEnd(@Args('input') input: SetServiceContractEndInput, @CurrentIdentity() caller: Identity): Promise<ServiceContract> {
    return this.contracts.setEnd(input, caller);
  }

  @ResolveField(() => Boolean, { description: 'Whether it is in force today (China calendar day).' })
  inForce(@Parent() contract: ServiceContract): boolean {
    return ServiceContractsService.inForce(contract);
  }

  @ResolveField(() => Institution, { description: 'The institution whose services are bought.' })
  async institution(@Parent() contract: ServiceContract, @Context() ctx: object): Promise<Institution> {
    const institution = await requestLoader(ctx, 'institution', (ids) => this.organizations.findInstitutions(ids, callerOf(ctx)), (i) => i.id).load(contract.institutionId);
    return institution!;
  }

  @ResolveField(() => DistrictRef, { description: 'The district that buys them, resolved by communities-service.' })
  district(@Parent() contract: ServiceContract): DistrictRef {
    return { id: contract.districtId };
  }

  @ResolveField(() => [StreetRef], { description: 'The streets it covers, resolved by communities-service; empty when it covers the whole district.' })
  streets(@Parent() contract: ServiceContract): StreetRef[] {
    return contract.streetIds.map((id) => ({ id }));
  }
}

/** An institution's contracts and staff. */
@Resolver(() => Institution)
export class InstitutionContractsResolver {
  constructor(
    private readonly contracts: ServiceContractsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @ResolveField(() => [InstitutionStaffMember], { description: 'Its staff: the users whose scopes name it, directors first, then supervisors, then social workers, by name.' })
  staff(@Parent() institution: Institution, @Context() ctx: object): Promise<InstitutionStaffMember[]> {
    return requestGroupLoader(ctx, 'staffByInstitution', (ids) => findInstitutionStaff(this.db, ids), (m) => m.institutionId).load(institution.id);
  }

  @ResolveField(() => [ServiceContract], { description: 'Its service contracts whose district the caller may see, newest first.' })
  serviceContracts(@Parent() institution: Institution, @Context() ctx: object): Promise<ServiceContract[]> {
    return requestGroupLoader(ctx, 'contractsByInstitution', (ids) => this.contracts.list(callerOf(ctx), { institutionIds: ids }), (c) => c.institutionId).load(institution.id);
  }
}
