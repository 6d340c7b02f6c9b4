// GraphQL operations of the app shell and the cultivation list. Their result and variable types are
// generated from the gateway's schema (`npm run codegen`, into ./generated/); the documents stay
// here, beside the pages that use them, so that each lazily loaded page carries its own.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CultivationFilter,
  CultivationFilterCommunitiesQuery,
  CultivationFilterCommunitiesQueryVariables,
  CultivationFilterPlacesQuery,
  CultivationFilterPlacesQueryVariables,
  CultivationsQuery,
  CultivationsQueryVariables,
  EscalationsQuery,
  EscalationsQueryVariables,
  MeQuery,
  MeQueryVariables,
  RefreshTokenMutation,
  RefreshTokenMutationVariables,
  SessionFieldsFragment,
  SignInMutation,
  SignInMutationVariables,
  SignOutMutation,
  SignOutMutationVariables,
  StartCultivationMutation,
  StartCultivationMutationVariables,
  StartCultivationOptionsQuery,
  StartCultivationOptionsQueryVariables,
} from './generated/graphql';

export type {
  CriterionKind,
  CultivationFilter,
  CultivationStatus,
  EscalationStatus,
  EscalationType,
  OrganizationCategory,
  Role,
  Stage,
} from './generated/graphql';

/** ISO-8601 date-time string (the schema's DateTime scalar). */
export type DateTime = string;

/** `TimelineEvent.kind` is a plain string in the schema; these are the kinds the process records today. */
export type TimelineKind =
  | 'STAGE_ENTERED'
  | 'GATE_EVALUATED'
  | 'GATE_APPROVED'
  | 'DEADLINE_EXTENDED'
  | 'PAUSED'
  | 'RESUMED'
  | 'ESCALATION_RAISED'
  | 'ESCALATION_CLIMBED'
  | 'ESCALATION_ACKNOWLEDGED'
  | 'ESCALATION_RESOLVED'
  | 'DEVIATION_FLAGGED'
  | 'CORRECTION_PLAN_SUBMITTED'
  | 'TERMINATED'
  | 'COMPLETED';

/** The `extensions.code` values the API uses (error extensions are not part of the schema). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'UNAVAILABLE'
  | 'WRONG_STATUS'
  | 'GATE_NOT_MET'
  | 'EXTENSION_BEYOND_POLICY'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'INTERNAL_SERVER_ERROR';

export type UserFields = MeQuery['me'];
export type SessionFields = SessionFieldsFragment;
export type CultivationRow = CultivationsQuery['cultivations'][number];
export type StartCultivationFormOptionsData = StartCultivationOptionsQuery;
export type StartCultivationInput = StartCultivationMutationVariables['input'];
export type EscalationRow = EscalationsQuery['escalations'][number];
/** The list filters; every field optional, combined with AND on the server. */
export type CultivationsFilter = CultivationFilter;

const SESSION_FIELDS = gql`
  fragment SessionFields on AuthPayload {
    token
    expiresAt
    refreshToken
    refreshTokenExpiresAt
    user {
      id
      username
      displayName
      role
    }
  }
`;

export const SIGN_IN: TypedDocumentNode<SignInMutation, SignInMutationVariables> = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...SessionFields
    }
  }
  ${SESSION_FIELDS}
`;

/** Sent by plain fetch, without an Authorization header (see auth/browserSession.ts). */
export const REFRESH_TOKEN: TypedDocumentNode<RefreshTokenMutation, RefreshTokenMutationVariables> = gql`
  mutation RefreshToken($input: RefreshTokenInput!) {
    refreshToken(input: $input) {
      ...SessionFields
    }
  }
  ${SESSION_FIELDS}
`;

export const SIGN_OUT: TypedDocumentNode<SignOutMutation, SignOutMutationVariables> = gql`
  mutation SignOut($input: SignOutInput!) {
    signOut(input: $input)
  }
`;

export const ME: TypedDocumentNode<MeQuery, MeQueryVariables> = gql`
  query Me {
    me {
      id
      username
      displayName
      role
    }
  }
`;

export const CULTIVATIONS: TypedDocumentNode<CultivationsQuery, CultivationsQueryVariables> = gql`
  query Cultivations($filter: CultivationFilter) {
    cultivations(filter: $filter) {
      id
      stage
      status
      stageDeadline
      startedAt
      organization {
        id
        name
        category
      }
      institution {
        id
        name
      }
      community {
        id
        name
      }
      escalations {
        id
        status
      }
    }
  }
`;

/** What the list's place and institution filters offer: the districts in scope with their streets, and the institutions. */
export const CULTIVATION_FILTER_PLACES: TypedDocumentNode<CultivationFilterPlacesQuery, CultivationFilterPlacesQueryVariables> = gql`
  query CultivationFilterPlaces {
    districts {
      id
      name
      streets {
        id
        name
      }
    }
    institutions {
      id
      name
    }
  }
`;

/** The communities of the district chosen in the list's filter (asked only once a district is chosen). */
export const CULTIVATION_FILTER_COMMUNITIES: TypedDocumentNode<CultivationFilterCommunitiesQuery, CultivationFilterCommunitiesQueryVariables> = gql`
  query CultivationFilterCommunities($districtId: ID!) {
    communities(districtId: $districtId) {
      id
      name
      streetId
    }
  }
`;

export const START_CULTIVATION_OPTIONS: TypedDocumentNode<StartCultivationOptionsQuery, StartCultivationOptionsQueryVariables> = gql`
  query StartCultivationOptions {
    organizations {
      id
      name
      category
      community {
        id
        name
      }
    }
    institutions {
      id
      name
    }
  }
`;

export const START_CULTIVATION: TypedDocumentNode<StartCultivationMutation, StartCultivationMutationVariables> = gql`
  mutation StartCultivation($input: StartCultivationInput!) {
    startCultivation(input: $input) {
      id
      stage
      status
      stageDeadline
      startedAt
      organization {
        id
        name
        category
      }
      institution {
        id
        name
      }
      community {
        id
        name
      }
      escalations {
        id
        status
      }
    }
  }
`;

export const ESCALATIONS: TypedDocumentNode<EscalationsQuery, EscalationsQueryVariables> = gql`
  query Escalations {
    escalations {
      id
      type
      level
      stage
      raisedAt
      status
      cultivation {
        id
        organization {
          id
          name
        }
      }
    }
  }
`;
