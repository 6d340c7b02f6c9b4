import { ORGANIZATION_CATEGORIES, domainEvent, type DomainEvent, type OrganizationCategory, type OrganizationStatus } from '@peiyu/contracts';
import type { ActivityKind } from '@peiyu/organizations-data-access';
import { simulateCultivation, type Actors, type CultivationHistory } from './cultivation-history.js';
import { evaluationRows } from './evaluations.js';
import { Random } from './random.js';
import type { Scale } from './scales.js';
import type { Chunk, Row } from './tables.js';
import {
  DISTRICT_NAMES,
  NameBook,
  activityTitle,
  charterText,
  communityName,
  institutionName,
  organizationName,
  personName,
  phoneNumber,
  respondentLabel,
  roadName,
  streetName,
} from './vocabulary.js';

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;

/** The instant generated data takes as now when none is given: midnight of 1 July 2026 in China. */
export const DEFAULT_REFERENCE_DATE = '2026-07-01T00:00:00+08:00';
/** Cultivations start over this many days before the reference instant (three years). */
const CULTIVATION_SPAN_DAYS = 3 * 365;
/** Organizations not cultivated were founded over this many days before it. */
const FOUNDING_SPAN_DAYS = 4 * 365;
/** About this many organizations are generated and written together, in one transaction. */
const ORGANIZATIONS_PER_CHUNK = 500;

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  /** The instant taken as now (ISO 8601): nothing generated happens after it. Default DEFAULT_REFERENCE_DATE. */
  referenceDate?: string;
}

export interface GeneratedDistrict {
  id: string;
  name: string;
  code: string;
}

export interface GeneratedInstitution {
  id: string;
  name: string;
  districtId: string;
}

export interface GeneratedCommunity {
  id: string;
  name: string;
  streetId: string;
  streetName: string;
  districtId: string;
  districtName: string;
}

/** A generated data set: its places, known up front, and its rows, made chunk by chunk. */
export interface Dataset {
  seed: number;
  scale: Scale;
  /** The reference instant, ISO 8601. */
  reference: string;
  districts: GeneratedDistrict[];
  institutions: GeneratedInstitution[];
  /** The rows, in chunks to write one transaction each, in an order their foreign keys allow. */
  chunks(): Generator<GeneratedChunk>;
}

export interface GeneratedChunk {
  rows: Chunk;
  /** Organizations (with all their rows) in this chunk, for progress. */
  organizations: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/**
 * The password hash of generated staff: not a hash at all, so no password matches it and they cannot
 * sign in (verifyPassword refuses what it cannot parse). They exist to be named, listed and scoped.
 */
export const NO_SIGN_IN = '!generated-no-sign-in';
const iso = (ms: number) => new Date(ms).toISOString();
/** The calendar day in China an instant falls on. */
const chinaDate = (ms: number) => new Date(ms + CHINA_OFFSET).toISOString().slice(0, 10);

interface Hierarchy {
  districts: (GeneratedDistrict & { createdAt: number; managerId: string })[];
  streets: { id: string; districtIndex: number; name: string; officerId: string }[];
  communities: (GeneratedCommunity & { streetIndex: number; population: number; households: number; address: string; demand: number[] })[];
  institutions: (GeneratedInstitution & { actors: Pick<Actors, 'SOCIAL_WORKER' | 'SUPERVISOR' | 'INSTITUTION_DIRECTOR'> })[];
  institutionsByDistrict: number[][];
}

function planHierarchy(seed: number, scale: Scale, reference: number): Hierarchy {
  const order = Random.of(seed, 'district-names');
  const names: string[] = [...DISTRICT_NAMES];
  for (let i = names.length - 1; i > 0; i--) {
    const j = order.int(0, i);
    [names[i], names[j]] = [names[j], names[i]];
  }
  const districtBook = new NameBook();
  const districts = Array.from({ length: scale.districts }, (_, d) => {
    const random = Random.of(seed, 'district', d);
    return {
      id: random.uuid(),
      name: districtBook.take(() => names[d % names.length]),
      // Unique per seed, so data sets of different seeds can share a database (--append).
      code: `G${seed}-${pad(d + 1)}`,
      createdAt: reference - 5 * 365 * DAY,
      managerId: random.uuid(),
    };
  });
  const streets: Hierarchy['streets'] = [];
  districts.forEach((_, d) => {
    const book = new NameBook();
    for (let s = 0; s < scale.streetsPerDistrict; s++) {
      const random = Random.of(seed, 'street', d, s);
      streets.push({ id: random.uuid(), districtIndex: d, name: book.take(() => streetName(random)), officerId: random.uuid() });
    }
  });
  const books = streets.map(() => new NameBook());
  const communities = Array.from({ length: scale.communities }, (_, c) => {
    const streetIndex = Math.floor((c * streets.length) / scale.communities);
    const street = streets[streetIndex];
    const district = districts[street.districtIndex];
    const random = Random.of(seed, 'community', c);
    const population = random.int(2_000, 15_000);
    return {
      id: random.uuid(),
      name: books[streetIndex].take(() => communityName(random)),
      streetId: street.id,
      streetName: street.name,
      districtId: district.id,
      districtName: district.name,
      streetIndex,
      population,
      households: Math.round(population / (2.4 + random.next() * 0.6)),
      address: `${district.name}${roadName(random)}${random.int(1, 399)}号`,
      // What its residents ask for, by category: the surveys' answers follow it.
      demand: ORGANIZATION_CATEGORIES.map(() => 0.2 + random.next()),
    };
  });
  const institutionBook = new NameBook();
  const institutions = Array.from({ length: scale.institutions }, (_, i) => {
    const district = districts[i % districts.length];
    const random = Random.of(seed, 'institution', i);
    return {
      id: random.uuid(),
      name: institutionBook.take(() => institutionName(random, district.name)),
      districtId: district.id,
      actors: { SOCIAL_WORKER: random.uuid(), SUPERVISOR: random.uuid(), INSTITUTION_DIRECTOR: random.uuid() },
    };
  });
  const institutionsByDistrict = districts.map((_, d) => institutions.map((_, i) => i).filter((i) => i % districts.length === d));
  return { districts, streets, communities, institutions, institutionsByDistrict };
}

/**
 * Plans a data set for a scale and seed. The same options always give the same rows: every number
 * comes from streams seeded by `seed` (random.ts) and every instant from `referenceDate`.
 */
export function generateDataset(options: GenerateOptions): Dataset {
  const { scale, seed } = options;
  if (scale.districts < 1 || scale.streetsPerDistrict < 1 || scale.communities < scale.districts * scale.streetsPerDistrict) {
    throw new Error('A scale needs at least one district, one street per district and one community per street.');
  }
  if (scale.institutions < scale.districts) throw new Error('A scale needs at least one institution per district.');
  if (scale.cultivations > scale.organizations) throw new Error('A scale has at most one cultivation per organization.');
  const reference = Date.parse(options.referenceDate ?? DEFAULT_REFERENCE_DATE);
  if (Number.isNaN(reference)) throw new Error(`The reference date ${options.referenceDate} is not an ISO 8601 instant.`);
  const hierarchy = planHierarchy(seed, scale, reference);

  function* chunks(): Generator<GeneratedChunk> {
    const { districts, streets, communities, institutions } = hierarchy;
    yield {
      organizations: 0,
      rows: {
        district: districts.map((d) => [d.id, d.name, d.code, iso(d.createdAt), 1]),
        street: streets.map((s) => [s.id, districts[s.districtIndex].id, s.name, iso(districts[s.districtIndex].createdAt), 1]),
        institution: institutions.map((i) => [i.id, i.name, iso(reference - 4 * 365 * DAY), 1]),
        serviceContract: serviceContractRows(),
        userAccount: staffRows(),
      },
    };
    const step = Math.max(1, Math.round((ORGANIZATIONS_PER_CHUNK * scale.communities) / Math.max(scale.organizations, 1)));
    for (let first = 0; first < communities.length; first += step) {
      const rows: Required<Chunk> = {
        district: [], street: [], institution: [], serviceContract: [], userAccount: [], community: [], organization: [], member: [], activity: [], activityAttendee: [], charter: [], filing: [],
        needsSurvey: [], surveyResponse: [], organizationOutbox: [], assessment: [], outcomeEvaluation: [], followUpCheck: [], assessmentsOutbox: [], cultivation: [], stageHistory: [], timelineEvent: [], escalation: [], escalationStep: [], cultivationOutbox: [],
      };
      let organizations = 0;
      for (let c = first; c < Math.min(first + step, communities.length); c++) {
        communityRows(c, rows);
        const from = Math.ceil((c * scale.organizations) / scale.communities);
        const to = Math.ceil(((c + 1) * scale.organizations) / scale.communities);
        const names = new NameBook();
        for (let j = from; j < to; j++) organizationRows(j, c, names, rows);
        organizations += to - from;
      }
      yield { organizations, rows };
    }
  }

  /** Each institution's contract with its district: the whole district, from before the first cultivation until a year after the reference. */
  function serviceContractRows(): Chunk['serviceContract'] & object {
    const startsOn = chinaDate(reference - (CULTIVATION_SPAN_DAYS + 180) * DAY);
    const endsOn = chinaDate(reference + 365 * DAY);
    return hierarchy.institutions.map((institution, i) => {
      const random = Random.of(seed, 'service-contract', i);
      const district = hierarchy.districts.find((d) => d.id === institution.districtId)!;
      return [random.uuid(), institution.id, district.id, '{}', `${district.code}-购买服务-${pad(i + 1, 4)}`, startsOn, endsOn, iso(reference - (CULTIVATION_SPAN_DAYS + 180) * DAY), 1];
    });
  }

  /**
   * The people the generated records name: each institution's social worker, supervisor and director,
   * each district's programme manager and each street's officer, with the scopes their roles take.
   */
  function staffRows(): Chunk['userAccount'] & object {
    const createdAt = iso(reference - 4 * 365 * DAY);
    const user = (id: string, username: string, random: Random, role: string, kind: string, scopeId: string) => [
      id, username, personName(random), NO_SIGN_IN, role, JSON.stringify([{ kind, id: scopeId }]), createdAt, 1,
    ];
    const rows: Row[] = [];
    hierarchy.institutions.forEach((institution, i) => {
      const random = Random.of(seed, 'staff', i);
      const name = `g${seed}-i${pad(i + 1, 3)}`;
      rows.push(user(institution.actors.INSTITUTION_DIRECTOR, `${name}-director`, random, 'INSTITUTION_DIRECTOR', 'INSTITUTION', institution.id));
      rows.push(user(institution.actors.SUPERVISOR, `${name}-supervisor`, random, 'SUPERVISOR', 'INSTITUTION', institution.id));
      rows.push(user(institution.actors.SOCIAL_WORKER, `${name}-worker`, random, 'SOCIAL_WORKER', 'INSTITUTION', institution.id));
    });
    hierarchy.districts.forEach((district, d) => {
      rows.push(user(district.managerId, `g${seed}-d${pad(d + 1)}-manager`, Random.of(seed, 'manager', d), 'PROGRAMME_MANAGER', 'DISTRICT', district.id));
    });
    hierarchy.streets.forEach((street, s) => {
      rows.push(user(street.officerId, `g${seed}-s${pad(s + 1, 3)}-officer`, Random.of(seed, 'officer', s), 'STREET_OFFICER', 'STREET', street.id));
    });
    return rows;
  }

  function communityRows(c: number, rows: Required<Chunk>): void {
    const community = hierarchy.communities[c];
    const created = hierarchy.districts[0].createdAt;
    rows.community.push([community.id, community.streetId, community.districtId, community.name, community.population, community.households, community.address, iso(created), 1]);
    const random = Random.of(seed, 'surveys', c);
    const surveys = random.weighted([[0, 0.15], [1, 0.6], [2, 0.25]] as const);
    for (let s = 0; s < surveys; s++) {
      const surveyId = random.uuid();
      const createdAt = reference - random.next() * 3 * 365 * DAY;
      rows.needsSurvey.push([surveyId, community.id, `${community.name}${chinaDate(createdAt).slice(0, 4)}年居民需求调查`, iso(createdAt), 1]);
      const responses = random.int(10, 50);
      for (let r = 0; r < responses; r++) {
        const wanted = new Set<OrganizationCategory>();
        const count = random.weighted([[1, 0.5], [2, 0.35], [3, 0.15]] as const);
        while (wanted.size < count) wanted.add(random.weighted(ORGANIZATION_CATEGORIES.map((category, k) => [category, community.demand[k]] as const)));
        const categories = ORGANIZATION_CATEGORIES.filter((category) => wanted.has(category));
        rows.surveyResponse.push([
          random.uuid(),
          surveyId,
          random.chance(0.7) ? respondentLabel(random) : null,
          `{${categories.join(',')}}`,
          iso(Math.min(createdAt + random.next() * 30 * DAY, reference)),
        ]);
      }
    }
  }

  function organizationRows(j: number, c: number, names: NameBook, rows: Required<Chunk>): void {
    const community = hierarchy.communities[c];
    const random = Random.of(seed, 'organization', j);
    const id = random.uuid();
    const category = random.weighted<OrganizationCategory>([['CULTURE_SPORTS', 0.35], ['LIFE_SERVICE', 0.25], ['PUBLIC_WELFARE', 0.25], ['MEDIATION', 0.15]]);
    const name = names.take(() => organizationName(random, community.name, category));
    const cultivated = Math.floor(((j + 1) * scale.cultivations) / scale.organizations) > Math.floor((j * scale.cultivations) / scale.organizations);

    let createdAt: number;
    let status: OrganizationStatus;
    let activeUntil = reference;
    /** When the organization reached each step of its growth, where it did. */
    let growthAt: number | null = null;
    let maturityAt: number | null = null;
    let withdrawalAt: number | null = null;
    let history: CultivationHistory | null = null;
    let assessors = { assessorId: '', supervisorId: '' };
    if (cultivated) {
      const startedAt = Math.round((reference - (1 + random.next() * (CULTIVATION_SPAN_DAYS - 1)) * DAY) / 1000) * 1000;
      createdAt = startedAt - random.int(10, 90) * DAY;
      const district = hierarchy.districts[hierarchy.streets[community.streetIndex].districtIndex];
      const candidates = hierarchy.institutionsByDistrict[hierarchy.streets[community.streetIndex].districtIndex];
      const institution = hierarchy.institutions[candidates[random.int(0, candidates.length - 1)]];
      assessors = { assessorId: institution.actors.SOCIAL_WORKER, supervisorId: institution.actors.SUPERVISOR };
      history = simulateCultivation({
        cultivationId: random.uuid(),
        organizationId: id,
        institutionId: institution.id,
        communityId: community.id,
        districtId: community.districtId,
        streetId: community.streetId,
        category,
        startedAt,
        reference,
        actors: { ...institution.actors, STREET_OFFICER: hierarchy.streets[community.streetIndex].officerId, PROGRAMME_MANAGER: district.managerId },
        random: Random.of(seed, 'cultivation', j),
      });
      growthAt = history.enteredAt.GROWTH ?? null;
      maturityAt = history.enteredAt.MATURITY ?? null;
      withdrawalAt = history.enteredAt.WITHDRAWAL ?? null;
      if (history.status === 'TERMINATED') {
        activeUntil = history.terminatedAt ?? reference;
        status = random.chance(0.7) ? 'DISSOLVED' : stageStatus(history.stage);
      } else {
        status = stageStatus(history.stage);
      }
    } else {
      createdAt = reference - (30 + random.next() * (FOUNDING_SPAN_DAYS - 30)) * DAY;
      status = random.weighted<OrganizationStatus>([['FORMING', 0.35], ['GROWING', 0.25], ['MATURE', 0.15], ['FILED', 0.1], ['INDEPENDENT', 0.05], ['DISSOLVED', 0.1]]);
      const span = reference - createdAt;
      if (status !== 'FORMING') growthAt = createdAt + span * 0.2;
      if (status === 'MATURE' || status === 'FILED' || status === 'INDEPENDENT') maturityAt = createdAt + span * 0.5;
      if (status === 'FILED' || status === 'INDEPENDENT') withdrawalAt = createdAt + span * 0.8;
      if (status === 'DISSOLVED') activeUntil = createdAt + span * (0.3 + random.next() * 0.6);
    }
    createdAt = Math.round(createdAt / 1000) * 1000;
    // A charter once it grew (adopted during growth), a filing once it matured.
    const charterAt =
      maturityAt !== null && growthAt !== null ? growthAt + random.next() * (maturityAt - growthAt)
      : growthAt !== null && random.chance(0.5) ? growthAt + random.next() * (activeUntil - growthAt)
      : null;
    const filedAt =
      withdrawalAt !== null && maturityAt !== null ? maturityAt + random.next() * (withdrawalAt - maturityAt)
      : maturityAt !== null && random.chance(0.4) ? maturityAt + random.next() * (activeUntil - maturityAt)
      : null;
    if (filedAt !== null && status === 'MATURE') status = 'FILED';
    rows.organization.push([id, name, community.id, category, status, iso(createdAt), 1]);

    // Members: most join early; some leave; the first few are its leaders (骨干).
    const memberCount = maturityAt !== null ? random.int(12, 30) : growthAt !== null ? random.int(8, 20) : random.int(5, 12);
    const leaders = random.int(2, 5);
    const members: { id: string; joinedOn: string; leftOn: string | null }[] = [];
    for (let m = 0; m < memberCount; m++) {
      const joined = createdAt + Math.pow(random.next(), 2) * (activeUntil - createdAt) * 0.8;
      const left = random.chance(0.12) || activeUntil < reference ? Math.min(joined + random.next() * (activeUntil - joined) + DAY, activeUntil) : null;
      const member = { id: random.uuid(), joinedOn: chinaDate(joined), leftOn: left === null ? null : chinaDate(left) };
      members.push(member);
      rows.member.push([
        member.id, id, personName(random), random.chance(0.85) ? phoneNumber(random) : null, member.joinedOn, member.leftOn, m < leaders, iso(Math.round(joined / 1000) * 1000), 1,
      ]);
    }

    // Activities over the months it was active, each attended by members active that day.
    const months = Math.max((activeUntil - createdAt) / (30 * DAY), 0.5);
    const activityCount = Math.min(Math.max(Math.round(months * random.around(0.55, 0.4)), 1), 18);
    let lastActivity: { id: string; at: number } | null = null;
    for (let a = 0; a < activityCount; a++) {
      const heldAt = createdAt + random.next() * (activeUntil - createdAt);
      const heldOn = chinaDate(heldAt);
      const kind = random.weighted<ActivityKind>([['INTEREST_ACTIVITY', 0.35], ['SERVICE', 0.25], ['TRAINING', 0.15], ['MEETING', 0.15], ['RECRUITMENT', 0.1]]);
      const activityId = random.uuid();
      const present = members.filter((m) => m.joinedOn <= heldOn && (m.leftOn === null || m.leftOn > heldOn));
      const attendees = new Set<string>();
      const wanted = Math.min(present.length, random.int(2, 7));
      while (attendees.size < wanted) attendees.add(present[random.int(0, present.length - 1)].id);
      const hours = kind === 'TRAINING' ? random.int(4, 8) / 2 : random.int(2, 6) / 2;
      if (!lastActivity || heldAt > lastActivity.at) lastActivity = { id: activityId, at: Math.round(heldAt / 1000) * 1000 };
      rows.activity.push([activityId, id, kind, activityTitle(random, kind), heldOn, hours, attendees.size + random.int(0, 25), iso(Math.round(heldAt / 1000) * 1000), 1]);
      for (const memberId of attendees) rows.activityAttendee.push([activityId, memberId]);
    }

    if (charterAt !== null) {
      const text = charterText(name, community.name);
      if (random.chance(0.1)) {
        const earlier = createdAt + random.next() * (charterAt - createdAt);
        rows.charter.push([random.uuid(), id, chinaDate(earlier), null, `档案-${chinaDate(earlier).slice(0, 4)}-${pad(j, 6)}-1`, iso(Math.round(charterAt / 1000) * 1000), iso(Math.round(earlier / 1000) * 1000), 1]);
      }
      rows.charter.push([random.uuid(), id, chinaDate(charterAt), text, random.chance(0.5) ? `档案-${chinaDate(charterAt).slice(0, 4)}-${pad(j, 6)}` : null, null, iso(Math.round(charterAt / 1000) * 1000), 1]);
    }
    if (filedAt !== null) {
      const district = hierarchy.districts[hierarchy.streets[community.streetIndex].districtIndex];
      rows.filing.push([random.uuid(), id, `${district.code}-${chinaDate(filedAt).slice(0, 4)}-${pad(j, 6)}`, chinaDate(filedAt), `${community.districtName}${community.streetName}办事处`, iso(Math.round(filedAt / 1000) * 1000), 1]);
    }

    if (history) {
      rows.cultivation.push(history.cultivation);
      rows.stageHistory.push(...history.stageHistory);
      rows.timelineEvent.push(...history.timelineEvents);
      rows.escalation.push(...history.escalations);
      rows.escalationStep.push(...history.escalationSteps);
      rows.cultivationOutbox.push(...history.outbox);
    }

    // organizations-service's outbox: the organization recorded, each status it reached, the filing,
    // and its latest activity (the service writes an event per activity; analytics keeps only the
    // latest, so one stands for them all here and keeps city-scale projection time down).
    const emit = (key: string, at: number, event: DomainEvent) => rows.organizationOutbox.push([event.type, event.version, JSON.stringify(event.payload), key, iso(Math.round(at / 1000) * 1000)]);
    emit(`organization.created:${id}`, createdAt, domainEvent('organization.created', { organizationId: id, communityId: community.id, category }));
    const reached: [OrganizationStatus, number | null][] = [
      ['GROWING', growthAt],
      ['MATURE', maturityAt],
      ['FILED', filedAt],
      ['INDEPENDENT', status === 'INDEPENDENT' ? (history?.enteredAt.COMPLETED ?? withdrawalAt) : null],
      ['DISSOLVED', status === 'DISSOLVED' ? activeUntil : null],
    ];
    for (const [reachedStatus, at] of reached) {
      if (at !== null) emit(`organization.status-changed:${id}:${reachedStatus}`, at, domainEvent('organization.status-changed', { organizationId: id, status: reachedStatus, at: iso(Math.round(at / 1000) * 1000) }));
    }
    if (filedAt !== null) emit(`organization.evidence-changed:${id}:FILING`, filedAt, domainEvent('organization.evidence-changed', { organizationId: id, evidence: 'FILING', at: iso(Math.round(filedAt / 1000) * 1000) }));
    if (lastActivity) emit(`organization.evidence-changed:${id}:ACTIVITIES:${lastActivity.id}`, lastActivity.at, domainEvent('organization.evidence-changed', { organizationId: id, evidence: 'ACTIVITIES', at: iso(lastActivity.at) }));

    // A stream of its own, so the rows above stay what they were for a seed. An organization not
    // cultivated is assessed by the staff of an institution of its district.
    const evaluationRandom = Random.of(seed, 'evaluations', j);
    if (!assessors.assessorId) {
      const candidates = hierarchy.institutionsByDistrict[hierarchy.streets[community.streetIndex].districtIndex];
      const { actors } = hierarchy.institutions[candidates[evaluationRandom.int(0, candidates.length - 1)]];
      assessors = { assessorId: actors.SOCIAL_WORKER, supervisorId: actors.SUPERVISOR };
    }
    evaluationRows(
      {
        organizationId: id,
        communityId: community.id,
        category,
        growthAt,
        maturityAt,
        withdrawalAt,
        activeUntil,
        reference,
        ...assessors,
        cultivation: history ? { id: history.cultivation[0] as string, terminatedAt: history.terminatedAt } : null,
        random: evaluationRandom,
      },
      rows,
    );
  }

  return {
    seed,
    scale,
    reference: iso(reference),
    districts: hierarchy.districts.map(({ id, name, code }) => ({ id, name, code })),
    institutions: hierarchy.institutions.map(({ id, name, districtId }) => ({ id, name, districtId })),
    chunks,
  };
}

/** The organization status that goes with a cultivation stage. */
function stageStatus(stage: CultivationHistory['stage']): OrganizationStatus {
  switch (stage) {
    case 'FORMATION':
      return 'FORMING';
    case 'GROWTH':
      return 'GROWING';
    case 'MATURITY':
      return 'MATURE';
    case 'WITHDRAWAL':
      return 'FILED';
    case 'COMPLETED':
      return 'INDEPENDENT';
  }
}
