// GraphQL operations of the cultivation detail page; their types are generated (`npm run codegen`).
// Kept apart from operations.ts so that they load with the (lazily loaded) detail page only.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AcknowledgeEscalationMutation,
  CultivationOutcomeEvaluationsQuery,
  CultivationOutcomeEvaluationsQueryVariables,
  AcknowledgeEscalationMutationVariables,
  AdvanceWithdrawalPhaseMutation,
  AdvanceWithdrawalPhaseMutationVariables,
  ApproveGateMutation,
  ApproveGateMutationVariables,
  ConfirmHandoverItemMutation,
  ConfirmHandoverItemMutationVariables,
  CultivationDetailFieldsFragment,
  CultivationDetailQuery,
  CultivationDetailQueryVariables,
  EscalationDetailFieldsFragment,
  ExtendDeadlineMutation,
  ExtendDeadlineMutationVariables,
  FlagDeviationMutation,
  FlagDeviationMutationVariables,
  PauseCultivationMutation,
  PauseCultivationMutationVariables,
  RecordFinalEvaluationMutation,
  RecordFinalEvaluationMutationVariables,
  RecordFollowUpMutation,
  RecordFollowUpMutationVariables,
  ResumeCultivationMutation,
  ResumeCultivationMutationVariables,
  SubmitCorrectionPlanMutation,
  SubmitCorrectionPlanMutationVariables,
  TerminateCultivationMutation,
  TerminateCultivationMutationVariables,
} from './generated/graphql';

export type { FollowUpResult, HandoverItem, WithdrawalPhase } from './generated/graphql';

export type CultivationDetail = CultivationDetailFieldsFragment;
export type EscalationFields = EscalationDetailFieldsFragment;
export type EscalationStepFields = EscalationFields['steps'][number];
export type GateCriterionFields = CultivationDetail['gate']['criteria'][number];
export type StageRecordFields = CultivationDetail['stageHistory'][number];
export type TimelineEventFields = CultivationDetail['timeline'][number];
export type WithdrawalFields = NonNullable<CultivationDetail['withdrawal']>;
export type LevelEvaluationFields = NonNullable<WithdrawalFields['finalEvaluation']>['community'];
export type ConfirmHandoverVariables = ConfirmHandoverItemMutationVariables;
export type RecordFinalEvaluationVariables = RecordFinalEvaluationMutationVariables;
export type RecordFollowUpVariables = RecordFollowUpMutationVariables;

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

export const CULTIVATION_DETAIL: TypedDocumentNode<CultivationDetailQuery, CultivationDetailQueryVariables> = gql`
  query CultivationDetail($id: ID!) {
    cultivation(id: $id) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

// ---- Mutations ----------------------------------------------------------------------------------
// Each returns the updated cultivation in full, so the cache is current even before the refetch.

export const APPROVE_GATE: TypedDocumentNode<ApproveGateMutation, ApproveGateMutationVariables> = gql`
  mutation ApproveGate($input: ApproveGateInput!) {
    approveGate(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export const EXTEND_DEADLINE: TypedDocumentNode<ExtendDeadlineMutation, ExtendDeadlineMutationVariables> = gql`
  mutation ExtendDeadline($input: ExtendDeadlineInput!) {
    extendDeadline(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export const PAUSE_CULTIVATION: TypedDocumentNode<PauseCultivationMutation, PauseCultivationMutationVariables> = gql`
  mutation PauseCultivation($input: PauseCultivationInput!) {
    pauseCultivation(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export const RESUME_CULTIVATION: TypedDocumentNode<ResumeCultivationMutation, ResumeCultivationMutationVariables> = gql`
  mutation ResumeCultivation($input: CultivationRefInput!) {
    resumeCultivation(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export const FLAG_DEVIATION: TypedDocumentNode<FlagDeviationMutation, FlagDeviationMutationVariables> = gql`
  mutation FlagDeviation($input: FlagDeviationInput!) {
    flagDeviation(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export const SUBMIT_CORRECTION_PLAN: TypedDocumentNode<SubmitCorrectionPlanMutation, SubmitCorrectionPlanMutationVariables> = gql`
  mutation SubmitCorrectionPlan($input: SubmitCorrectionPlanInput!) {
    submitCorrectionPlan(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export const TERMINATE_CULTIVATION: TypedDocumentNode<TerminateCultivationMutation, TerminateCultivationMutationVariables> = gql`
  mutation TerminateCultivation($input: TerminateCultivationInput!) {
    terminateCultivation(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export const ACKNOWLEDGE_ESCALATION: TypedDocumentNode<AcknowledgeEscalationMutation, AcknowledgeEscalationMutationVariables> = gql`
  mutation AcknowledgeEscalation($input: AcknowledgeEscalationInput!) {
    acknowledgeEscalation(input: $input) {
      ...EscalationDetailFields
    }
  }
  ${ESCALATION_FIELDS}
`;

export const ADVANCE_WITHDRAWAL_PHASE: TypedDocumentNode<AdvanceWithdrawalPhaseMutation, AdvanceWithdrawalPhaseMutationVariables> = gql`
  mutation AdvanceWithdrawalPhase($input: WithdrawalRefInput!) {
    advanceWithdrawalPhase(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export const CONFIRM_HANDOVER_ITEM: TypedDocumentNode<ConfirmHandoverItemMutation, ConfirmHandoverItemMutationVariables> = gql`
  mutation ConfirmHandoverItem($input: ConfirmHandoverInput!) {
    confirmHandoverItem(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

/** The outcome evaluations of a cultivation (assessments-service), newest first: a final evaluation can take its scores from one. */
export const CULTIVATION_OUTCOME_EVALUATIONS: TypedDocumentNode<CultivationOutcomeEvaluationsQuery, CultivationOutcomeEvaluationsQueryVariables> = gql`
  query CultivationOutcomeEvaluations($cultivationId: ID!) {
    outcomeEvaluations(first: 5, filter: { cultivationId: $cultivationId }) {
      edges {
        node {
          id
          evaluatedOn
          communityScore
          organizationScore
          institutionScore
        }
      }
    }
  }
`;

export const RECORD_FINAL_EVALUATION: TypedDocumentNode<RecordFinalEvaluationMutation, RecordFinalEvaluationMutationVariables> = gql`
  mutation RecordFinalEvaluation($input: RecordFinalEvaluationInput!) {
    recordFinalEvaluation(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;

export const RECORD_FOLLOW_UP: TypedDocumentNode<RecordFollowUpMutation, RecordFollowUpMutationVariables> = gql`
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      ...CultivationDetailFields
    }
  }
  ${CULTIVATION_FIELDS}
`;
