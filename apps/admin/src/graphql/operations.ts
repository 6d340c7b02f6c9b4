// GraphQL operations of the admin app, with hand-written result and variable types.
// These mirror the gateway's schema by hand for now; a later step generates them from the committed schema.
import { gql, type TypedDocumentNode } from '@apollo/client';

// ---- Schema enums and scalars ---------------------------------------------------------------

/** ISO-8601 date-time string. */
export type DateTime = string;
export type Role =
  | 'ADMIN'
  | 'PROGRAMME_MANAGER'
  | 'STREET_OFFICER'
  | 'INSTITUTION_DIRECTOR'
  | 'SUPERVISOR'
  | 'SOCIAL_WORKER'
  | 'ANALYST';
export type OrganizationCategory = 'LIFE_SERVICE' | 'PUBLIC_WELFARE' | 'CULTURE_SPORTS' | 'MEDIATION';
export type Stage = 'FORMATION' | 'GROWTH' | 'MATURITY' | 'WITHDRAWAL' | 'COMPLETED';
export type CultivationStatus = 'ACTIVE' | 'PAUSED' | 'TERMINATED';
export type EscalationType = 'DELAY' | 'INTERRUPTION' | 'DEVIATION' | 'PERFORMANCE';
export type EscalationStatus = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';
export type CriterionKind =
  | 'NEEDS_SURVEY_RESPONSES'
  | 'DEMAND_MATCHES_CATEGORY'
  | 'INTEREST_ACTIVITIES'
  | 'ACTIVE_MEMBERS'
  | 'LEADERS'
  | 'LEADER_TRAINING_HOURS'
  | 'CHARTER_ADOPTED'
  | 'REGULAR_ACTIVITY_MONTHS'
  | 'FILING_RECORDED';
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

/** The `extensions.code` values the API uses. */
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

// ---- Fragments' shapes ------------------------------------------------------------------------

export interface UserFields {
  __typename?: 'User';
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

// ---- Auth ---------------------------------------------------------------------------------------

export interface SignInInput {
  username: string;
  password: string;
}
export interface SignInData {
  signIn: { __typename?: 'AuthPayload'; token: string; expiresAt: DateTime; user: UserFields };
}
export interface SignInVariables {
  input: SignInInput;
}
export const SIGN_IN: TypedDocumentNode<SignInData, SignInVariables> = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      expiresAt
      user {
        id
        username
        displayName
        role
      }
    }
  }
`;

export interface MeData {
  me: UserFields;
}
export const ME: TypedDocumentNode<MeData, Record<string, never>> = gql`
  query Me {
    me {
      id
      username
      displayName
      role
    }
  }
`;

// ---- Cultivations -------------------------------------------------------------------------------

export interface CultivationRow {
  __typename?: 'Cultivation';
  id: string;
  stage: Stage;
  status: CultivationStatus;
  stageDeadline: DateTime;
  startedAt: DateTime;
  organization: {
    __typename?: 'Organization';
    id: string;
    name: string;
    category: OrganizationCategory;
  };
  institution: { __typename?: 'Institution'; id: string; name: string };
  community: { __typename?: 'Community'; id: string; name: string };
  escalations: { __typename?: 'Escalation'; id: string; status: EscalationStatus }[];
}
export interface CultivationsData {
  cultivations: CultivationRow[];
}
/** The list filters; every field optional, combined with AND on the server. */
export interface CultivationFilter {
  districtId?: string;
  institutionId?: string;
  communityId?: string;
  category?: OrganizationCategory;
  stage?: Stage;
  status?: CultivationStatus;
  /** Only those past their stage deadline (true) or not (false). */
  overdue?: boolean;
  /** Only those with an open escalation (true) or without (false). */
  escalated?: boolean;
  minEscalationLevel?: number;
}
export interface CultivationsVariables {
  filter?: CultivationFilter | null;
}
export const CULTIVATIONS: TypedDocumentNode<CultivationsData, CultivationsVariables> = gql`
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

export interface StartCultivationFormOptionsData {
  organizations: {
    __typename?: 'Organization';
    id: string;
    name: string;
    category: OrganizationCategory;
    community: { __typename?: 'Community'; id: string; name: string };
  }[];
  institutions: { __typename?: 'Institution'; id: string; name: string }[];
}
export const START_CULTIVATION_OPTIONS: TypedDocumentNode<StartCultivationFormOptionsData, Record<string, never>> = gql`
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

export interface StartCultivationInput {
  organizationId: string;
  institutionId: string;
  /** ISO-8601 date-time. */
  formationDeadline: DateTime;
}
export interface StartCultivationData {
  startCultivation: CultivationRow;
}
export interface StartCultivationVariables {
  input: StartCultivationInput;
}
export const START_CULTIVATION: TypedDocumentNode<StartCultivationData, StartCultivationVariables> = gql`
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

// ---- Escalations --------------------------------------------------------------------------------

export interface EscalationRow {
  __typename?: 'Escalation';
  id: string;
  type: EscalationType;
  level: number;
  stage: Stage;
  raisedAt: DateTime;
  status: EscalationStatus;
  cultivation: {
    __typename?: 'Cultivation';
    id: string;
    organization: { __typename?: 'Organization'; id: string; name: string };
  };
}
export interface EscalationsData {
  escalations: EscalationRow[];
}
export const ESCALATIONS: TypedDocumentNode<EscalationsData, Record<string, never>> = gql`
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
