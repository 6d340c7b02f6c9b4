import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Identity, Role } from '@peiyu/contracts';
import { CurrentIdentity, Roles, requestGroupLoader, requestLoader } from '@peiyu/platform-nest';
import { maskName, maskPhone } from './masking.js';
import { EvidenceService } from './evidence.service.js';
import {
  Activity,
  AddMemberInput,
  AdoptCharterInput,
  Charter,
  Filing,
  Member,
  MemberLeftInput,
  RecordActivityInput,
  RecordFilingInput,
  SetMemberLeaderInput,
} from './evidence.types.js';
import { Organization } from './organizations.types.js';

/** Who records the evidence of a cultivation: the institution's staff and the programme manager. */
const EVIDENCE_RECORDERS: Role[] = ['SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR', 'PROGRAMME_MANAGER'];
/** Who records a filing: the street office that filed it, or the programme manager. */
const FILING_RECORDERS: Role[] = ['STREET_OFFICER', 'PROGRAMME_MANAGER'];

/** The evidence fields of an organization; each list through a per-request loader. */
@Resolver(() => Organization)
export class OrganizationEvidenceResolver {
  constructor(private readonly evidence: EvidenceService) {}

  @ResolveField(() => [Member], { description: 'Its members in order of joining; former members too when includeFormer is true.' })
  members(
    @Parent() organization: Organization,
    @Context() ctx: object,
    @Args('includeFormer', { type: () => Boolean, nullable: true, defaultValue: false, description: 'Whether members who left are listed too.' })
    includeFormer: boolean | null,
  ): Promise<Member[]> {
    const all = includeFormer === true;
    return requestGroupLoader(
      ctx,
      all ? 'membersByOrganization:all' : 'membersByOrganization:current',
      (ids) => this.evidence.membersOf(ids, all),
      (m) => m.organizationId,
    ).load(organization.id);
  }

  @ResolveField(() => [Activity], { description: 'The activities it held, newest first.' })
  activities(@Parent() organization: Organization, @Context() ctx: object): Promise<Activity[]> {
    return requestGroupLoader(ctx, 'activitiesByOrganization', (ids) => this.evidence.activitiesOf(ids), (a) => a.organizationId).load(organization.id);
  }

  @ResolveField(() => Charter, { nullable: true, description: 'The charter in force; null when it has adopted none.' })
  async charter(@Parent() organization: Organization, @Context() ctx: object): Promise<Charter | null> {
    return (await requestLoader(ctx, 'charterByOrganization', (ids) => this.evidence.currentChartersOf(ids), (c) => c.organizationId).load(organization.id)) ?? null;
  }

  @ResolveField(() => Filing, { nullable: true, description: 'Its filing record (备案); null until it is filed.' })
  async filing(@Parent() organization: Organization, @Context() ctx: object): Promise<Filing | null> {
    return (await requestLoader(ctx, 'filingByOrganization', (ids) => this.evidence.filingsOf(ids), (f) => f.organizationId).load(organization.id)) ?? null;
  }
}

@Resolver(() => Member)
export class MemberResolver {
  constructor(private readonly evidence: EvidenceService) {}

  @Roles(...EVIDENCE_RECORDERS)
  @Mutation(() => Member, { description: 'Records a new member of an organization.' })
  addMember(@Args('input') input: AddMemberInput, @CurrentIdentity() caller: Identity): Promise<Member> {
    return this.evidence.addMember(input, caller);
  }

  @Roles(...EVIDENCE_RECORDERS)
  @Mutation(() => Member, { description: 'Records that a member left; the member stays listed as a former member.' })
  memberLeft(@Args('input') input: MemberLeftInput, @CurrentIdentity() caller: Identity): Promise<Member> {
    return this.evidence.memberLeft(input, caller);
  }

  @Roles(...EVIDENCE_RECORDERS)
  @Mutation(() => Member, { description: 'Makes a member a leader (骨干), or no longer one.' })
  setMemberLeader(@Args('input') input: SetMemberLeaderInput, @CurrentIdentity() caller: Identity): Promise<Member> {
    return this.evidence.setMemberLeader(input, caller);
  }

  @ResolveField(() => String, { description: 'Full name; masked (family name only) for analysts.' })
  name(@Parent() member: Member, @CurrentIdentity() caller: Identity): string {
    return caller.role === 'ANALYST' ? maskName(member.name) : member.name;
  }

  @ResolveField(() => String, { nullable: true, description: 'A contact phone number; null when not given; masked for analysts.' })
  phone(@Parent() member: Member, @CurrentIdentity() caller: Identity): string | null {
    return caller.role === 'ANALYST' ? maskPhone(member.phone) : member.phone;
  }
}

@Resolver(() => Activity)
export class ActivityResolver {
  constructor(private readonly evidence: EvidenceService) {}

  @Roles(...EVIDENCE_RECORDERS)
  @Mutation(() => Activity, { description: 'Records an activity an organization held, with the members who attended.' })
  recordActivity(@Args('input') input: RecordActivityInput, @CurrentIdentity() caller: Identity): Promise<Activity> {
    return this.evidence.recordActivity(input, caller);
  }

  @ResolveField(() => [Member], { description: 'The members who attended, by name.' })
  async attendees(@Parent() activity: Activity, @Context() ctx: object): Promise<Member[]> {
    const attendance = await requestGroupLoader(ctx, 'attendanceByActivity', (ids) => this.evidence.attendanceOf(ids), (a) => a.activityId).load(activity.id);
    return attendance.map((a) => a.member);
  }
}

@Resolver(() => Charter)
export class CharterResolver {
  constructor(private readonly evidence: EvidenceService) {}

  @Roles(...EVIDENCE_RECORDERS)
  @Mutation(() => Charter, { description: 'Records the charter an organization adopted; the charter in force before is kept as history.' })
  adoptCharter(@Args('input') input: AdoptCharterInput, @CurrentIdentity() caller: Identity): Promise<Charter> {
    return this.evidence.adoptCharter(input, caller);
  }
}

@Resolver(() => Filing)
export class FilingResolver {
  constructor(private readonly evidence: EvidenceService) {}

  @Roles(...FILING_RECORDERS)
  @Mutation(() => Filing, { description: 'Records the filing (备案) of an organization, once; its status becomes FILED.' })
  recordFiling(@Args('input') input: RecordFilingInput, @CurrentIdentity() caller: Identity): Promise<Filing> {
    return this.evidence.recordFiling(input, caller);
  }
}
