// GraphQL operations of the process policies page: the policy in force for a district, its earlier
// versions, and storing a new version. Types generated (`npm run codegen`); kept apart so that they load with the page.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ProcessPolicyQuery,
  ProcessPolicyQueryVariables,
  ProcessPolicyVersionsQuery,
  ProcessPolicyVersionsQueryVariables,
  SetProcessPolicyMutation,
  SetProcessPolicyMutationVariables,
} from './generated/graphql';

export const PROCESS_POLICY: TypedDocumentNode<ProcessPolicyQuery, ProcessPolicyQueryVariables> = gql`
  query ProcessPolicy($districtId: ID!) {
    processPolicy(districtId: $districtId) {
      districtId
      version
      document
    }
  }
`;

export const PROCESS_POLICY_VERSIONS: TypedDocumentNode<ProcessPolicyVersionsQuery, ProcessPolicyVersionsQueryVariables> = gql`
  query ProcessPolicyVersions($districtId: ID!) {
    processPolicyVersions(districtId: $districtId) {
      districtId
      version
      document
      storedAt
      storedByUsername
    }
  }
`;

export const SET_PROCESS_POLICY: TypedDocumentNode<SetProcessPolicyMutation, SetProcessPolicyMutationVariables> = gql`
  mutation SetProcessPolicy($input: SetProcessPolicyInput!) {
    setProcessPolicy(input: $input) {
      districtId
      version
      document
    }
  }
`;
