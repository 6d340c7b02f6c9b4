/**
 * The tables the generator fills, with their columns as each domain's migrations define them, in
 * the order their foreign keys need. Rows are plain arrays in column order: instants as ISO 8601
 * strings, calendar dates as YYYY-MM-DD, JSON as text. Columns left out take their defaults (the
 * outbox id comes from its sequence).
 */
export type Cell = string | number | boolean | null;
export type Row = Cell[];

/** A column and the PostgreSQL type its values are sent as (array columns are sent as array literals). */
export type Column = readonly [name: string, type: 'uuid' | 'text' | 'int4' | 'bool' | 'date' | 'timestamptz' | 'numeric' | 'jsonb' | 'text[]' | 'uuid[]'];

export interface TableSpec {
  schema: string;
  table: string;
  columns: readonly Column[];
}

const spec = (schema: string, table: string, columns: readonly Column[]): TableSpec => ({ schema, table, columns });

export const TABLES = {
  district: spec('communities', 'district', [['id', 'uuid'], ['name', 'text'], ['code', 'text'], ['created_at', 'timestamptz'], ['version', 'int4']]),
  street: spec('communities', 'street', [['id', 'uuid'], ['district_id', 'uuid'], ['name', 'text'], ['created_at', 'timestamptz'], ['version', 'int4']]),
  community: spec('communities', 'community', [
    ['id', 'uuid'], ['street_id', 'uuid'], ['district_id', 'uuid'], ['name', 'text'], ['population', 'int4'], ['households', 'int4'],
    ['address', 'text'], ['created_at', 'timestamptz'], ['version', 'int4'],
  ]),
  institution: spec('organizations', 'institution', [['id', 'uuid'], ['name', 'text'], ['created_at', 'timestamptz'], ['version', 'int4']]),
  serviceContract: spec('organizations', 'service_contract', [
    ['id', 'uuid'], ['institution_id', 'uuid'], ['district_id', 'uuid'], ['street_ids', 'uuid[]'], ['reference', 'text'], ['starts_on', 'date'], ['ends_on', 'date'],
    ['created_at', 'timestamptz'], ['version', 'int4'],
  ]),
  userAccount: spec('identity', 'user_account', [
    ['id', 'uuid'], ['username', 'text'], ['display_name', 'text'], ['password_hash', 'text'], ['role', 'text'], ['scopes', 'jsonb'], ['created_at', 'timestamptz'], ['version', 'int4'],
  ]),
  organization: spec('organizations', 'organization', [
    ['id', 'uuid'], ['name', 'text'], ['community_id', 'uuid'], ['category', 'text'], ['status', 'text'], ['created_at', 'timestamptz'], ['version', 'int4'],
  ]),
  member: spec('organizations', 'member', [
    ['id', 'uuid'], ['organization_id', 'uuid'], ['name', 'text'], ['phone', 'text'], ['joined_on', 'date'], ['left_on', 'date'], ['is_leader', 'bool'],
    ['created_at', 'timestamptz'], ['version', 'int4'],
  ]),
  activity: spec('organizations', 'activity', [
    ['id', 'uuid'], ['organization_id', 'uuid'], ['kind', 'text'], ['title', 'text'], ['held_on', 'date'], ['hours', 'numeric'], ['participants', 'int4'],
    ['created_at', 'timestamptz'], ['version', 'int4'],
  ]),
  activityAttendee: spec('organizations', 'activity_attendee', [['activity_id', 'uuid'], ['member_id', 'uuid']]),
  charter: spec('organizations', 'charter', [
    ['id', 'uuid'], ['organization_id', 'uuid'], ['adopted_on', 'date'], ['text', 'text'], ['file_reference', 'text'], ['superseded_at', 'timestamptz'],
    ['created_at', 'timestamptz'], ['version', 'int4'],
  ]),
  filing: spec('organizations', 'filing', [
    ['id', 'uuid'], ['organization_id', 'uuid'], ['number', 'text'], ['filed_on', 'date'], ['authority', 'text'], ['created_at', 'timestamptz'], ['version', 'int4'],
  ]),
  needsSurvey: spec('assessments', 'needs_survey', [['id', 'uuid'], ['community_id', 'uuid'], ['title', 'text'], ['created_at', 'timestamptz'], ['version', 'int4']]),
  surveyResponse: spec('assessments', 'survey_response', [
    ['id', 'uuid'], ['survey_id', 'uuid'], ['respondent_label', 'text'], ['demand_categories', 'text[]'], ['created_at', 'timestamptz'],
  ]),
  organizationOutbox: spec('organizations', 'outbox', [['type', 'text'], ['version', 'int4'], ['payload', 'jsonb'], ['idempotency_key', 'text'], ['occurred_at', 'timestamptz']]),
  assessment: spec('assessments', 'assessment', [
    ['id', 'uuid'], ['organization_id', 'uuid'], ['category', 'text'], ['kind', 'text'], ['rubric_version', 'int4'], ['scores', 'jsonb'], ['total', 'numeric'],
    ['pass_score', 'numeric'], ['passed', 'bool'], ['assessed_on', 'date'], ['assessed_by', 'uuid'], ['note', 'text'], ['created_at', 'timestamptz'], ['version', 'int4'],
  ]),
  outcomeEvaluation: spec('assessments', 'outcome_evaluation', [
    ['id', 'uuid'], ['organization_id', 'uuid'], ['community_id', 'uuid'], ['cultivation_id', 'uuid'], ['levels', 'jsonb'], ['community_score', 'numeric'],
    ['organization_score', 'numeric'], ['institution_score', 'numeric'], ['evaluated_on', 'date'], ['evaluated_by', 'uuid'], ['note', 'text'], ['created_at', 'timestamptz'],
  ]),
  followUpCheck: spec('assessments', 'follow_up_check', [
    ['id', 'uuid'], ['organization_id', 'uuid'], ['community_id', 'uuid'], ['cultivation_id', 'uuid'], ['follow_up_index', 'int4'], ['findings', 'jsonb'], ['passed', 'bool'],
    ['checked_on', 'date'], ['checked_by', 'uuid'], ['note', 'text'], ['created_at', 'timestamptz'],
  ]),
  assessmentsOutbox: spec('assessments', 'outbox', [['type', 'text'], ['version', 'int4'], ['payload', 'jsonb'], ['idempotency_key', 'text'], ['occurred_at', 'timestamptz']]),
  cultivation: spec('cultivation', 'cultivation', [
    ['id', 'uuid'], ['workflow_id', 'text'], ['organization_id', 'uuid'], ['institution_id', 'uuid'], ['community_id', 'uuid'], ['district_id', 'uuid'],
    ['street_id', 'uuid'], ['category', 'text'], ['stage', 'text'], ['status', 'text'], ['stage_started_at', 'timestamptz'], ['stage_deadline', 'timestamptz'],
    ['started_at', 'timestamptz'], ['policy_version', 'int4'], ['gate', 'jsonb'], ['paused_at', 'timestamptz'], ['deviation', 'jsonb'],
    ['escalation_level', 'int4'], ['version', 'int4'],
  ]),
  stageHistory: spec('cultivation', 'stage_history', [
    ['cultivation_id', 'uuid'], ['stage', 'text'], ['entered_at', 'timestamptz'], ['planned_deadline', 'timestamptz'], ['deadline', 'timestamptz'],
    ['left_at', 'timestamptz'], ['paused_seconds', 'int4'], ['policy_version', 'int4'], ['approved_by', 'uuid'],
  ]),
  timelineEvent: spec('cultivation', 'timeline_event', [
    ['cultivation_id', 'uuid'], ['stream', 'text'], ['sequence', 'int4'], ['kind', 'text'], ['at', 'timestamptz'], ['actor_id', 'uuid'], ['actor_role', 'text'],
    ['details', 'jsonb'],
  ]),
  escalation: spec('cultivation', 'escalation', [
    ['id', 'uuid'], ['cultivation_id', 'uuid'], ['key', 'text'], ['type', 'text'], ['level', 'int4'], ['stage', 'text'], ['status', 'text'],
    ['raised_at', 'timestamptz'], ['level_due_at', 'timestamptz'], ['acknowledged_at', 'timestamptz'], ['acknowledged_by', 'uuid'],
    ['acknowledgement_plan', 'text'], ['resolved_at', 'timestamptz'], ['resolution', 'text'],
  ]),
  escalationStep: spec('cultivation', 'escalation_step', [
    ['escalation_id', 'uuid'], ['level', 'int4'], ['raised_at', 'timestamptz'], ['due_at', 'timestamptz'], ['acknowledged_at', 'timestamptz'],
    ['acknowledged_by', 'uuid'], ['plan', 'text'],
  ]),
  cultivationOutbox: spec('cultivation', 'outbox', [
    ['type', 'text'], ['version', 'int4'], ['payload', 'jsonb'], ['idempotency_key', 'text'], ['occurred_at', 'timestamptz'],
  ]),
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;

/** Insertion order: every table after those its foreign keys point to. */
export const TABLE_ORDER: readonly TableName[] = [
  'district',
  'street',
  'community',
  'institution',
  'serviceContract',
  'userAccount',
  'organization',
  'member',
  'activity',
  'activityAttendee',
  'charter',
  'filing',
  'needsSurvey',
  'surveyResponse',
  'organizationOutbox',
  'assessment',
  'outcomeEvaluation',
  'followUpCheck',
  'assessmentsOutbox',
  'cultivation',
  'stageHistory',
  'timelineEvent',
  'escalation',
  'escalationStep',
  'cultivationOutbox',
];

/** The rows of some tables, generated together and written in one transaction. */
export type Chunk = Partial<Record<TableName, Row[]>>;
