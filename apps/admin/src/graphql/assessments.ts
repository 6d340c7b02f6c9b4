// GraphQL operations of assessments: an organization's capacity and maturity assessments, the
// rubrics they are scored against, recording one and storing a new rubric version. Types generated
// (`npm run codegen`); kept apart so that they load with the (lazily loaded) pages that use them.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  OrganizationAssessmentsQuery,
  OrganizationAssessmentsQueryVariables,
  OrganizationOutcomesQuery,
  OrganizationOutcomesQueryVariables,
  OutcomeIndicatorSetsQuery,
  OutcomeIndicatorSetsQueryVariables,
  RecordFollowUpCheckMutation,
  RecordFollowUpCheckMutationVariables,
  RecordOutcomeEvaluationMutation,
  RecordOutcomeEvaluationMutationVariables,
  RecordAssessmentMutation,
  RecordAssessmentMutationVariables,
  RubricInForceQuery,
  RubricInForceQueryVariables,
  RubricVersionsQuery,
  RubricVersionsQueryVariables,
  SetRubricMutation,
  SetRubricMutationVariables,
} from './generated/graphql';

export type { RubricKind } from './generated/graphql';

export type AssessmentRow = OrganizationAssessmentsQuery['assessments'][number];
export type RubricFields = RubricInForceQuery['rubric'];
export type OutcomeEvaluationRow = OrganizationOutcomesQuery['outcomeEvaluations']['edges'][number]['node'];
export type FollowUpCheckRow = OrganizationOutcomesQuery['followUpChecks']['edges'][number]['node'];
export type IndicatorSetFields = OutcomeIndicatorSetsQuery['community'];

const RUBRIC_FIELDS = gql`
  fragment RubricFields on Rubric {
    category
    kind
    version
    passScore
    createdAt
    criteria {
      key
      label
      weight
      maxScore
    }
  }
`;

const ASSESSMENT_FIELDS = gql`
  fragment AssessmentFields on Assessment {
    id
    category
    kind
    rubricVersion
    total
    passScore
    passed
    assessedOn
    note
    createdAt
    scores {
      key
      score
    }
  }
`;

export const ORGANIZATION_ASSESSMENTS: TypedDocumentNode<OrganizationAssessmentsQuery, OrganizationAssessmentsQueryVariables> = gql`
  query OrganizationAssessments($organizationId: ID!) {
    assessments(organizationId: $organizationId) {
      ...AssessmentFields
    }
  }
  ${ASSESSMENT_FIELDS}
`;

export const RUBRIC_IN_FORCE: TypedDocumentNode<RubricInForceQuery, RubricInForceQueryVariables> = gql`
  query RubricInForce($category: OrganizationCategory!, $kind: RubricKind!) {
    rubric(category: $category, kind: $kind) {
      ...RubricFields
    }
  }
  ${RUBRIC_FIELDS}
`;

export const RUBRIC_VERSIONS: TypedDocumentNode<RubricVersionsQuery, RubricVersionsQueryVariables> = gql`
  query RubricVersions($category: OrganizationCategory!, $kind: RubricKind!) {
    rubricVersions(category: $category, kind: $kind) {
      ...RubricFields
    }
  }
  ${RUBRIC_FIELDS}
`;

export const RECORD_ASSESSMENT: TypedDocumentNode<RecordAssessmentMutation, RecordAssessmentMutationVariables> = gql`
  mutation RecordAssessment($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) {
      ...AssessmentFields
    }
  }
  ${ASSESSMENT_FIELDS}
`;

export const SET_RUBRIC: TypedDocumentNode<SetRubricMutation, SetRubricMutationVariables> = gql`
  mutation SetRubric($input: SetRubricInput!) {
    setRubric(input: $input) {
      ...RubricFields
    }
  }
  ${RUBRIC_FIELDS}
`;

/** An organization's outcome evaluations and follow-up checks, newest first. */
export const ORGANIZATION_OUTCOMES: TypedDocumentNode<OrganizationOutcomesQuery, OrganizationOutcomesQueryVariables> = gql`
  query OrganizationOutcomes($organizationId: ID!) {
    outcomeEvaluations(first: 50, filter: { organizationId: $organizationId }) {
      totalCount
      edges {
        node {
          id
          evaluatedOn
          note
          levels {
            level
            score
            targetScore
            metTarget
            indicatorSetVersion
          }
        }
      }
    }
    followUpChecks(first: 50, filter: { organizationId: $organizationId }) {
      totalCount
      edges {
        node {
          id
          followUpIndex
          checkedOn
          passed
          note
          findings {
            stillActive
            leadershipStable
            holdingActivities
            financesInOrder
            membersRetained
          }
        }
      }
    }
  }
`;

const INDICATOR_SET_FIELDS = gql`
  fragment IndicatorSetFields on OutcomeIndicatorSet {
    level
    version
    targetScore
    indicators {
      key
      label
      weight
      maxScore
    }
  }
`;

/** The indicator sets in force at the three levels. */
export const OUTCOME_INDICATOR_SETS: TypedDocumentNode<OutcomeIndicatorSetsQuery, OutcomeIndicatorSetsQueryVariables> = gql`
  query OutcomeIndicatorSets {
    community: outcomeIndicatorSet(level: COMMUNITY) {
      ...IndicatorSetFields
    }
    organization: outcomeIndicatorSet(level: ORGANIZATION) {
      ...IndicatorSetFields
    }
    institution: outcomeIndicatorSet(level: INSTITUTION) {
      ...IndicatorSetFields
    }
  }
  ${INDICATOR_SET_FIELDS}
`;

export const RECORD_OUTCOME_EVALUATION: TypedDocumentNode<RecordOutcomeEvaluationMutation, RecordOutcomeEvaluationMutationVariables> = gql`
  mutation RecordOutcomeEvaluation($input: RecordOutcomeEvaluationInput!) {
    recordOutcomeEvaluation(input: $input) {
      id
      communityScore
      organizationScore
      institutionScore
    }
  }
`;

export const RECORD_FOLLOW_UP_CHECK: TypedDocumentNode<RecordFollowUpCheckMutation, RecordFollowUpCheckMutationVariables> = gql`
  mutation RecordFollowUpCheck($input: RecordFollowUpCheckInput!) {
    recordFollowUpCheck(input: $input) {
      id
      passed
    }
  }
`;
