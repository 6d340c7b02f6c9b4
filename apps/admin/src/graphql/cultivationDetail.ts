// GraphQL operations of the cultivation detail page, with hand-written result and variable types.
// Kept apart from operations.ts so that they load with the (lazily loaded) detail page only.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CriterionKind,
  CultivationStatus,
  DateTime,
  EscalationStatus,
  EscalationType,
  OrganizationCategory,
  Role,
  Stage,
} from './operations';

export interface GateCriterionFields {
  __typename?: 'GateCriterion';
  kind: CriterionKind;
  threshold: number;
  actual: number;
  met: boolean;
  evidence: string;
  missing: number;
}

export interface EscalationStepFields {
  __typename?: 'EscalationStep';
  level: number;
  /** Who must acknowledge at this level; null when the policy's ladder has no such level. */
  role: Role | null;
  raisedAt: DateTime;
  dueAt: DateTime;
  acknowledgedAt: DateTime | null;
  plan: string | null;
}

export interface EscalationFields {
  __typename?: 'Escalation';
  id: string;
  key: string;
  type: EscalationType;
  level: number;
  stage: Stage;
  status: EscalationStatus;
  raisedAt: DateTime;
  levelDueAt: DateTime;
  acknowledgedAt: DateTime | null;
  acknowledgementPlan: string | null;
  resolvedAt: DateTime | null;
  resolution: string | null;
  steps: EscalationStepFields[];
}

export interface StageRecordFields {
  __typename?: 'StageRecord';
  stage: Stage;
  enteredAt: DateTime;
  plannedDeadline: DateTime;
  deadline: DateTime;
  leftAt: DateTime | null;
  pausedSeconds: number;
  policyVersion: number;
}

export interface TimelineEventFields {
  __typename?: 'TimelineEvent';
  sequence: number;
  /** One of TimelineKind today; a plain string in the schema. */
  kind: string;
  at: DateTime;
  actorId: string | null;
  actorRole: Role | null;
  /** The event as recorded, as a JSON string. */
  details: string;
}

export interface CultivationDetail {
  __typename?: 'Cultivation';
  id: string;
  stage: Stage;
  status: CultivationStatus;
  stageStartedAt: DateTime;
  stageDeadline: DateTime;
  startedAt: DateTime;
  escalationLevel: number;
  districtId: string;
  category: OrganizationCategory;
  pausedAt: DateTime | null;
  policyVersion: number | null;
  /** Share of the current stage's working time used; over 1 means overdue. */
  deadlineUsage: number;
  atRisk: boolean;
  overdue: boolean;
  organization: { __typename?: 'Organization'; id: string; name: string; category: OrganizationCategory };
  community: { __typename?: 'Community'; id: string; name: string };
  institution: { __typename?: 'Institution'; id: string; name: string };
  gate: { __typename?: 'Gate'; met: boolean; evaluatedAt: DateTime | null; criteria: GateCriterionFields[] };
  deviation: { __typename?: 'Deviation'; note: string; flaggedAt: DateTime; correctionDueAt: DateTime } | null;
  stageHistory: StageRecordFields[];
  timeline: TimelineEventFields[];
  escalations: EscalationFields[];
  /** The withdrawal stage, once the cultivation has entered it. */
  withdrawal: WithdrawalFields | null;
}

export type HandoverItem = 'LEADERSHIP' | 'FINANCES' | 'VENUE' | 'MEMBER_ROSTER' | 'ACTIVITY_PLANNING';
export type WithdrawalPhase = 'LEADING' | 'ASSISTING' | 'OBSERVING';
export type FollowUpResult = 'PENDING' | 'PASSED' | 'FAILED' | 'MISSED';
export interface LevelEvaluationFields {
  __typename?: 'LevelEvaluation';
  score: number;
  note: string;
}
export interface WithdrawalFields {
  __typename?: 'Withdrawal';
  phase: WithdrawalPhase;
  handovers: { __typename?: 'Handover'; item: HandoverItem; takenOverBy: string; confirmedByRole: Role; confirmedAt: DateTime }[];
  pendingHandovers: HandoverItem[];
  finalEvaluation: {
    __typename?: 'FinalEvaluation';
    community: LevelEvaluationFields;
    organization: LevelEvaluationFields;
    institution: LevelEvaluationFields;
    recordedAt: DateTime;
  } | null;
  followUps: {
    __typename?: 'FollowUp';
    index: number;
    monthsAfter: number;
    dueAt: DateTime;
    windowEndsAt: DateTime;
    result: FollowUpResult;
    note: string | null;
    recordedAt: DateTime | null;
  }[];
  reengagements: number;
}

const ESCALATION_FIELDS = gql`
  fragment EscalationDetailFields on Escalation {
    id
    key
    type
    level
    stage
    status
    raisedAt
    levelDueAt
    acknowledgedAt
    acknowledgementPlan
    resolvedAt
    resolution
    steps {
      level
      role
      raisedAt
      dueAt
      acknowledgedAt
      plan
    }
  }
`;

const CULTIVATION_FIELDS = gql`
  fragment CultivationDetailFields on Cultivation {
    id
    stage
    status
    stageStartedAt
    stageDeadline
    startedAt
    escalationLevel
    districtId
    category
    pausedAt
    policyVersion
    deadlineUsage
    atRisk
    overdue
    organization {
      id
      name
      category
    }
    community {
      id
      name
    }
    institution {
      id
      name
    }
    gate {
      met
      evaluatedAt
      criteria {
        kind
        threshold
        actual
        met
        evidence
        missing
      }
    }
    deviation {
      note
      flaggedAt
      correctionDueAt
    }
    stageHistory {
      stage
      enteredAt
      plannedDeadline
      deadline
      leftAt
      pausedSeconds
      policyVersion
    }
    timeline {
      sequence
      kind
      at
      actorId
      actorRole
      details
    }
    escalations {
      ...EscalationDetailFields
    }
    withdrawal {
      phase
      handovers {
        item
        takenOverBy
        confirmedByRole
        confirmedAt
      }
      pendingHandovers
      finalEvaluation {
        community {
          score
          note
        }
        organization {
          score
          note
        }
        institution {
          score
          note
        }
        recordedAt
      }
      followUps {
        index
        monthsAfter
        dueAt
        windowEndsAt
        result
        note
        recordedAt
      }
      reengagements
    }
  }
  ${ESCALATION_FIELDS}
`;

export interface CultivationDetailData {
  cultivation: CultivationDetail;
}
export interface CultivationDetailVariables {
  id: string;
}
export const CULTIVATION_DETAIL: TypedDocumentNode<CultivationDetailData, CultivationDetailVariables> = gql`
  query CultivationDetail($id: ID!) {
    cultivation(id: $id) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

// ---- Mutations ----------------------------------------------------------------------------------
// Each returns the updated cultivation in full, so the cache is current even before the refetch.

export interface ApproveGateVariables {
  input: { cultivationId: string; note?: string | null };
}
export const APPROVE_GATE: TypedDocumentNode<{ approveGate: CultivationDetail }, ApproveGateVariables> = gql`
  mutation ApproveGate($input: ApproveGateInput!) {
    approveGate(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export interface ExtendDeadlineVariables {
  input: { cultivationId: string; newDeadline: DateTime; reason: string };
}
export const EXTEND_DEADLINE: TypedDocumentNode<{ extendDeadline: CultivationDetail }, ExtendDeadlineVariables> = gql`
  mutation ExtendDeadline($input: ExtendDeadlineInput!) {
    extendDeadline(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export interface PauseCultivationVariables {
  input: { cultivationId: string; reason: string };
}
export const PAUSE_CULTIVATION: TypedDocumentNode<{ pauseCultivation: CultivationDetail }, PauseCultivationVariables> = gql`
  mutation PauseCultivation($input: PauseCultivationInput!) {
    pauseCultivation(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export interface ResumeCultivationVariables {
  input: { cultivationId: string };
}
export const RESUME_CULTIVATION: TypedDocumentNode<{ resumeCultivation: CultivationDetail }, ResumeCultivationVariables> = gql`
  mutation ResumeCultivation($input: CultivationRefInput!) {
    resumeCultivation(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export interface FlagDeviationVariables {
  input: { cultivationId: string; note: string; correctionDueAt?: DateTime | null };
}
export const FLAG_DEVIATION: TypedDocumentNode<{ flagDeviation: CultivationDetail }, FlagDeviationVariables> = gql`
  mutation FlagDeviation($input: FlagDeviationInput!) {
    flagDeviation(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export interface SubmitCorrectionPlanVariables {
  input: { cultivationId: string; plan: string };
}
export const SUBMIT_CORRECTION_PLAN: TypedDocumentNode<{ submitCorrectionPlan: CultivationDetail }, SubmitCorrectionPlanVariables> = gql`
  mutation SubmitCorrectionPlan($input: SubmitCorrectionPlanInput!) {
    submitCorrectionPlan(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export interface TerminateCultivationVariables {
  input: { cultivationId: string; reason: string };
}
export const TERMINATE_CULTIVATION: TypedDocumentNode<{ terminateCultivation: CultivationDetail }, TerminateCultivationVariables> = gql`
  mutation TerminateCultivation($input: TerminateCultivationInput!) {
    terminateCultivation(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export interface AcknowledgeEscalationVariables {
  input: { escalationId: string; plan: string };
}
export const ACKNOWLEDGE_ESCALATION: TypedDocumentNode<{ acknowledgeEscalation: EscalationFields }, AcknowledgeEscalationVariables> = gql`
  mutation AcknowledgeEscalation($input: AcknowledgeEscalationInput!) {
    acknowledgeEscalation(input: $input) {
      ...EscalationDetailFields
    }
  }
  ${ESCALATION_FIELDS}
`;

export const ADVANCE_WITHDRAWAL_PHASE: TypedDocumentNode<
  { advanceWithdrawalPhase: CultivationDetail },
  { input: { cultivationId: string } }
> = gql`
  mutation AdvanceWithdrawalPhase($input: WithdrawalRefInput!) {
    advanceWithdrawalPhase(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export interface ConfirmHandoverVariables {
  input: { cultivationId: string; item: HandoverItem; takenOverBy: string };
}
export const CONFIRM_HANDOVER_ITEM: TypedDocumentNode<{ confirmHandoverItem: CultivationDetail }, ConfirmHandoverVariables> = gql`
  mutation ConfirmHandoverItem($input: ConfirmHandoverInput!) {
    confirmHandoverItem(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export interface RecordFinalEvaluationVariables {
  input: {
    cultivationId: string;
    community: { score: number; note: string };
    organization: { score: number; note: string };
    institution: { score: number; note: string };
  };
}
export const RECORD_FINAL_EVALUATION: TypedDocumentNode<{ recordFinalEvaluation: CultivationDetail }, RecordFinalEvaluationVariables> = gql`
  mutation RecordFinalEvaluation($input: RecordFinalEvaluationInput!) {
    recordFinalEvaluation(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export interface RecordFollowUpVariables {
  input: { cultivationId: string; index: number; passed: boolean; note: string };
}
export const RECORD_FOLLOW_UP: TypedDocumentNode<{ recordFollowUp: CultivationDetail }, RecordFollowUpVariables> = gql`
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;
