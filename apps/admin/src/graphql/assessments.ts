// GraphQL operations of assessments: an organization's capacity and maturity assessments, the
// rubrics they are scored against, recording one and storing a new rubric version. Types generated
// (`npm run codegen`); kept apart so that they load with the (lazily loaded) pages that use them.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  OrganizationAssessmentsQuery,
  OrganizationAssessmentsQueryVariables,
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
