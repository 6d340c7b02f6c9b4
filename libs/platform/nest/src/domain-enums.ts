import { registerEnumType } from '@nestjs/graphql';
import {
  CRITERION_KINDS,
  CULTIVATION_STATUSES,
  ESCALATION_STATUSES,
  ESCALATION_TYPES,
  ORGANIZATION_CATEGORIES,
  ORGANIZATION_STATUSES,
  OUTCOME_LEVELS,
  ROLES,
  RUBRIC_KINDS,
  STAGES,
} from '@peiyu/contracts';

/**
 * The domain's GraphQL enums, registered once with one description, for every subgraph that uses
 * them: federation merges same-named enums, so they must be identical everywhere.
 */
export function graphqlEnum<T extends string>(
  values: readonly T[],
  name: string,
  description: string,
  valueDescriptions: Partial<Record<T, string>> = {},
): { [K in T]: K } {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(enumObject, {
    name,
    description,
    valuesMap: Object.fromEntries(Object.entries(valueDescriptions).map(([value, text]) => [value, { description: text as string }])) as never,
  });
  return enumObject;
}

export const StageEnum = graphqlEnum(STAGES, 'Stage', 'The stages of a cultivation (培育), in order.', {
  FORMATION: '组建期: needs investigation, demand analysis, activities, recruitment.',
  GROWTH: '成长期: capacity building of leaders, members and the organization.',
  MATURITY: '成熟期: the category standard is met and the organization is filed (备案).',
  WITHDRAWAL: '退出期: the institution steps back and hands rights over.',
  COMPLETED: 'The cultivation has ended with the organization running on its own.',
});

export const OrganizationCategoryEnum = graphqlEnum(ORGANIZATION_CATEGORIES, 'OrganizationCategory', "The civil affairs ministry's categories of community social organizations.", {
  LIFE_SERVICE: '生活服务类: elder meals, childcare, neighbourhood help.',
  PUBLIC_WELFARE: '公益慈善类: volunteer teams, charity.',
  CULTURE_SPORTS: '文体活动类: choirs, dance, sports.',
  MEDIATION: '专业调处类: dispute mediation, resident councils.',
});

export const OrganizationStatusEnum = graphqlEnum(ORGANIZATION_STATUSES, 'OrganizationStatus', 'Where an organization stands in its life.');

export const RoleEnum = graphqlEnum(ROLES, 'Role', 'What a user may do; see docs/architecture.md for each role.');

export const CultivationStatusEnum = graphqlEnum(CULTIVATION_STATUSES, 'CultivationStatus', 'Whether work on a cultivation is going on.');

export const EscalationTypeEnum = graphqlEnum(ESCALATION_TYPES, 'EscalationType', 'The cause of an escalation.', {
  DELAY: '延误: a stage overran its deadline.',
  INTERRUPTION: '中断: work paused longer than policy allows.',
  DEVIATION: '方向偏离: a flagged deviation got no correction plan in time.',
  PERFORMANCE: 'Assessment scores under target.',
});

export const EscalationStatusEnum = graphqlEnum(ESCALATION_STATUSES, 'EscalationStatus', 'Where an escalation stands.');

export const CriterionKindEnum = graphqlEnum(CRITERION_KINDS, 'CriterionKind', 'A kind of gate criterion, judged from the evidence the other services hold.');

export const RubricKindEnum = graphqlEnum(RUBRIC_KINDS, 'RubricKind', 'What an assessment measures.', {
  CAPACITY: '能力评估: capacity building during growth (leaders, members, planning, rules, resources).',
  MATURITY: '成熟度评估: the category standard during maturity (governance, finances, sustainability, recognition).',
});

export const OutcomeLevelEnum = graphqlEnum(OUTCOME_LEVELS, 'OutcomeLevel', 'A level an outcome evaluation judges.', {
  COMMUNITY: '社区层面: the residents and their needs.',
  ORGANIZATION: '组织层面: the organization running itself.',
  INSTITUTION: '机构层面: the institution that cultivated it.',
});
