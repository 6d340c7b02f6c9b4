import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, QueryFailedError, type EntityManager } from 'typeorm';
import { domainEvent, type DomainEvent, type Identity } from '@peiyu/contracts';
import {
  ActivityAttendeeEntity,
  ActivityEntity,
  CharterEntity,
  FilingEntity,
  MemberEntity,
  ORGANIZATIONS_SCHEMA,
  OrganizationEntity,
  type EvidenceKind,
} from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { DomainException } from '@peiyu/platform-nest';
import { reachOf, requireEvidenceRecorder, requireReach, seesOrganization } from '@peiyu/platform-reach';
import type { AddMemberInput, AdoptCharterInput, MemberLeftInput, RecordActivityInput, RecordFilingInput, SetMemberLeaderInput } from './evidence.types.js';

/**
 * The `organization.evidence-changed` event. Built here, with a cast, until @peiyu/contracts lists
 * the type; then this becomes `domainEvent('organization.evidence-changed', { organizationId, evidence, at })`.
 */
function evidenceChanged(organizationId: string, evidence: EvidenceKind, at: Date): DomainEvent {
  return domainEvent('organization.evidence-changed', { organizationId, evidence, at: at.toISOString() });
}

/** Appends the evidence event of a change, keyed `evidence:<kind>:<row id>:<action>`, in the caller's transaction. */
function appendEvidenceChanged(manager: EntityManager, organizationId: string, evidence: EvidenceKind, rowId: string, action: string, at: Date): Promise<void> {
  return appendOutboxEvent(manager, ORGANIZATIONS_SCHEMA, `evidence:${evidence.toLowerCase()}:${rowId}:${action}`, evidenceChanged(organizationId, evidence, at));
}

function violatedConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? driverError.constraint : undefined;
}

/** Attendance of one member at one activity, the member loaded. */
export type Attendance = ActivityAttendeeEntity & { member: MemberEntity };

/**
 * The evidence a cultivation's gates are judged on: members, activities and who attended them,
 * charters and the filing record. Each change is written with its `organization.evidence-changed`
 * outbox event in one transaction; every check comes first, so a refused input writes nothing.
 */
@Injectable()
export class EvidenceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Members of the given organizations, in order of joining; former members only when asked. */
  membersOf(organizationIds: readonly string[], includeFormer: boolean): Promise<MemberEntity[]> {
    return this.db.getRepository(MemberEntity).find({
      where: { organizationId: In([...organizationIds]), ...(includeFormer ? {} : { leftOn: IsNull() }) },
      order: { joinedOn: 'ASC', name: 'ASC', id: 'ASC' },
    });
  }

  /** Activities of the given organizations, newest first. */
  activitiesOf(organizationIds: readonly string[]): Promise<ActivityEntity[]> {
    return this.db.getRepository(ActivityEntity).find({
      where: { organizationId: In([...organizationIds]) },
      order: { heldOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** Who attended the given activities, by member name. */
  async attendanceOf(activityIds: readonly string[]): Promise<Attendance[]> {
    const rows = await this.db.getRepository(ActivityAttendeeEntity).find({
      where: { activityId: In([...activityIds]) },
      relations: { member: true },
      order: { member: { name: 'ASC', id: 'ASC' } },
    });
    return rows as Attendance[];
  }

  /** The charters in force of the given organizations. */
  currentChartersOf(organizationIds: readonly string[]): Promise<CharterEntity[]> {
    return this.db.getRepository(CharterEntity).findBy({ organizationId: In([...organizationIds]), supersededAt: IsNull() });
  }

  /** The filing records of the given organizations. */
  filingsOf(organizationIds: readonly string[]): Promise<FilingEntity[]> {
    return this.db.getRepository(FilingEntity).findBy({ organizationId: In([...organizationIds]) });
  }

  addMember(input: AddMemberInput, caller: Identity): Promise<MemberEntity> {
    const at = new Date();
    return this.db.transaction(async (manager) => {
      await this.organizationForInput(manager, input.organizationId, caller);
      const phone = input.phone?.trim();
      const member = await manager.getRepository(MemberEntity).save({
        id: randomUUID(),
        organizationId: input.organizationId,
        name: input.name.trim(),
        phone: phone ? phone : null,
        joinedOn: input.joinedOn,
        leftOn: null,
        isLeader: input.isLeader ?? false,
      });
      await appendEvidenceChanged(manager, member.organizationId, 'MEMBERS', member.id, 'added', at);
      return member;
    });
  }

  memberLeft(input: MemberLeftInput, caller: Identity): Promise<MemberEntity> {
    const at = new Date();
    return this.db.transaction(async (manager) => {
      const member = await this.memberForInput(manager, input.memberId, caller);
      if (member.leftOn !== null) throw DomainException.badInput('memberId', `Member ${member.id} already left on ${member.leftOn}.`);
      if (input.leftOn < member.joinedOn) throw DomainException.badInput('leftOn', `leftOn must not be before the member joined, on ${member.joinedOn}.`);
      const [lastAttended]: { held_on: string | null }[] = await manager.query(
        `SELECT to_char(max(a."held_on"), 'YYYY-MM-DD') AS "held_on"
         FROM "organizations"."activity_attendee" t JOIN "organizations"."activity" a ON a."id" = t."activity_id"
         WHERE t."member_id" = $1`,
        [member.id],
      );
      if (lastAttended.held_on !== null && input.leftOn <= lastAttended.held_on) {
        throw DomainException.badInput('leftOn', `leftOn must be after ${lastAttended.held_on}, when the member last attended an activity.`);
      }
      member.leftOn = input.leftOn;
      const saved = await manager.getRepository(MemberEntity).save(member);
      await appendEvidenceChanged(manager, saved.organizationId, 'MEMBERS', saved.id, 'left', at);
      return saved;
    });
  }

  setMemberLeader(input: SetMemberLeaderInput, caller: Identity): Promise<MemberEntity> {
    const at = new Date();
    return this.db.transaction(async (manager) => {
      const member = await this.memberForInput(manager, input.memberId, caller);
      if (input.isLeader && member.leftOn !== null) {
        throw DomainException.badInput('memberId', `Member ${member.id} left on ${member.leftOn} and cannot become a leader.`);
      }
      // Nothing changes, so there is no evidence to announce.
      if (member.isLeader === input.isLeader) return member;
      member.isLeader = input.isLeader;
      const saved = await manager.getRepository(MemberEntity).save(member);
      // Leadership may change back and forth: each change is its own event, told apart by the row version.
      await appendEvidenceChanged(manager, saved.organizationId, 'MEMBERS', saved.id, `leader-v${saved.version}`, at);
      return saved;
    });
  }

  recordActivity(input: RecordActivityInput, caller: Identity): Promise<ActivityEntity> {
    const at = new Date();
    const attendeeIds = [...new Set(input.attendeeIds)];
    if (input.participants < attendeeIds.length) {
      throw DomainException.badInput('participants', `participants must be at least the ${attendeeIds.length} attendees.`);
    }
    return this.db.transaction(async (manager) => {
      await this.organizationForInput(manager, input.organizationId, caller);
      // Shared locks: a member cannot be recorded as having left before this activity meanwhile.
      const members =
        attendeeIds.length === 0 ? [] : await manager.getRepository(MemberEntity).find({ where: { id: In(attendeeIds) }, lock: { mode: 'pessimistic_read' } });
      const byId = new Map(members.map((m) => [m.id, m]));
      for (const id of attendeeIds) {
        const member = byId.get(id);
        if (!member || member.organizationId !== input.organizationId) {
          throw DomainException.badInput('attendeeIds', `${id} is not a member of organization ${input.organizationId}.`);
        }
        if (member.joinedOn > input.heldOn || (member.leftOn !== null && member.leftOn <= input.heldOn)) {
          throw DomainException.badInput('attendeeIds', `${member.name} (${id}) was not a member on ${input.heldOn}.`);
        }
      }
      const activity = await manager.getRepository(ActivityEntity).save({
        id: randomUUID(),
        organizationId: input.organizationId,
        kind: input.kind,
        title: input.title.trim(),
        heldOn: input.heldOn,
        hours: input.hours,
        participants: input.participants,
      });
      if (attendeeIds.length > 0) {
        await manager.getRepository(ActivityAttendeeEntity).insert(attendeeIds.map((memberId) => ({ activityId: activity.id, memberId })));
      }
      await appendEvidenceChanged(manager, activity.organizationId, 'ACTIVITIES', activity.id, 'recorded', at);
      return activity;
    });
  }

  adoptCharter(input: AdoptCharterInput, caller: Identity): Promise<CharterEntity> {
    const at = new Date();
    const text = input.text?.trim() || null;
    const fileReference = input.fileReference?.trim() || null;
    if (text === null && fileReference === null) throw DomainException.badInput('text', "Give the charter's text, a fileReference, or both.");
    return this.db.transaction(async (manager) => {
      // The organization's row lock makes adoptions of one organization take turns.
      await this.organizationForInput(manager, input.organizationId, caller, true);
      const charters = manager.getRepository(CharterEntity);
      const current = await charters.findOneBy({ organizationId: input.organizationId, supersededAt: IsNull() });
      if (current) {
        if (input.adoptedOn < current.adoptedOn) {
          throw DomainException.badInput('adoptedOn', `adoptedOn must not be before ${current.adoptedOn}, when the charter in force was adopted.`);
        }
        current.supersededAt = at;
        await charters.save(current);
      }
      const charter = await charters.save({ id: randomUUID(), organizationId: input.organizationId, adoptedOn: input.adoptedOn, text, fileReference, supersededAt: null });
      await appendEvidenceChanged(manager, charter.organizationId, 'CHARTER', charter.id, 'adopted', at);
      return charter;
    });
  }

  async recordFiling(input: RecordFilingInput, caller: Identity): Promise<FilingEntity> {
    const at = new Date();
    try {
      return await this.db.transaction(async (manager) => {
        const organization = await this.organizationForInput(manager, input.organizationId, caller, true);
        if (organization.status === 'DISSOLVED') throw DomainException.badInput('organizationId', `Organization ${organization.id} is dissolved.`);
        const existing = await manager.getRepository(FilingEntity).findOneBy({ organizationId: organization.id });
        if (existing) throw DomainException.badInput('organizationId', `Organization ${organization.id} was filed already, number ${existing.number}.`);
        const filing = await manager.getRepository(FilingEntity).save({
          id: randomUUID(),
          organizationId: organization.id,
          number: input.number.trim(),
          filedOn: input.filedOn,
          authority: input.authority.trim(),
        });
        // An organization already independent stays so: being filed is a step it has passed.
        if (organization.status !== 'INDEPENDENT') {
          organization.status = 'FILED';
          await manager.getRepository(OrganizationEntity).save(organization);
        }
        await appendEvidenceChanged(manager, organization.id, 'FILING', filing.id, 'recorded', at);
        return filing;
      });
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === 'filing_number_per_authority') throw DomainException.badInput('number', `${input.authority} has issued filing number ${input.number} already.`);
      if (constraint === 'filing_one_per_organization') throw DomainException.badInput('organizationId', `Organization ${input.organizationId} was filed already.`);
      throw error;
    }
  }

  /**
   * The organization an input names; BAD_USER_INPUT on its field when there is none, FORBIDDEN when
   * the caller's scopes do not reach it. Locked for update when asked.
   */
  private async organizationForInput(manager: EntityManager, id: string, caller: Identity, lock = false): Promise<OrganizationEntity> {
    const organization = await manager.getRepository(OrganizationEntity).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!organization) throw DomainException.badInput('organizationId', `Organization ${id} does not exist.`);
    requireReach(seesOrganization(await reachOf(this.db, caller), organization), 'Organization', id);
    await requireEvidenceRecorder(this.db, caller, id);
    return organization;
  }

  /** The member an input names, locked for update; BAD_USER_INPUT on memberId when there is none, FORBIDDEN outside the caller's scopes. */
  private async memberForInput(manager: EntityManager, id: string, caller: Identity): Promise<MemberEntity> {
    const member = await manager.getRepository(MemberEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!member) throw DomainException.badInput('memberId', `Member ${id} does not exist.`);
    const organization = await manager.getRepository(OrganizationEntity).findOneByOrFail({ id: member.organizationId });
    requireReach(seesOrganization(await reachOf(this.db, caller), organization), 'Organization', organization.id);
    await requireEvidenceRecorder(this.db, caller, organization.id);
    return member;
  }
}
