import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { reachOf, requireReach, seesDistrict } from '@peiyu/platform-reach';
import { Args, Context, Float, GraphQLISODateTime, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { Identity, ProcessPolicy, WorkingStage } from '@peiyu/contracts';
import type { StageHistoryEntity } from '@peiyu/cultivation-data-access';
import { CurrentIdentity, Roles, requestGroupLoader, requestLoader } from '@peiyu/platform-nest';
import { CultivationService, actorOf } from './cultivation.service.js';
import {
  AcknowledgeEscalationInput,
  ApproveGateInput,
  CommunityRef,
  Cultivation,
  CultivationAsOf,
  CultivationFilter,
  CultivationRefInput,
  Deviation,
  Escalation,
  EscalationStep,
  ExtendDeadlineInput,
  FlagDeviationInput,
  Gate,
  InstitutionRef,
  OrganizationRef,
  PauseCultivationInput,
  ProcessPolicyVersion,
  SetProcessPolicyInput,
  StageRecord,
  StartCultivationInput,
  SubmitCorrectionPlanInput,
  TerminateCultivationInput,
  TimelineEvent,
} from './cultivation.types.js';

/** The policy in force per district, read once per request and district. */
function policyLoader(ctx: object, service: CultivationService) {
  return requestLoader<ProcessPolicy & { districtId: string }>(
    ctx,
    'policyByDistrict',
    (ids) => Promise.all(ids.map(async (districtId) => ({ ...(await service.policyFor(districtId)), districtId }))),
    (p) => p.districtId,
  );
}

const MANAGING_ROLES = ['PROGRAMME_MANAGER', 'SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR'] as const;

@Resolver(() => Cultivation)
export class CultivationResolver {
  constructor(private readonly service: CultivationService) {}

  @Query(() => Int, { description: "How many cultivations `cultivations` would list with the same filter (within the caller's scopes), counted without listing them." })
  cultivationCount(
    @CurrentIdentity() caller: Identity,
    @Args('filter', { type: () => CultivationFilter, nullable: true }) filter?: CultivationFilter,
  ): Promise<number> {
    return this.service.count(caller, filter ?? {});
  }

  @Query(() => [Cultivation], { description: 'Cultivations, most recently started first, narrowed by the filter.' })
  cultivations(
    @CurrentIdentity() caller: Identity,
    @Args('filter', { type: () => CultivationFilter, nullable: true }) filter?: CultivationFilter,
  ): Promise<Cultivation[]> {
    return this.service.list(caller, filter ?? {});
  }

  @Query(() => Cultivation, { description: 'One cultivation; NOT_FOUND if the id is unknown, FORBIDDEN if it lies outside your scopes.' })
  cultivation(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.get(id, caller);
  }

  @Query(() => CultivationAsOf, { description: 'A cultivation as it stood at a past instant (stage, status, deadline, escalations), rebuilt from its recorded events.' })
  cultivationAsOf(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => GraphQLISODateTime }) asOf: Date,
    @CurrentIdentity() caller: Identity,
  ): Promise<CultivationAsOf> {
    return this.service.asOf(id, asOf, caller);
  }

  @Roles(...MANAGING_ROLES)
  @Mutation(() => Cultivation, { description: 'Starts cultivating an organization: starts its workflow, in the formation stage.' })
  startCultivation(@Args('input') input: StartCultivationInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.start(input, caller);
  }

  @Mutation(() => Cultivation, { description: "Approves the current stage's gate (supervisors; GATE_NOT_MET while a criterion is missing); the next stage starts." })
  approveGate(@Args('input') input: ApproveGateInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.command(input.cultivationId, 'approveGate', { actor: actorOf(caller), note: input.note ?? null });
  }

  @Mutation(() => Cultivation, { description: 'Extends the current stage deadline (programme managers), within the policy limit (EXTENSION_BEYOND_POLICY otherwise), with a reason on the record.' })
  extendDeadline(@Args('input') input: ExtendDeadlineInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.command(input.cultivationId, 'extendDeadline', { actor: actorOf(caller), newDeadline: input.newDeadline.toISOString(), reason: input.reason });
  }

  @Mutation(() => Cultivation, { description: 'Pauses work; the stage clock stops. A pause longer than policy raises an INTERRUPTION escalation.' })
  pauseCultivation(@Args('input') input: PauseCultivationInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.command(input.cultivationId, 'pause', { actor: actorOf(caller), reason: input.reason });
  }

  @Mutation(() => Cultivation, { description: 'Resumes paused work; the deadline moves by the paused time.' })
  resumeCultivation(@Args('input') input: CultivationRefInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.command(input.cultivationId, 'resume', { actor: actorOf(caller) });
  }

  @Mutation(() => Cultivation, { description: 'Flags a direction deviation (programme managers); a correction plan is then due by a date.' })
  flagDeviation(@Args('input') input: FlagDeviationInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.command(input.cultivationId, 'flagDeviation', {
      actor: actorOf(caller),
      note: input.note,
      correctionDueAt: input.correctionDueAt ? input.correctionDueAt.toISOString() : null,
    });
  }

  @Mutation(() => Cultivation, { description: 'Submits the correction plan for a flagged deviation, resolving its escalation.' })
  submitCorrectionPlan(@Args('input') input: SubmitCorrectionPlanInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.command(input.cultivationId, 'submitCorrectionPlan', { actor: actorOf(caller), plan: input.plan });
  }

  @Mutation(() => Cultivation, { description: 'Ends a cultivation early with a reason (programme managers); its escalations resolve.' })
  terminateCultivation(@Args('input') input: TerminateCultivationInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.command(input.cultivationId, 'terminate', { actor: actorOf(caller), reason: input.reason });
  }

  @ResolveField(() => OrganizationRef, { description: 'The organization being cultivated.' })
  organization(@Parent() cultivation: Cultivation): OrganizationRef {
    return { id: cultivation.organizationId };
  }

  @ResolveField(() => InstitutionRef, { description: 'The institution cultivating it.' })
  institution(@Parent() cultivation: Cultivation): InstitutionRef {
    return { id: cultivation.institutionId };
  }

  @ResolveField(() => CommunityRef, { description: 'The community of the organization.' })
  community(@Parent() cultivation: Cultivation): CommunityRef {
    return { id: cultivation.communityId };
  }

  @ResolveField(() => Gate, { description: "The current stage's gate as the workflow last evaluated it." })
  gate(@Parent() cultivation: Cultivation & { gate: { met: boolean; evaluatedAt: string | null; criteria: Omit<Gate['criteria'][number], 'missing'>[] } }): Gate {
    const { gate } = cultivation;
    return {
      met: gate.met,
      evaluatedAt: gate.evaluatedAt ? new Date(gate.evaluatedAt) : null,
      criteria: gate.criteria.map((c) => ({ ...c, missing: Math.max(c.threshold - c.actual, 0) })),
    };
  }

  @ResolveField(() => Deviation, { nullable: true, description: 'The flagged deviation awaiting its correction plan, if any.' })
  deviation(@Parent() cultivation: Cultivation & { deviation: { note: string; flaggedAt: string; correctionDueAt: string } | null }): Deviation | null {
    const d = cultivation.deviation;
    return d ? { note: d.note, flaggedAt: new Date(d.flaggedAt), correctionDueAt: new Date(d.correctionDueAt) } : null;
  }

  @ResolveField(() => [Escalation], { description: 'Every escalation raised for this cultivation, oldest first.' })
  escalations(@Parent() cultivation: Cultivation, @Context() ctx: object): Promise<Escalation[]> {
    return requestGroupLoader(ctx, 'escalationsByCultivation', (ids) => this.service.escalationsOf(ids), (e) => e.cultivationId).load(cultivation.id);
  }

  @ResolveField(() => [StageRecord], { description: 'Every stage entered so far, with planned against actual deadlines.' })
  stageHistory(@Parent() cultivation: Cultivation, @Context() ctx: object): Promise<StageRecord[]> {
    return this.stages(ctx).load(cultivation.id);
  }

  @ResolveField(() => [TimelineEvent], { description: 'Every recorded event of the process, in order.' })
  async timeline(@Parent() cultivation: Cultivation, @Context() ctx: object): Promise<TimelineEvent[]> {
    const events = await requestGroupLoader(ctx, 'timelineByCultivation', (ids) => this.service.timelineOf(ids), (e) => e.cultivationId).load(cultivation.id);
    return events.map((e) => ({ ...e, details: JSON.stringify(e.details) }));
  }

  @ResolveField(() => Float, {
    description:
      'Share of the current stage\'s working time used: (now − stage start − paused time) ÷ (deadline − stage start − paused time before now). Over 1 means overdue; 0 for a completed or terminated cultivation.',
  })
  async deadlineUsage(@Parent() cultivation: Cultivation, @Context() ctx: object): Promise<number> {
    if (cultivation.stage === 'COMPLETED' || cultivation.status === 'TERMINATED') return 0;
    const record = (await this.stages(ctx).load(cultivation.id)).find((s) => s.stage === cultivation.stage && s.leftAt === null);
    const pausedMs = (record?.pausedSeconds ?? 0) * 1000;
    const now = cultivation.pausedAt ? cultivation.pausedAt.getTime() : Date.now();
    const start = cultivation.stageStartedAt.getTime();
    const allowed = cultivation.stageDeadline.getTime() - start - pausedMs;
    return allowed <= 0 ? 1 : Math.max(0, (now - start - pausedMs) / allowed);
  }

  @ResolveField(() => Boolean, { description: "True when the deadline usage has passed the policy's warning ratio (by default 75%) but the stage is not overdue yet." })
  async atRisk(@Parent() cultivation: Cultivation, @Context() ctx: object): Promise<boolean> {
    if (cultivation.stage === 'COMPLETED' || cultivation.status === 'TERMINATED') return false;
    const usage = await this.deadlineUsage(cultivation, ctx);
    const policy = await policyLoader(ctx, this.service).load(cultivation.districtId);
    return usage >= policy!.stages[cultivation.stage as WorkingStage].warningRatio && usage < 1;
  }

  @ResolveField(() => Boolean, { description: 'True when an active working stage is past its deadline.' })
  overdue(@Parent() cultivation: Cultivation): boolean {
    return cultivation.status === 'ACTIVE' && cultivation.stage !== 'COMPLETED' && cultivation.stageDeadline.getTime() < Date.now();
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: object): Promise<Cultivation | undefined> {
    return requestLoader(ctx, 'cultivation', (ids) => this.service.findMany(ids), (c) => c.id).load(ref.id);
  }

  private stages(ctx: object) {
    return requestGroupLoader<StageHistoryEntity>(ctx, 'stagesByCultivation', (ids) => this.service.stagesOf(ids), (s) => s.cultivationId);
  }
}

@Resolver(() => Escalation)
export class EscalationResolver {
  constructor(private readonly service: CultivationService) {}

  @Query(() => [Escalation], { description: 'Escalations, newest first; only those of one cultivation when cultivationId is given, only unresolved ones when openOnly.' })
  escalations(
    @CurrentIdentity() caller: Identity,
    @Args('cultivationId', { type: () => ID, nullable: true }) cultivationId?: string,
    @Args('openOnly', { type: () => Boolean, nullable: true }) openOnly?: boolean,
  ): Promise<Escalation[]> {
    return this.service.escalations(caller, { cultivationId, openOnly: openOnly ?? false });
  }

  @Mutation(() => Escalation, { description: 'Acknowledges an escalation at its current level with a plan; only the role of that level (or ADMIN) may; it stops climbing.' })
  async acknowledgeEscalation(@Args('input') input: AcknowledgeEscalationInput, @CurrentIdentity() caller: Identity): Promise<Escalation> {
    const escalation = await this.service.escalationById(input.escalationId);
    await this.service.command(escalation.cultivationId, 'acknowledgeEscalation', { actor: actorOf(caller), escalationKey: escalation.key, plan: input.plan });
    return this.service.escalationById(input.escalationId);
  }

  @ResolveField(() => Cultivation, { description: 'The cultivation it concerns.' })
  async cultivation(@Parent() escalation: Escalation, @Context() ctx: object): Promise<Cultivation> {
    const cultivation = await requestLoader(ctx, 'cultivation', (ids) => this.service.findMany(ids), (c) => c.id).load(escalation.cultivationId);
    return cultivation!;
  }

  @ResolveField(() => [EscalationStep], { description: 'Each level it reached, with who had to acknowledge and whether they did.' })
  async steps(@Parent() escalation: Escalation, @Context() ctx: object): Promise<EscalationStep[]> {
    const [steps, cultivation] = await Promise.all([
      requestGroupLoader(ctx, 'stepsByEscalation', (ids) => this.service.stepsOf(ids), (s) => s.escalationId).load(escalation.id),
      requestLoader(ctx, 'cultivation', (ids) => this.service.findMany(ids), (c) => c.id).load(escalation.cultivationId),
    ]);
    // One policy read per district in the request, however many escalations are listed.
    const policy = (await policyLoader(ctx, this.service).load(cultivation!.districtId))!;
    return steps.map((s) => ({ ...s, role: policy.ladder[s.level - 1]?.role ?? null }));
  }
}

@Resolver(() => ProcessPolicyVersion)
export class ProcessPolicyResolver {
  constructor(
    private readonly service: CultivationService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Query(() => ProcessPolicyVersion, {
    description: "The process policy in force for a district (its own, else the city-wide one, else the built-in default); FORBIDDEN for a district the caller's scopes do not reach.",
  })
  async processPolicy(@Args('districtId', { type: () => ID }) districtId: string, @CurrentIdentity() caller: Identity): Promise<ProcessPolicyVersion> {
    requireReach(seesDistrict(await reachOf(this.db, caller), districtId), 'District', districtId);
    // As loadPolicy decides: the district's latest, else the latest city-wide, else the default (last).
    const history = await this.service.policyHistory(districtId);
    const inForce = history.find((v) => v.districtId === districtId) ?? history.find((v) => v.districtId === null)!;
    return { ...inForce, districtId, document: JSON.stringify(inForce.document) };
  }

  @Query(() => [ProcessPolicyVersion], {
    description:
      "Every policy version that applies or applied to a district, newest first, with who stored it and when: the district's own and the city-wide ones, then the built-in default; FORBIDDEN for a district the caller's scopes do not reach.",
  })
  async processPolicyVersions(@Args('districtId', { type: () => ID }) districtId: string, @CurrentIdentity() caller: Identity): Promise<ProcessPolicyVersion[]> {
    requireReach(seesDistrict(await reachOf(this.db, caller), districtId), 'District', districtId);
    const history = await this.service.policyHistory(districtId);
    return history.map((v) => ({ ...v, document: JSON.stringify(v.document) }));
  }

  @Roles('ADMIN')
  @Mutation(() => ProcessPolicyVersion, {
    description:
      "Stores a new policy version (admins). Stages entered from now on use it. Running stages keep their version's gate criteria and ladder, but their deadlines are recomputed with the new stage durations, shortly after (each move is on the cultivation's timeline as DEADLINE_RECOMPUTED).",
  })
  async setProcessPolicy(@Args('input') input: SetProcessPolicyInput, @CurrentIdentity() caller: Identity): Promise<ProcessPolicyVersion> {
    const stored = await this.service.setPolicy(input.districtId ?? null, input.document, caller.userId);
    return {
      districtId: stored.districtId,
      version: stored.version,
      document: JSON.stringify(stored.document),
      storedAt: stored.createdAt,
      storedByUserId: stored.createdBy,
      storedByUsername: caller.username,
    };
  }
}
