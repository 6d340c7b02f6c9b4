/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment RubricFields on Rubric {\n    category\n    kind\n    version\n    passScore\n    createdAt\n    criteria {\n      key\n      label\n      weight\n      maxScore\n    }\n  }\n": typeof types.RubricFieldsFragmentDoc,
    "\n  fragment AssessmentFields on Assessment {\n    id\n    category\n    kind\n    rubricVersion\n    total\n    passScore\n    passed\n    assessedOn\n    note\n    createdAt\n    scores {\n      key\n      score\n    }\n  }\n": typeof types.AssessmentFieldsFragmentDoc,
    "\n  query OrganizationAssessments($organizationId: ID!) {\n    assessments(organizationId: $organizationId) {\n      ...AssessmentFields\n    }\n  }\n  \n": typeof types.OrganizationAssessmentsDocument,
    "\n  query RubricInForce($category: OrganizationCategory!, $kind: RubricKind!) {\n    rubric(category: $category, kind: $kind) {\n      ...RubricFields\n    }\n  }\n  \n": typeof types.RubricInForceDocument,
    "\n  query RubricVersions($category: OrganizationCategory!, $kind: RubricKind!) {\n    rubricVersions(category: $category, kind: $kind) {\n      ...RubricFields\n    }\n  }\n  \n": typeof types.RubricVersionsDocument,
    "\n  mutation RecordAssessment($input: RecordAssessmentInput!) {\n    recordAssessment(input: $input) {\n      ...AssessmentFields\n    }\n  }\n  \n": typeof types.RecordAssessmentDocument,
    "\n  mutation SetRubric($input: SetRubricInput!) {\n    setRubric(input: $input) {\n      ...RubricFields\n    }\n  }\n  \n": typeof types.SetRubricDocument,
    "\n  query OrganizationOutcomes($organizationId: ID!) {\n    outcomeEvaluations(first: 50, filter: { organizationId: $organizationId }) {\n      totalCount\n      edges {\n        node {\n          id\n          evaluatedOn\n          note\n          levels {\n            level\n            score\n            targetScore\n            metTarget\n            indicatorSetVersion\n          }\n        }\n      }\n    }\n    followUpChecks(first: 50, filter: { organizationId: $organizationId }) {\n      totalCount\n      edges {\n        node {\n          id\n          followUpIndex\n          checkedOn\n          passed\n          note\n          findings {\n            stillActive\n            leadershipStable\n            holdingActivities\n            financesInOrder\n            membersRetained\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizationOutcomesDocument,
    "\n  fragment IndicatorSetFields on OutcomeIndicatorSet {\n    level\n    version\n    targetScore\n    indicators {\n      key\n      label\n      weight\n      maxScore\n    }\n  }\n": typeof types.IndicatorSetFieldsFragmentDoc,
    "\n  query OutcomeIndicatorSets {\n    community: outcomeIndicatorSet(level: COMMUNITY) {\n      ...IndicatorSetFields\n    }\n    organization: outcomeIndicatorSet(level: ORGANIZATION) {\n      ...IndicatorSetFields\n    }\n    institution: outcomeIndicatorSet(level: INSTITUTION) {\n      ...IndicatorSetFields\n    }\n  }\n  \n": typeof types.OutcomeIndicatorSetsDocument,
    "\n  mutation RecordOutcomeEvaluation($input: RecordOutcomeEvaluationInput!) {\n    recordOutcomeEvaluation(input: $input) {\n      id\n      communityScore\n      organizationScore\n      institutionScore\n    }\n  }\n": typeof types.RecordOutcomeEvaluationDocument,
    "\n  mutation RecordFollowUpCheck($input: RecordFollowUpCheckInput!) {\n    recordFollowUpCheck(input: $input) {\n      id\n      passed\n    }\n  }\n": typeof types.RecordFollowUpCheckDocument,
    "\n  query WorkingCalendar($from: String!, $to: String!) {\n    workingCalendar(from: $from, to: $to) {\n      day\n      working\n      override\n      note\n    }\n  }\n": typeof types.WorkingCalendarDocument,
    "\n  mutation SetCalendarDays($input: SetCalendarDaysInput!) {\n    setCalendarDays(input: $input) {\n      day\n      working\n      override\n      note\n    }\n  }\n": typeof types.SetCalendarDaysDocument,
    "\n  fragment EscalationDetailFields on Escalation {\n    id\n    key\n    type\n    level\n    stage\n    status\n    raisedAt\n    levelDueAt\n    acknowledgedAt\n    acknowledgementPlan\n    resolvedAt\n    resolution\n    steps {\n      level\n      role\n      raisedAt\n      dueAt\n      acknowledgedAt\n      plan\n    }\n  }\n": typeof types.EscalationDetailFieldsFragmentDoc,
    "\n  fragment CultivationDetailFields on Cultivation {\n    id\n    stage\n    status\n    stageStartedAt\n    stageDeadline\n    startedAt\n    escalationLevel\n    districtId\n    category\n    pausedAt\n    policyVersion\n    deadlineUsage\n    atRisk\n    overdue\n    organization {\n      id\n      name\n      category\n    }\n    community {\n      id\n      name\n    }\n    institution {\n      id\n      name\n    }\n    gate {\n      met\n      evaluatedAt\n      criteria {\n        kind\n        threshold\n        actual\n        met\n        evidence\n        missing\n      }\n    }\n    deviation {\n      note\n      flaggedAt\n      correctionDueAt\n    }\n    stageHistory {\n      stage\n      enteredAt\n      plannedDeadline\n      deadline\n      leftAt\n      pausedSeconds\n      policyVersion\n    }\n    timeline {\n      sequence\n      kind\n      at\n      actorId\n      actorRole\n      details\n    }\n    escalations {\n      ...EscalationDetailFields\n    }\n    withdrawal {\n      phase\n      handovers {\n        item\n        takenOverBy\n        confirmedByRole\n        confirmedAt\n      }\n      pendingHandovers\n      finalEvaluation {\n        community {\n          score\n          note\n        }\n        organization {\n          score\n          note\n        }\n        institution {\n          score\n          note\n        }\n        recordedAt\n      }\n      followUps {\n        index\n        monthsAfter\n        dueAt\n        windowEndsAt\n        result\n        note\n        recordedAt\n      }\n      reengagements\n    }\n  }\n  \n": typeof types.CultivationDetailFieldsFragmentDoc,
    "\n  query CultivationDetail($id: ID!) {\n    cultivation(id: $id) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.CultivationDetailDocument,
    "\n  mutation ApproveGate($input: ApproveGateInput!) {\n    approveGate(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.ApproveGateDocument,
    "\n  mutation ExtendDeadline($input: ExtendDeadlineInput!) {\n    extendDeadline(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.ExtendDeadlineDocument,
    "\n  mutation PauseCultivation($input: PauseCultivationInput!) {\n    pauseCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.PauseCultivationDocument,
    "\n  mutation ResumeCultivation($input: CultivationRefInput!) {\n    resumeCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.ResumeCultivationDocument,
    "\n  mutation FlagDeviation($input: FlagDeviationInput!) {\n    flagDeviation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.FlagDeviationDocument,
    "\n  mutation SubmitCorrectionPlan($input: SubmitCorrectionPlanInput!) {\n    submitCorrectionPlan(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.SubmitCorrectionPlanDocument,
    "\n  mutation TerminateCultivation($input: TerminateCultivationInput!) {\n    terminateCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.TerminateCultivationDocument,
    "\n  mutation AcknowledgeEscalation($input: AcknowledgeEscalationInput!) {\n    acknowledgeEscalation(input: $input) {\n      ...EscalationDetailFields\n    }\n  }\n  \n": typeof types.AcknowledgeEscalationDocument,
    "\n  mutation AdvanceWithdrawalPhase($input: WithdrawalRefInput!) {\n    advanceWithdrawalPhase(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.AdvanceWithdrawalPhaseDocument,
    "\n  mutation ConfirmHandoverItem($input: ConfirmHandoverInput!) {\n    confirmHandoverItem(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.ConfirmHandoverItemDocument,
    "\n  query CultivationOutcomeEvaluations($cultivationId: ID!) {\n    outcomeEvaluations(first: 5, filter: { cultivationId: $cultivationId }) {\n      edges {\n        node {\n          id\n          evaluatedOn\n          communityScore\n          organizationScore\n          institutionScore\n        }\n      }\n    }\n  }\n": typeof types.CultivationOutcomeEvaluationsDocument,
    "\n  mutation RecordFinalEvaluation($input: RecordFinalEvaluationInput!) {\n    recordFinalEvaluation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.RecordFinalEvaluationDocument,
    "\n  mutation RecordFollowUp($input: RecordFollowUpInput!) {\n    recordFollowUp(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": typeof types.RecordFollowUpDocument,
    "\n  fragment PageFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": typeof types.PageFieldsFragmentDoc,
    "\n  fragment CharterFields on Charter {\n    id\n    adoptedOn\n    text\n    fileReference\n  }\n": typeof types.CharterFieldsFragmentDoc,
    "\n  fragment FilingFields on Filing {\n    id\n    number\n    authority\n    filedOn\n  }\n": typeof types.FilingFieldsFragmentDoc,
    "\n  fragment MemberFields on Member {\n    id\n    name\n    phone\n    isLeader\n    joinedOn\n    leftOn\n  }\n": typeof types.MemberFieldsFragmentDoc,
    "\n  fragment ActivityFields on Activity {\n    id\n    kind\n    title\n    heldOn\n    hours\n    participants\n  }\n": typeof types.ActivityFieldsFragmentDoc,
    "\n  query OrganizationsPage($filter: OrganizationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    organizationsConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          status\n          createdAt\n          community {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n  \n": typeof types.OrganizationsPageDocument,
    "\n  fragment OrganizationDetailFields on Organization {\n    id\n    name\n    category\n    status\n    version\n    createdAt\n    community {\n      id\n      name\n    }\n    district {\n      id\n      name\n    }\n    charter {\n      ...CharterFields\n    }\n    filing {\n      ...FilingFields\n    }\n  }\n  \n  \n": typeof types.OrganizationDetailFieldsFragmentDoc,
    "\n  query OrganizationDetail($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n": typeof types.OrganizationDetailDocument,
    "\n  query OrganizationMembers($id: ID!, $includeFormer: Boolean!) {\n    organization(id: $id) {\n      id\n      members(includeFormer: $includeFormer) {\n        ...MemberFields\n      }\n    }\n  }\n  \n": typeof types.OrganizationMembersDocument,
    "\n  query OrganizationActivities($id: ID!) {\n    organization(id: $id) {\n      id\n      activities {\n        ...ActivityFields\n      }\n    }\n  }\n  \n": typeof types.OrganizationActivitiesDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n": typeof types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n": typeof types.UpdateOrganizationDocument,
    "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      ...MemberFields\n    }\n  }\n  \n": typeof types.AddMemberDocument,
    "\n  mutation MemberLeft($input: MemberLeftInput!) {\n    memberLeft(input: $input) {\n      id\n      leftOn\n    }\n  }\n": typeof types.MemberLeftDocument,
    "\n  mutation RecordActivity($input: RecordActivityInput!) {\n    recordActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n  \n": typeof types.RecordActivityDocument,
    "\n  mutation AdoptCharter($input: AdoptCharterInput!) {\n    adoptCharter(input: $input) {\n      ...CharterFields\n    }\n  }\n  \n": typeof types.AdoptCharterDocument,
    "\n  mutation RecordFiling($input: RecordFilingInput!) {\n    recordFiling(input: $input) {\n      ...FilingFields\n    }\n  }\n  \n": typeof types.RecordFilingDocument,
    "\n  query CommunitiesPage($filter: CommunityFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    communitiesConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          population\n          households\n          organizationCount\n          street {\n            id\n            name\n          }\n          district {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n  \n": typeof types.CommunitiesPageDocument,
    "\n  fragment CommunityEditFields on Community {\n    id\n    name\n    address\n    population\n    households\n    version\n  }\n": typeof types.CommunityEditFieldsFragmentDoc,
    "\n  query CommunityDetail($id: ID!) {\n    community(id: $id) {\n      ...CommunityEditFields\n      street {\n        id\n        name\n      }\n      district {\n        id\n        name\n      }\n      organizations {\n        id\n        name\n        category\n        status\n      }\n      needsSurveys {\n        id\n        title\n        createdAt\n        demandAnalysis {\n          responseCount\n          recommendedCategory\n        }\n      }\n    }\n  }\n  \n": typeof types.CommunityDetailDocument,
    "\n  query InstitutionsPage($filter: InstitutionFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    institutionsConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          createdAt\n        }\n      }\n    }\n  }\n  \n": typeof types.InstitutionsPageDocument,
    "\n  fragment ServiceContractFields on ServiceContract {\n    id\n    reference\n    startsOn\n    endsOn\n    inForce\n    version\n    district {\n      id\n      name\n    }\n    streets {\n      id\n      name\n    }\n  }\n": typeof types.ServiceContractFieldsFragmentDoc,
    "\n  query InstitutionDetail($id: ID!) {\n    institution(id: $id) {\n      id\n      name\n      version\n      createdAt\n      staff {\n        userId\n        displayName\n        role\n      }\n      serviceContracts {\n        ...ServiceContractFields\n      }\n    }\n  }\n  \n": typeof types.InstitutionDetailDocument,
    "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateCommunityDocument,
    "\n  mutation UpdateCommunity($input: UpdateCommunityInput!) {\n    updateCommunity(input: $input) {\n      ...CommunityEditFields\n    }\n  }\n  \n": typeof types.UpdateCommunityDocument,
    "\n  query DistrictStreets($id: ID!) {\n    district(id: $id) {\n      id\n      streets {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DistrictStreetsDocument,
    "\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) {\n      id\n      name\n      version\n    }\n  }\n": typeof types.CreateInstitutionDocument,
    "\n  mutation UpdateInstitution($input: UpdateInstitutionInput!) {\n    updateInstitution(input: $input) {\n      id\n      name\n      version\n    }\n  }\n": typeof types.UpdateInstitutionDocument,
    "\n  mutation RecordServiceContract($input: RecordServiceContractInput!) {\n    recordServiceContract(input: $input) {\n      ...ServiceContractFields\n    }\n  }\n  \n": typeof types.RecordServiceContractDocument,
    "\n  mutation SetServiceContractEnd($input: SetServiceContractEndInput!) {\n    setServiceContractEnd(input: $input) {\n      ...ServiceContractFields\n    }\n  }\n  \n": typeof types.SetServiceContractEndDocument,
    "\n  query NeedsSurveysPage($filter: NeedsSurveyFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    needsSurveysConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          title\n          createdAt\n          community {\n            id\n            name\n          }\n          demandAnalysis {\n            responseCount\n            recommendedCategory\n          }\n        }\n      }\n    }\n  }\n  \n": typeof types.NeedsSurveysPageDocument,
    "\n  query NeedsSurveyDetail($id: ID!) {\n    needsSurvey(id: $id) {\n      id\n      title\n      createdAt\n      community {\n        id\n        name\n      }\n      demandAnalysis {\n        responseCount\n        recommendedCategory\n        categories {\n          category\n          responseCount\n          share\n        }\n      }\n      responses {\n        id\n        respondentLabel\n        demandCategories\n        createdAt\n      }\n    }\n  }\n": typeof types.NeedsSurveyDetailDocument,
    "\n  query Districts {\n    districts {\n      id\n      name\n      code\n    }\n  }\n": typeof types.DistrictsDocument,
    "\n  query MeScopes {\n    me {\n      id\n      role\n      scopes {\n        kind\n        id\n      }\n    }\n  }\n": typeof types.MeScopesDocument,
    "\n  query InstitutionNames {\n    institutions {\n      id\n      name\n    }\n  }\n": typeof types.InstitutionNamesDocument,
    "\n  query DashboardHeadlines($districtId: ID) {\n    active: cultivationCount(filter: { districtId: $districtId, status: ACTIVE })\n    overdue: cultivationCount(filter: { districtId: $districtId, overdue: true })\n    escalated: cultivationCount(filter: { districtId: $districtId, escalated: true })\n    openEscalationCount(districtId: $districtId)\n    stageFunnel(districtId: $districtId) {\n      stage\n      count\n    }\n  }\n": typeof types.DashboardHeadlinesDocument,
    "\n  query StageFunnelIndicator($input: IndicatorInput!) {\n    table: stageFunnelIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        stage\n        entered\n        passed\n        terminated\n      }\n    }\n  }\n": typeof types.StageFunnelIndicatorDocument,
    "\n  query TimeInStageIndicator($input: IndicatorInput!) {\n    table: timeInStageIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        stage\n        completed\n        medianDays\n        p90Days\n        withDeadline\n        onTime\n        onTimeRate\n      }\n    }\n  }\n": typeof types.TimeInStageIndicatorDocument,
    "\n  query EscalationIndicator($input: EscalationIndicatorInput!) {\n    table: escalationIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        type\n        highestLevel\n        raised\n        acknowledged\n        resolved\n        openNow\n        medianDaysToAcknowledge\n        medianDaysToResolve\n      }\n    }\n  }\n": typeof types.EscalationIndicatorDocument,
    "\n  query OverdueIndicator($input: IndicatorInput!) {\n    table: overdueIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        asOf\n        running\n        withDeadline\n        overdue\n        overdueRate\n      }\n    }\n  }\n": typeof types.OverdueIndicatorDocument,
    "\n  query FilingRateIndicator($input: IndicatorInput!) {\n    table: filingRateIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        reachedMaturity\n        filed\n        filingRate\n      }\n    }\n  }\n": typeof types.FilingRateIndicatorDocument,
    "\n  query FollowUpIndicator($input: IndicatorInput!) {\n    table: followUpIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        monthsAfter\n        passed\n        failed\n        missed\n        passRate\n      }\n    }\n  }\n": typeof types.FollowUpIndicatorDocument,
    "\n  query WithdrawalOutcomeIndicator($input: IndicatorInput!) {\n    table: withdrawalOutcomeIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        completed\n        stillActive\n        stillActiveRate\n      }\n    }\n  }\n": typeof types.WithdrawalOutcomeIndicatorDocument,
    "\n  query ScoreIndicator($input: ScoreIndicatorInput!) {\n    table: scoreIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        kind\n        assessed\n        meanScore\n        medianScore\n        passed\n        passRate\n        band0To20\n        band20To40\n        band40To60\n        band60To80\n        band80To100\n      }\n    }\n  }\n": typeof types.ScoreIndicatorDocument,
    "\n  query OutcomeIndicator($input: IndicatorInput!) {\n    table: outcomeIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        level\n        evaluated\n        meanScore\n        medianScore\n        metTarget\n        metTargetRate\n      }\n    }\n  }\n": typeof types.OutcomeIndicatorDocument,
    "\n  query StreetNames {\n    districts {\n      id\n      streets {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StreetNamesDocument,
    "\n  query Notifications($unreadOnly: Boolean, $first: Int) {\n    notifications(unreadOnly: $unreadOnly, first: $first) {\n      id\n      kind\n      cultivationId\n      escalationId\n      summary\n      details\n      createdAt\n      readAt\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      kind\n      cultivationId\n      escalationId\n      summary\n      details\n      createdAt\n      readAt\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  query CommunityNames {\n    communities {\n      id\n      name\n    }\n  }\n": typeof types.CommunityNamesDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  fragment SessionFields on AuthPayload {\n    token\n    expiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      id\n      username\n      displayName\n      role\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...SessionFields\n    }\n  }\n  \n": typeof types.SignInDocument,
    "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      ...SessionFields\n    }\n  }\n  \n": typeof types.RefreshTokenDocument,
    "\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input)\n  }\n": typeof types.SignOutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n    }\n  }\n": typeof types.MeDocument,
    "\n  query Cultivations($filter: CultivationFilter) {\n    cultivations(filter: $filter) {\n      id\n      stage\n      status\n      stageDeadline\n      startedAt\n      organization {\n        id\n        name\n        category\n      }\n      institution {\n        id\n        name\n      }\n      community {\n        id\n        name\n      }\n      escalations {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CultivationsDocument,
    "\n  query CultivationFilterPlaces {\n    districts {\n      id\n      name\n      streets {\n        id\n        name\n      }\n    }\n    institutions {\n      id\n      name\n    }\n  }\n": typeof types.CultivationFilterPlacesDocument,
    "\n  query CultivationFilterCommunities($districtId: ID!) {\n    communities(districtId: $districtId) {\n      id\n      name\n      streetId\n    }\n  }\n": typeof types.CultivationFilterCommunitiesDocument,
    "\n  query StartCultivationOptions {\n    organizations {\n      id\n      name\n      category\n      community {\n        id\n        name\n      }\n    }\n    institutions {\n      id\n      name\n    }\n  }\n": typeof types.StartCultivationOptionsDocument,
    "\n  mutation StartCultivation($input: StartCultivationInput!) {\n    startCultivation(input: $input) {\n      id\n      stage\n      status\n      stageDeadline\n      startedAt\n      organization {\n        id\n        name\n        category\n      }\n      institution {\n        id\n        name\n      }\n      community {\n        id\n        name\n      }\n      escalations {\n        id\n        status\n      }\n    }\n  }\n": typeof types.StartCultivationDocument,
    "\n  query Escalations {\n    escalations {\n      id\n      type\n      level\n      stage\n      raisedAt\n      status\n      cultivation {\n        id\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.EscalationsDocument,
    "\n  query DistrictsOverview {\n    districts {\n      id\n      name\n      code\n      streetCount\n      communityCount\n      organizationCount\n    }\n  }\n": typeof types.DistrictsOverviewDocument,
    "\n  query DistrictDetail($id: ID!) {\n    district(id: $id) {\n      id\n      name\n      code\n      version\n      streetCount\n      communityCount\n      organizationCount\n      streets {\n        id\n        name\n        version\n        communities {\n          id\n          name\n          organizationCount\n        }\n      }\n    }\n  }\n": typeof types.DistrictDetailDocument,
    "\n  mutation CreateDistrict($input: CreateDistrictInput!) {\n    createDistrict(input: $input) {\n      id\n      name\n      code\n    }\n  }\n": typeof types.CreateDistrictDocument,
    "\n  mutation UpdateDistrict($input: UpdateDistrictInput!) {\n    updateDistrict(input: $input) {\n      id\n      name\n      version\n    }\n  }\n": typeof types.UpdateDistrictDocument,
    "\n  mutation CreateStreet($input: CreateStreetInput!) {\n    createStreet(input: $input) {\n      id\n      name\n      version\n      districtId\n    }\n  }\n": typeof types.CreateStreetDocument,
    "\n  mutation UpdateStreet($input: UpdateStreetInput!) {\n    updateStreet(input: $input) {\n      id\n      name\n      version\n    }\n  }\n": typeof types.UpdateStreetDocument,
    "\n  query ProcessPolicy($districtId: ID!) {\n    processPolicy(districtId: $districtId) {\n      districtId\n      version\n      document\n    }\n  }\n": typeof types.ProcessPolicyDocument,
    "\n  query ProcessPolicyVersions($districtId: ID!) {\n    processPolicyVersions(districtId: $districtId) {\n      districtId\n      version\n      document\n      storedAt\n      storedByUsername\n    }\n  }\n": typeof types.ProcessPolicyVersionsDocument,
    "\n  mutation SetProcessPolicy($input: SetProcessPolicyInput!) {\n    setProcessPolicy(input: $input) {\n      districtId\n      version\n      document\n    }\n  }\n": typeof types.SetProcessPolicyDocument,
};
const documents: Documents = {
    "\n  fragment RubricFields on Rubric {\n    category\n    kind\n    version\n    passScore\n    createdAt\n    criteria {\n      key\n      label\n      weight\n      maxScore\n    }\n  }\n": types.RubricFieldsFragmentDoc,
    "\n  fragment AssessmentFields on Assessment {\n    id\n    category\n    kind\n    rubricVersion\n    total\n    passScore\n    passed\n    assessedOn\n    note\n    createdAt\n    scores {\n      key\n      score\n    }\n  }\n": types.AssessmentFieldsFragmentDoc,
    "\n  query OrganizationAssessments($organizationId: ID!) {\n    assessments(organizationId: $organizationId) {\n      ...AssessmentFields\n    }\n  }\n  \n": types.OrganizationAssessmentsDocument,
    "\n  query RubricInForce($category: OrganizationCategory!, $kind: RubricKind!) {\n    rubric(category: $category, kind: $kind) {\n      ...RubricFields\n    }\n  }\n  \n": types.RubricInForceDocument,
    "\n  query RubricVersions($category: OrganizationCategory!, $kind: RubricKind!) {\n    rubricVersions(category: $category, kind: $kind) {\n      ...RubricFields\n    }\n  }\n  \n": types.RubricVersionsDocument,
    "\n  mutation RecordAssessment($input: RecordAssessmentInput!) {\n    recordAssessment(input: $input) {\n      ...AssessmentFields\n    }\n  }\n  \n": types.RecordAssessmentDocument,
    "\n  mutation SetRubric($input: SetRubricInput!) {\n    setRubric(input: $input) {\n      ...RubricFields\n    }\n  }\n  \n": types.SetRubricDocument,
    "\n  query OrganizationOutcomes($organizationId: ID!) {\n    outcomeEvaluations(first: 50, filter: { organizationId: $organizationId }) {\n      totalCount\n      edges {\n        node {\n          id\n          evaluatedOn\n          note\n          levels {\n            level\n            score\n            targetScore\n            metTarget\n            indicatorSetVersion\n          }\n        }\n      }\n    }\n    followUpChecks(first: 50, filter: { organizationId: $organizationId }) {\n      totalCount\n      edges {\n        node {\n          id\n          followUpIndex\n          checkedOn\n          passed\n          note\n          findings {\n            stillActive\n            leadershipStable\n            holdingActivities\n            financesInOrder\n            membersRetained\n          }\n        }\n      }\n    }\n  }\n": types.OrganizationOutcomesDocument,
    "\n  fragment IndicatorSetFields on OutcomeIndicatorSet {\n    level\n    version\n    targetScore\n    indicators {\n      key\n      label\n      weight\n      maxScore\n    }\n  }\n": types.IndicatorSetFieldsFragmentDoc,
    "\n  query OutcomeIndicatorSets {\n    community: outcomeIndicatorSet(level: COMMUNITY) {\n      ...IndicatorSetFields\n    }\n    organization: outcomeIndicatorSet(level: ORGANIZATION) {\n      ...IndicatorSetFields\n    }\n    institution: outcomeIndicatorSet(level: INSTITUTION) {\n      ...IndicatorSetFields\n    }\n  }\n  \n": types.OutcomeIndicatorSetsDocument,
    "\n  mutation RecordOutcomeEvaluation($input: RecordOutcomeEvaluationInput!) {\n    recordOutcomeEvaluation(input: $input) {\n      id\n      communityScore\n      organizationScore\n      institutionScore\n    }\n  }\n": types.RecordOutcomeEvaluationDocument,
    "\n  mutation RecordFollowUpCheck($input: RecordFollowUpCheckInput!) {\n    recordFollowUpCheck(input: $input) {\n      id\n      passed\n    }\n  }\n": types.RecordFollowUpCheckDocument,
    "\n  query WorkingCalendar($from: String!, $to: String!) {\n    workingCalendar(from: $from, to: $to) {\n      day\n      working\n      override\n      note\n    }\n  }\n": types.WorkingCalendarDocument,
    "\n  mutation SetCalendarDays($input: SetCalendarDaysInput!) {\n    setCalendarDays(input: $input) {\n      day\n      working\n      override\n      note\n    }\n  }\n": types.SetCalendarDaysDocument,
    "\n  fragment EscalationDetailFields on Escalation {\n    id\n    key\n    type\n    level\n    stage\n    status\n    raisedAt\n    levelDueAt\n    acknowledgedAt\n    acknowledgementPlan\n    resolvedAt\n    resolution\n    steps {\n      level\n      role\n      raisedAt\n      dueAt\n      acknowledgedAt\n      plan\n    }\n  }\n": types.EscalationDetailFieldsFragmentDoc,
    "\n  fragment CultivationDetailFields on Cultivation {\n    id\n    stage\n    status\n    stageStartedAt\n    stageDeadline\n    startedAt\n    escalationLevel\n    districtId\n    category\n    pausedAt\n    policyVersion\n    deadlineUsage\n    atRisk\n    overdue\n    organization {\n      id\n      name\n      category\n    }\n    community {\n      id\n      name\n    }\n    institution {\n      id\n      name\n    }\n    gate {\n      met\n      evaluatedAt\n      criteria {\n        kind\n        threshold\n        actual\n        met\n        evidence\n        missing\n      }\n    }\n    deviation {\n      note\n      flaggedAt\n      correctionDueAt\n    }\n    stageHistory {\n      stage\n      enteredAt\n      plannedDeadline\n      deadline\n      leftAt\n      pausedSeconds\n      policyVersion\n    }\n    timeline {\n      sequence\n      kind\n      at\n      actorId\n      actorRole\n      details\n    }\n    escalations {\n      ...EscalationDetailFields\n    }\n    withdrawal {\n      phase\n      handovers {\n        item\n        takenOverBy\n        confirmedByRole\n        confirmedAt\n      }\n      pendingHandovers\n      finalEvaluation {\n        community {\n          score\n          note\n        }\n        organization {\n          score\n          note\n        }\n        institution {\n          score\n          note\n        }\n        recordedAt\n      }\n      followUps {\n        index\n        monthsAfter\n        dueAt\n        windowEndsAt\n        result\n        note\n        recordedAt\n      }\n      reengagements\n    }\n  }\n  \n": types.CultivationDetailFieldsFragmentDoc,
    "\n  query CultivationDetail($id: ID!) {\n    cultivation(id: $id) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.CultivationDetailDocument,
    "\n  mutation ApproveGate($input: ApproveGateInput!) {\n    approveGate(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.ApproveGateDocument,
    "\n  mutation ExtendDeadline($input: ExtendDeadlineInput!) {\n    extendDeadline(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.ExtendDeadlineDocument,
    "\n  mutation PauseCultivation($input: PauseCultivationInput!) {\n    pauseCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.PauseCultivationDocument,
    "\n  mutation ResumeCultivation($input: CultivationRefInput!) {\n    resumeCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.ResumeCultivationDocument,
    "\n  mutation FlagDeviation($input: FlagDeviationInput!) {\n    flagDeviation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.FlagDeviationDocument,
    "\n  mutation SubmitCorrectionPlan($input: SubmitCorrectionPlanInput!) {\n    submitCorrectionPlan(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.SubmitCorrectionPlanDocument,
    "\n  mutation TerminateCultivation($input: TerminateCultivationInput!) {\n    terminateCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.TerminateCultivationDocument,
    "\n  mutation AcknowledgeEscalation($input: AcknowledgeEscalationInput!) {\n    acknowledgeEscalation(input: $input) {\n      ...EscalationDetailFields\n    }\n  }\n  \n": types.AcknowledgeEscalationDocument,
    "\n  mutation AdvanceWithdrawalPhase($input: WithdrawalRefInput!) {\n    advanceWithdrawalPhase(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.AdvanceWithdrawalPhaseDocument,
    "\n  mutation ConfirmHandoverItem($input: ConfirmHandoverInput!) {\n    confirmHandoverItem(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.ConfirmHandoverItemDocument,
    "\n  query CultivationOutcomeEvaluations($cultivationId: ID!) {\n    outcomeEvaluations(first: 5, filter: { cultivationId: $cultivationId }) {\n      edges {\n        node {\n          id\n          evaluatedOn\n          communityScore\n          organizationScore\n          institutionScore\n        }\n      }\n    }\n  }\n": types.CultivationOutcomeEvaluationsDocument,
    "\n  mutation RecordFinalEvaluation($input: RecordFinalEvaluationInput!) {\n    recordFinalEvaluation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.RecordFinalEvaluationDocument,
    "\n  mutation RecordFollowUp($input: RecordFollowUpInput!) {\n    recordFollowUp(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n": types.RecordFollowUpDocument,
    "\n  fragment PageFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": types.PageFieldsFragmentDoc,
    "\n  fragment CharterFields on Charter {\n    id\n    adoptedOn\n    text\n    fileReference\n  }\n": types.CharterFieldsFragmentDoc,
    "\n  fragment FilingFields on Filing {\n    id\n    number\n    authority\n    filedOn\n  }\n": types.FilingFieldsFragmentDoc,
    "\n  fragment MemberFields on Member {\n    id\n    name\n    phone\n    isLeader\n    joinedOn\n    leftOn\n  }\n": types.MemberFieldsFragmentDoc,
    "\n  fragment ActivityFields on Activity {\n    id\n    kind\n    title\n    heldOn\n    hours\n    participants\n  }\n": types.ActivityFieldsFragmentDoc,
    "\n  query OrganizationsPage($filter: OrganizationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    organizationsConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          status\n          createdAt\n          community {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n  \n": types.OrganizationsPageDocument,
    "\n  fragment OrganizationDetailFields on Organization {\n    id\n    name\n    category\n    status\n    version\n    createdAt\n    community {\n      id\n      name\n    }\n    district {\n      id\n      name\n    }\n    charter {\n      ...CharterFields\n    }\n    filing {\n      ...FilingFields\n    }\n  }\n  \n  \n": types.OrganizationDetailFieldsFragmentDoc,
    "\n  query OrganizationDetail($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n": types.OrganizationDetailDocument,
    "\n  query OrganizationMembers($id: ID!, $includeFormer: Boolean!) {\n    organization(id: $id) {\n      id\n      members(includeFormer: $includeFormer) {\n        ...MemberFields\n      }\n    }\n  }\n  \n": types.OrganizationMembersDocument,
    "\n  query OrganizationActivities($id: ID!) {\n    organization(id: $id) {\n      id\n      activities {\n        ...ActivityFields\n      }\n    }\n  }\n  \n": types.OrganizationActivitiesDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n": types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n": types.UpdateOrganizationDocument,
    "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      ...MemberFields\n    }\n  }\n  \n": types.AddMemberDocument,
    "\n  mutation MemberLeft($input: MemberLeftInput!) {\n    memberLeft(input: $input) {\n      id\n      leftOn\n    }\n  }\n": types.MemberLeftDocument,
    "\n  mutation RecordActivity($input: RecordActivityInput!) {\n    recordActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n  \n": types.RecordActivityDocument,
    "\n  mutation AdoptCharter($input: AdoptCharterInput!) {\n    adoptCharter(input: $input) {\n      ...CharterFields\n    }\n  }\n  \n": types.AdoptCharterDocument,
    "\n  mutation RecordFiling($input: RecordFilingInput!) {\n    recordFiling(input: $input) {\n      ...FilingFields\n    }\n  }\n  \n": types.RecordFilingDocument,
    "\n  query CommunitiesPage($filter: CommunityFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    communitiesConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          population\n          households\n          organizationCount\n          street {\n            id\n            name\n          }\n          district {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n  \n": types.CommunitiesPageDocument,
    "\n  fragment CommunityEditFields on Community {\n    id\n    name\n    address\n    population\n    households\n    version\n  }\n": types.CommunityEditFieldsFragmentDoc,
    "\n  query CommunityDetail($id: ID!) {\n    community(id: $id) {\n      ...CommunityEditFields\n      street {\n        id\n        name\n      }\n      district {\n        id\n        name\n      }\n      organizations {\n        id\n        name\n        category\n        status\n      }\n      needsSurveys {\n        id\n        title\n        createdAt\n        demandAnalysis {\n          responseCount\n          recommendedCategory\n        }\n      }\n    }\n  }\n  \n": types.CommunityDetailDocument,
    "\n  query InstitutionsPage($filter: InstitutionFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    institutionsConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          createdAt\n        }\n      }\n    }\n  }\n  \n": types.InstitutionsPageDocument,
    "\n  fragment ServiceContractFields on ServiceContract {\n    id\n    reference\n    startsOn\n    endsOn\n    inForce\n    version\n    district {\n      id\n      name\n    }\n    streets {\n      id\n      name\n    }\n  }\n": types.ServiceContractFieldsFragmentDoc,
    "\n  query InstitutionDetail($id: ID!) {\n    institution(id: $id) {\n      id\n      name\n      version\n      createdAt\n      staff {\n        userId\n        displayName\n        role\n      }\n      serviceContracts {\n        ...ServiceContractFields\n      }\n    }\n  }\n  \n": types.InstitutionDetailDocument,
    "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateCommunityDocument,
    "\n  mutation UpdateCommunity($input: UpdateCommunityInput!) {\n    updateCommunity(input: $input) {\n      ...CommunityEditFields\n    }\n  }\n  \n": types.UpdateCommunityDocument,
    "\n  query DistrictStreets($id: ID!) {\n    district(id: $id) {\n      id\n      streets {\n        id\n        name\n      }\n    }\n  }\n": types.DistrictStreetsDocument,
    "\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) {\n      id\n      name\n      version\n    }\n  }\n": types.CreateInstitutionDocument,
    "\n  mutation UpdateInstitution($input: UpdateInstitutionInput!) {\n    updateInstitution(input: $input) {\n      id\n      name\n      version\n    }\n  }\n": types.UpdateInstitutionDocument,
    "\n  mutation RecordServiceContract($input: RecordServiceContractInput!) {\n    recordServiceContract(input: $input) {\n      ...ServiceContractFields\n    }\n  }\n  \n": types.RecordServiceContractDocument,
    "\n  mutation SetServiceContractEnd($input: SetServiceContractEndInput!) {\n    setServiceContractEnd(input: $input) {\n      ...ServiceContractFields\n    }\n  }\n  \n": types.SetServiceContractEndDocument,
    "\n  query NeedsSurveysPage($filter: NeedsSurveyFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    needsSurveysConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          title\n          createdAt\n          community {\n            id\n            name\n          }\n          demandAnalysis {\n            responseCount\n            recommendedCategory\n          }\n        }\n      }\n    }\n  }\n  \n": types.NeedsSurveysPageDocument,
    "\n  query NeedsSurveyDetail($id: ID!) {\n    needsSurvey(id: $id) {\n      id\n      title\n      createdAt\n      community {\n        id\n        name\n      }\n      demandAnalysis {\n        responseCount\n        recommendedCategory\n        categories {\n          category\n          responseCount\n          share\n        }\n      }\n      responses {\n        id\n        respondentLabel\n        demandCategories\n        createdAt\n      }\n    }\n  }\n": types.NeedsSurveyDetailDocument,
    "\n  query Districts {\n    districts {\n      id\n      name\n      code\n    }\n  }\n": types.DistrictsDocument,
    "\n  query MeScopes {\n    me {\n      id\n      role\n      scopes {\n        kind\n        id\n      }\n    }\n  }\n": types.MeScopesDocument,
    "\n  query InstitutionNames {\n    institutions {\n      id\n      name\n    }\n  }\n": types.InstitutionNamesDocument,
    "\n  query DashboardHeadlines($districtId: ID) {\n    active: cultivationCount(filter: { districtId: $districtId, status: ACTIVE })\n    overdue: cultivationCount(filter: { districtId: $districtId, overdue: true })\n    escalated: cultivationCount(filter: { districtId: $districtId, escalated: true })\n    openEscalationCount(districtId: $districtId)\n    stageFunnel(districtId: $districtId) {\n      stage\n      count\n    }\n  }\n": types.DashboardHeadlinesDocument,
    "\n  query StageFunnelIndicator($input: IndicatorInput!) {\n    table: stageFunnelIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        stage\n        entered\n        passed\n        terminated\n      }\n    }\n  }\n": types.StageFunnelIndicatorDocument,
    "\n  query TimeInStageIndicator($input: IndicatorInput!) {\n    table: timeInStageIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        stage\n        completed\n        medianDays\n        p90Days\n        withDeadline\n        onTime\n        onTimeRate\n      }\n    }\n  }\n": types.TimeInStageIndicatorDocument,
    "\n  query EscalationIndicator($input: EscalationIndicatorInput!) {\n    table: escalationIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        type\n        highestLevel\n        raised\n        acknowledged\n        resolved\n        openNow\n        medianDaysToAcknowledge\n        medianDaysToResolve\n      }\n    }\n  }\n": types.EscalationIndicatorDocument,
    "\n  query OverdueIndicator($input: IndicatorInput!) {\n    table: overdueIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        asOf\n        running\n        withDeadline\n        overdue\n        overdueRate\n      }\n    }\n  }\n": types.OverdueIndicatorDocument,
    "\n  query FilingRateIndicator($input: IndicatorInput!) {\n    table: filingRateIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        reachedMaturity\n        filed\n        filingRate\n      }\n    }\n  }\n": types.FilingRateIndicatorDocument,
    "\n  query FollowUpIndicator($input: IndicatorInput!) {\n    table: followUpIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        monthsAfter\n        passed\n        failed\n        missed\n        passRate\n      }\n    }\n  }\n": types.FollowUpIndicatorDocument,
    "\n  query WithdrawalOutcomeIndicator($input: IndicatorInput!) {\n    table: withdrawalOutcomeIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        completed\n        stillActive\n        stillActiveRate\n      }\n    }\n  }\n": types.WithdrawalOutcomeIndicatorDocument,
    "\n  query ScoreIndicator($input: ScoreIndicatorInput!) {\n    table: scoreIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        kind\n        assessed\n        meanScore\n        medianScore\n        passed\n        passRate\n        band0To20\n        band20To40\n        band40To60\n        band60To80\n        band80To100\n      }\n    }\n  }\n": types.ScoreIndicatorDocument,
    "\n  query OutcomeIndicator($input: IndicatorInput!) {\n    table: outcomeIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        level\n        evaluated\n        meanScore\n        medianScore\n        metTarget\n        metTargetRate\n      }\n    }\n  }\n": types.OutcomeIndicatorDocument,
    "\n  query StreetNames {\n    districts {\n      id\n      streets {\n        id\n        name\n      }\n    }\n  }\n": types.StreetNamesDocument,
    "\n  query Notifications($unreadOnly: Boolean, $first: Int) {\n    notifications(unreadOnly: $unreadOnly, first: $first) {\n      id\n      kind\n      cultivationId\n      escalationId\n      summary\n      details\n      createdAt\n      readAt\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      kind\n      cultivationId\n      escalationId\n      summary\n      details\n      createdAt\n      readAt\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  query CommunityNames {\n    communities {\n      id\n      name\n    }\n  }\n": types.CommunityNamesDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  fragment SessionFields on AuthPayload {\n    token\n    expiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      id\n      username\n      displayName\n      role\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...SessionFields\n    }\n  }\n  \n": types.SignInDocument,
    "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      ...SessionFields\n    }\n  }\n  \n": types.RefreshTokenDocument,
    "\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input)\n  }\n": types.SignOutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n    }\n  }\n": types.MeDocument,
    "\n  query Cultivations($filter: CultivationFilter) {\n    cultivations(filter: $filter) {\n      id\n      stage\n      status\n      stageDeadline\n      startedAt\n      organization {\n        id\n        name\n        category\n      }\n      institution {\n        id\n        name\n      }\n      community {\n        id\n        name\n      }\n      escalations {\n        id\n        status\n      }\n    }\n  }\n": types.CultivationsDocument,
    "\n  query CultivationFilterPlaces {\n    districts {\n      id\n      name\n      streets {\n        id\n        name\n      }\n    }\n    institutions {\n      id\n      name\n    }\n  }\n": types.CultivationFilterPlacesDocument,
    "\n  query CultivationFilterCommunities($districtId: ID!) {\n    communities(districtId: $districtId) {\n      id\n      name\n      streetId\n    }\n  }\n": types.CultivationFilterCommunitiesDocument,
    "\n  query StartCultivationOptions {\n    organizations {\n      id\n      name\n      category\n      community {\n        id\n        name\n      }\n    }\n    institutions {\n      id\n      name\n    }\n  }\n": types.StartCultivationOptionsDocument,
    "\n  mutation StartCultivation($input: StartCultivationInput!) {\n    startCultivation(input: $input) {\n      id\n      stage\n      status\n      stageDeadline\n      startedAt\n      organization {\n        id\n        name\n        category\n      }\n      institution {\n        id\n        name\n      }\n      community {\n        id\n        name\n      }\n      escalations {\n        id\n        status\n      }\n    }\n  }\n": types.StartCultivationDocument,
    "\n  query Escalations {\n    escalations {\n      id\n      type\n      level\n      stage\n      raisedAt\n      status\n      cultivation {\n        id\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.EscalationsDocument,
    "\n  query DistrictsOverview {\n    districts {\n      id\n      name\n      code\n      streetCount\n      communityCount\n      organizationCount\n    }\n  }\n": types.DistrictsOverviewDocument,
    "\n  query DistrictDetail($id: ID!) {\n    district(id: $id) {\n      id\n      name\n      code\n      version\n      streetCount\n      communityCount\n      organizationCount\n      streets {\n        id\n        name\n        version\n        communities {\n          id\n          name\n          organizationCount\n        }\n      }\n    }\n  }\n": types.DistrictDetailDocument,
    "\n  mutation CreateDistrict($input: CreateDistrictInput!) {\n    createDistrict(input: $input) {\n      id\n      name\n      code\n    }\n  }\n": types.CreateDistrictDocument,
    "\n  mutation UpdateDistrict($input: UpdateDistrictInput!) {\n    updateDistrict(input: $input) {\n      id\n      name\n      version\n    }\n  }\n": types.UpdateDistrictDocument,
    "\n  mutation CreateStreet($input: CreateStreetInput!) {\n    createStreet(input: $input) {\n      id\n      name\n      version\n      districtId\n    }\n  }\n": types.CreateStreetDocument,
    "\n  mutation UpdateStreet($input: UpdateStreetInput!) {\n    updateStreet(input: $input) {\n      id\n      name\n      version\n    }\n  }\n": types.UpdateStreetDocument,
    "\n  query ProcessPolicy($districtId: ID!) {\n    processPolicy(districtId: $districtId) {\n      districtId\n      version\n      document\n    }\n  }\n": types.ProcessPolicyDocument,
    "\n  query ProcessPolicyVersions($districtId: ID!) {\n    processPolicyVersions(districtId: $districtId) {\n      districtId\n      version\n      document\n      storedAt\n      storedByUsername\n    }\n  }\n": types.ProcessPolicyVersionsDocument,
    "\n  mutation SetProcessPolicy($input: SetProcessPolicyInput!) {\n    setProcessPolicy(input: $input) {\n      districtId\n      version\n      document\n    }\n  }\n": types.SetProcessPolicyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RubricFields on Rubric {\n    category\n    kind\n    version\n    passScore\n    createdAt\n    criteria {\n      key\n      label\n      weight\n      maxScore\n    }\n  }\n"): (typeof documents)["\n  fragment RubricFields on Rubric {\n    category\n    kind\n    version\n    passScore\n    createdAt\n    criteria {\n      key\n      label\n      weight\n      maxScore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssessmentFields on Assessment {\n    id\n    category\n    kind\n    rubricVersion\n    total\n    passScore\n    passed\n    assessedOn\n    note\n    createdAt\n    scores {\n      key\n      score\n    }\n  }\n"): (typeof documents)["\n  fragment AssessmentFields on Assessment {\n    id\n    category\n    kind\n    rubricVersion\n    total\n    passScore\n    passed\n    assessedOn\n    note\n    createdAt\n    scores {\n      key\n      score\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationAssessments($organizationId: ID!) {\n    assessments(organizationId: $organizationId) {\n      ...AssessmentFields\n    }\n  }\n  \n"): (typeof documents)["\n  query OrganizationAssessments($organizationId: ID!) {\n    assessments(organizationId: $organizationId) {\n      ...AssessmentFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RubricInForce($category: OrganizationCategory!, $kind: RubricKind!) {\n    rubric(category: $category, kind: $kind) {\n      ...RubricFields\n    }\n  }\n  \n"): (typeof documents)["\n  query RubricInForce($category: OrganizationCategory!, $kind: RubricKind!) {\n    rubric(category: $category, kind: $kind) {\n      ...RubricFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RubricVersions($category: OrganizationCategory!, $kind: RubricKind!) {\n    rubricVersions(category: $category, kind: $kind) {\n      ...RubricFields\n    }\n  }\n  \n"): (typeof documents)["\n  query RubricVersions($category: OrganizationCategory!, $kind: RubricKind!) {\n    rubricVersions(category: $category, kind: $kind) {\n      ...RubricFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAssessment($input: RecordAssessmentInput!) {\n    recordAssessment(input: $input) {\n      ...AssessmentFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation RecordAssessment($input: RecordAssessmentInput!) {\n    recordAssessment(input: $input) {\n      ...AssessmentFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRubric($input: SetRubricInput!) {\n    setRubric(input: $input) {\n      ...RubricFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation SetRubric($input: SetRubricInput!) {\n    setRubric(input: $input) {\n      ...RubricFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationOutcomes($organizationId: ID!) {\n    outcomeEvaluations(first: 50, filter: { organizationId: $organizationId }) {\n      totalCount\n      edges {\n        node {\n          id\n          evaluatedOn\n          note\n          levels {\n            level\n            score\n            targetScore\n            metTarget\n            indicatorSetVersion\n          }\n        }\n      }\n    }\n    followUpChecks(first: 50, filter: { organizationId: $organizationId }) {\n      totalCount\n      edges {\n        node {\n          id\n          followUpIndex\n          checkedOn\n          passed\n          note\n          findings {\n            stillActive\n            leadershipStable\n            holdingActivities\n            financesInOrder\n            membersRetained\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationOutcomes($organizationId: ID!) {\n    outcomeEvaluations(first: 50, filter: { organizationId: $organizationId }) {\n      totalCount\n      edges {\n        node {\n          id\n          evaluatedOn\n          note\n          levels {\n            level\n            score\n            targetScore\n            metTarget\n            indicatorSetVersion\n          }\n        }\n      }\n    }\n    followUpChecks(first: 50, filter: { organizationId: $organizationId }) {\n      totalCount\n      edges {\n        node {\n          id\n          followUpIndex\n          checkedOn\n          passed\n          note\n          findings {\n            stillActive\n            leadershipStable\n            holdingActivities\n            financesInOrder\n            membersRetained\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IndicatorSetFields on OutcomeIndicatorSet {\n    level\n    version\n    targetScore\n    indicators {\n      key\n      label\n      weight\n      maxScore\n    }\n  }\n"): (typeof documents)["\n  fragment IndicatorSetFields on OutcomeIndicatorSet {\n    level\n    version\n    targetScore\n    indicators {\n      key\n      label\n      weight\n      maxScore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutcomeIndicatorSets {\n    community: outcomeIndicatorSet(level: COMMUNITY) {\n      ...IndicatorSetFields\n    }\n    organization: outcomeIndicatorSet(level: ORGANIZATION) {\n      ...IndicatorSetFields\n    }\n    institution: outcomeIndicatorSet(level: INSTITUTION) {\n      ...IndicatorSetFields\n    }\n  }\n  \n"): (typeof documents)["\n  query OutcomeIndicatorSets {\n    community: outcomeIndicatorSet(level: COMMUNITY) {\n      ...IndicatorSetFields\n    }\n    organization: outcomeIndicatorSet(level: ORGANIZATION) {\n      ...IndicatorSetFields\n    }\n    institution: outcomeIndicatorSet(level: INSTITUTION) {\n      ...IndicatorSetFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordOutcomeEvaluation($input: RecordOutcomeEvaluationInput!) {\n    recordOutcomeEvaluation(input: $input) {\n      id\n      communityScore\n      organizationScore\n      institutionScore\n    }\n  }\n"): (typeof documents)["\n  mutation RecordOutcomeEvaluation($input: RecordOutcomeEvaluationInput!) {\n    recordOutcomeEvaluation(input: $input) {\n      id\n      communityScore\n      organizationScore\n      institutionScore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordFollowUpCheck($input: RecordFollowUpCheckInput!) {\n    recordFollowUpCheck(input: $input) {\n      id\n      passed\n    }\n  }\n"): (typeof documents)["\n  mutation RecordFollowUpCheck($input: RecordFollowUpCheckInput!) {\n    recordFollowUpCheck(input: $input) {\n      id\n      passed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkingCalendar($from: String!, $to: String!) {\n    workingCalendar(from: $from, to: $to) {\n      day\n      working\n      override\n      note\n    }\n  }\n"): (typeof documents)["\n  query WorkingCalendar($from: String!, $to: String!) {\n    workingCalendar(from: $from, to: $to) {\n      day\n      working\n      override\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCalendarDays($input: SetCalendarDaysInput!) {\n    setCalendarDays(input: $input) {\n      day\n      working\n      override\n      note\n    }\n  }\n"): (typeof documents)["\n  mutation SetCalendarDays($input: SetCalendarDaysInput!) {\n    setCalendarDays(input: $input) {\n      day\n      working\n      override\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EscalationDetailFields on Escalation {\n    id\n    key\n    type\n    level\n    stage\n    status\n    raisedAt\n    levelDueAt\n    acknowledgedAt\n    acknowledgementPlan\n    resolvedAt\n    resolution\n    steps {\n      level\n      role\n      raisedAt\n      dueAt\n      acknowledgedAt\n      plan\n    }\n  }\n"): (typeof documents)["\n  fragment EscalationDetailFields on Escalation {\n    id\n    key\n    type\n    level\n    stage\n    status\n    raisedAt\n    levelDueAt\n    acknowledgedAt\n    acknowledgementPlan\n    resolvedAt\n    resolution\n    steps {\n      level\n      role\n      raisedAt\n      dueAt\n      acknowledgedAt\n      plan\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CultivationDetailFields on Cultivation {\n    id\n    stage\n    status\n    stageStartedAt\n    stageDeadline\n    startedAt\n    escalationLevel\n    districtId\n    category\n    pausedAt\n    policyVersion\n    deadlineUsage\n    atRisk\n    overdue\n    organization {\n      id\n      name\n      category\n    }\n    community {\n      id\n      name\n    }\n    institution {\n      id\n      name\n    }\n    gate {\n      met\n      evaluatedAt\n      criteria {\n        kind\n        threshold\n        actual\n        met\n        evidence\n        missing\n      }\n    }\n    deviation {\n      note\n      flaggedAt\n      correctionDueAt\n    }\n    stageHistory {\n      stage\n      enteredAt\n      plannedDeadline\n      deadline\n      leftAt\n      pausedSeconds\n      policyVersion\n    }\n    timeline {\n      sequence\n      kind\n      at\n      actorId\n      actorRole\n      details\n    }\n    escalations {\n      ...EscalationDetailFields\n    }\n    withdrawal {\n      phase\n      handovers {\n        item\n        takenOverBy\n        confirmedByRole\n        confirmedAt\n      }\n      pendingHandovers\n      finalEvaluation {\n        community {\n          score\n          note\n        }\n        organization {\n          score\n          note\n        }\n        institution {\n          score\n          note\n        }\n        recordedAt\n      }\n      followUps {\n        index\n        monthsAfter\n        dueAt\n        windowEndsAt\n        result\n        note\n        recordedAt\n      }\n      reengagements\n    }\n  }\n  \n"): (typeof documents)["\n  fragment CultivationDetailFields on Cultivation {\n    id\n    stage\n    status\n    stageStartedAt\n    stageDeadline\n    startedAt\n    escalationLevel\n    districtId\n    category\n    pausedAt\n    policyVersion\n    deadlineUsage\n    atRisk\n    overdue\n    organization {\n      id\n      name\n      category\n    }\n    community {\n      id\n      name\n    }\n    institution {\n      id\n      name\n    }\n    gate {\n      met\n      evaluatedAt\n      criteria {\n        kind\n        threshold\n        actual\n        met\n        evidence\n        missing\n      }\n    }\n    deviation {\n      note\n      flaggedAt\n      correctionDueAt\n    }\n    stageHistory {\n      stage\n      enteredAt\n      plannedDeadline\n      deadline\n      leftAt\n      pausedSeconds\n      policyVersion\n    }\n    timeline {\n      sequence\n      kind\n      at\n      actorId\n      actorRole\n      details\n    }\n    escalations {\n      ...EscalationDetailFields\n    }\n    withdrawal {\n      phase\n      handovers {\n        item\n        takenOverBy\n        confirmedByRole\n        confirmedAt\n      }\n      pendingHandovers\n      finalEvaluation {\n        community {\n          score\n          note\n        }\n        organization {\n          score\n          note\n        }\n        institution {\n          score\n          note\n        }\n        recordedAt\n      }\n      followUps {\n        index\n        monthsAfter\n        dueAt\n        windowEndsAt\n        result\n        note\n        recordedAt\n      }\n      reengagements\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CultivationDetail($id: ID!) {\n    cultivation(id: $id) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  query CultivationDetail($id: ID!) {\n    cultivation(id: $id) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveGate($input: ApproveGateInput!) {\n    approveGate(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation ApproveGate($input: ApproveGateInput!) {\n    approveGate(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendDeadline($input: ExtendDeadlineInput!) {\n    extendDeadline(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation ExtendDeadline($input: ExtendDeadlineInput!) {\n    extendDeadline(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseCultivation($input: PauseCultivationInput!) {\n    pauseCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation PauseCultivation($input: PauseCultivationInput!) {\n    pauseCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeCultivation($input: CultivationRefInput!) {\n    resumeCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation ResumeCultivation($input: CultivationRefInput!) {\n    resumeCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlagDeviation($input: FlagDeviationInput!) {\n    flagDeviation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation FlagDeviation($input: FlagDeviationInput!) {\n    flagDeviation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitCorrectionPlan($input: SubmitCorrectionPlanInput!) {\n    submitCorrectionPlan(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation SubmitCorrectionPlan($input: SubmitCorrectionPlanInput!) {\n    submitCorrectionPlan(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TerminateCultivation($input: TerminateCultivationInput!) {\n    terminateCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation TerminateCultivation($input: TerminateCultivationInput!) {\n    terminateCultivation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeEscalation($input: AcknowledgeEscalationInput!) {\n    acknowledgeEscalation(input: $input) {\n      ...EscalationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation AcknowledgeEscalation($input: AcknowledgeEscalationInput!) {\n    acknowledgeEscalation(input: $input) {\n      ...EscalationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvanceWithdrawalPhase($input: WithdrawalRefInput!) {\n    advanceWithdrawalPhase(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation AdvanceWithdrawalPhase($input: WithdrawalRefInput!) {\n    advanceWithdrawalPhase(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmHandoverItem($input: ConfirmHandoverInput!) {\n    confirmHandoverItem(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation ConfirmHandoverItem($input: ConfirmHandoverInput!) {\n    confirmHandoverItem(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CultivationOutcomeEvaluations($cultivationId: ID!) {\n    outcomeEvaluations(first: 5, filter: { cultivationId: $cultivationId }) {\n      edges {\n        node {\n          id\n          evaluatedOn\n          communityScore\n          organizationScore\n          institutionScore\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CultivationOutcomeEvaluations($cultivationId: ID!) {\n    outcomeEvaluations(first: 5, filter: { cultivationId: $cultivationId }) {\n      edges {\n        node {\n          id\n          evaluatedOn\n          communityScore\n          organizationScore\n          institutionScore\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordFinalEvaluation($input: RecordFinalEvaluationInput!) {\n    recordFinalEvaluation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation RecordFinalEvaluation($input: RecordFinalEvaluationInput!) {\n    recordFinalEvaluation(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordFollowUp($input: RecordFollowUpInput!) {\n    recordFollowUp(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation RecordFollowUp($input: RecordFollowUpInput!) {\n    recordFollowUp(input: $input) {\n      ...CultivationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CharterFields on Charter {\n    id\n    adoptedOn\n    text\n    fileReference\n  }\n"): (typeof documents)["\n  fragment CharterFields on Charter {\n    id\n    adoptedOn\n    text\n    fileReference\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FilingFields on Filing {\n    id\n    number\n    authority\n    filedOn\n  }\n"): (typeof documents)["\n  fragment FilingFields on Filing {\n    id\n    number\n    authority\n    filedOn\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberFields on Member {\n    id\n    name\n    phone\n    isLeader\n    joinedOn\n    leftOn\n  }\n"): (typeof documents)["\n  fragment MemberFields on Member {\n    id\n    name\n    phone\n    isLeader\n    joinedOn\n    leftOn\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityFields on Activity {\n    id\n    kind\n    title\n    heldOn\n    hours\n    participants\n  }\n"): (typeof documents)["\n  fragment ActivityFields on Activity {\n    id\n    kind\n    title\n    heldOn\n    hours\n    participants\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationsPage($filter: OrganizationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    organizationsConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          status\n          createdAt\n          community {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query OrganizationsPage($filter: OrganizationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    organizationsConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          category\n          status\n          createdAt\n          community {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationDetailFields on Organization {\n    id\n    name\n    category\n    status\n    version\n    createdAt\n    community {\n      id\n      name\n    }\n    district {\n      id\n      name\n    }\n    charter {\n      ...CharterFields\n    }\n    filing {\n      ...FilingFields\n    }\n  }\n  \n  \n"): (typeof documents)["\n  fragment OrganizationDetailFields on Organization {\n    id\n    name\n    category\n    status\n    version\n    createdAt\n    community {\n      id\n      name\n    }\n    district {\n      id\n      name\n    }\n    charter {\n      ...CharterFields\n    }\n    filing {\n      ...FilingFields\n    }\n  }\n  \n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationDetail($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  query OrganizationDetail($id: ID!) {\n    organization(id: $id) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationMembers($id: ID!, $includeFormer: Boolean!) {\n    organization(id: $id) {\n      id\n      members(includeFormer: $includeFormer) {\n        ...MemberFields\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query OrganizationMembers($id: ID!, $includeFormer: Boolean!) {\n    organization(id: $id) {\n      id\n      members(includeFormer: $includeFormer) {\n        ...MemberFields\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationActivities($id: ID!) {\n    organization(id: $id) {\n      id\n      activities {\n        ...ActivityFields\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query OrganizationActivities($id: ID!) {\n    organization(id: $id) {\n      id\n      activities {\n        ...ActivityFields\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      ...OrganizationDetailFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      ...MemberFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      ...MemberFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MemberLeft($input: MemberLeftInput!) {\n    memberLeft(input: $input) {\n      id\n      leftOn\n    }\n  }\n"): (typeof documents)["\n  mutation MemberLeft($input: MemberLeftInput!) {\n    memberLeft(input: $input) {\n      id\n      leftOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordActivity($input: RecordActivityInput!) {\n    recordActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation RecordActivity($input: RecordActivityInput!) {\n    recordActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdoptCharter($input: AdoptCharterInput!) {\n    adoptCharter(input: $input) {\n      ...CharterFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation AdoptCharter($input: AdoptCharterInput!) {\n    adoptCharter(input: $input) {\n      ...CharterFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordFiling($input: RecordFilingInput!) {\n    recordFiling(input: $input) {\n      ...FilingFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation RecordFiling($input: RecordFilingInput!) {\n    recordFiling(input: $input) {\n      ...FilingFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunitiesPage($filter: CommunityFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    communitiesConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          population\n          households\n          organizationCount\n          street {\n            id\n            name\n          }\n          district {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query CommunitiesPage($filter: CommunityFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    communitiesConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          population\n          households\n          organizationCount\n          street {\n            id\n            name\n          }\n          district {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommunityEditFields on Community {\n    id\n    name\n    address\n    population\n    households\n    version\n  }\n"): (typeof documents)["\n  fragment CommunityEditFields on Community {\n    id\n    name\n    address\n    population\n    households\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityDetail($id: ID!) {\n    community(id: $id) {\n      ...CommunityEditFields\n      street {\n        id\n        name\n      }\n      district {\n        id\n        name\n      }\n      organizations {\n        id\n        name\n        category\n        status\n      }\n      needsSurveys {\n        id\n        title\n        createdAt\n        demandAnalysis {\n          responseCount\n          recommendedCategory\n        }\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query CommunityDetail($id: ID!) {\n    community(id: $id) {\n      ...CommunityEditFields\n      street {\n        id\n        name\n      }\n      district {\n        id\n        name\n      }\n      organizations {\n        id\n        name\n        category\n        status\n      }\n      needsSurveys {\n        id\n        title\n        createdAt\n        demandAnalysis {\n          responseCount\n          recommendedCategory\n        }\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstitutionsPage($filter: InstitutionFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    institutionsConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          createdAt\n        }\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query InstitutionsPage($filter: InstitutionFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    institutionsConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          name\n          createdAt\n        }\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceContractFields on ServiceContract {\n    id\n    reference\n    startsOn\n    endsOn\n    inForce\n    version\n    district {\n      id\n      name\n    }\n    streets {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ServiceContractFields on ServiceContract {\n    id\n    reference\n    startsOn\n    endsOn\n    inForce\n    version\n    district {\n      id\n      name\n    }\n    streets {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstitutionDetail($id: ID!) {\n    institution(id: $id) {\n      id\n      name\n      version\n      createdAt\n      staff {\n        userId\n        displayName\n        role\n      }\n      serviceContracts {\n        ...ServiceContractFields\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query InstitutionDetail($id: ID!) {\n    institution(id: $id) {\n      id\n      name\n      version\n      createdAt\n      staff {\n        userId\n        displayName\n        role\n      }\n      serviceContracts {\n        ...ServiceContractFields\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCommunity($input: UpdateCommunityInput!) {\n    updateCommunity(input: $input) {\n      ...CommunityEditFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation UpdateCommunity($input: UpdateCommunityInput!) {\n    updateCommunity(input: $input) {\n      ...CommunityEditFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictStreets($id: ID!) {\n    district(id: $id) {\n      id\n      streets {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query DistrictStreets($id: ID!) {\n    district(id: $id) {\n      id\n      streets {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) {\n      id\n      name\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) {\n      id\n      name\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInstitution($input: UpdateInstitutionInput!) {\n    updateInstitution(input: $input) {\n      id\n      name\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateInstitution($input: UpdateInstitutionInput!) {\n    updateInstitution(input: $input) {\n      id\n      name\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordServiceContract($input: RecordServiceContractInput!) {\n    recordServiceContract(input: $input) {\n      ...ServiceContractFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation RecordServiceContract($input: RecordServiceContractInput!) {\n    recordServiceContract(input: $input) {\n      ...ServiceContractFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetServiceContractEnd($input: SetServiceContractEndInput!) {\n    setServiceContractEnd(input: $input) {\n      ...ServiceContractFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation SetServiceContractEnd($input: SetServiceContractEndInput!) {\n    setServiceContractEnd(input: $input) {\n      ...ServiceContractFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedsSurveysPage($filter: NeedsSurveyFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    needsSurveysConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          title\n          createdAt\n          community {\n            id\n            name\n          }\n          demandAnalysis {\n            responseCount\n            recommendedCategory\n          }\n        }\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query NeedsSurveysPage($filter: NeedsSurveyFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    needsSurveysConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        ...PageFields\n      }\n      edges {\n        node {\n          id\n          title\n          createdAt\n          community {\n            id\n            name\n          }\n          demandAnalysis {\n            responseCount\n            recommendedCategory\n          }\n        }\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedsSurveyDetail($id: ID!) {\n    needsSurvey(id: $id) {\n      id\n      title\n      createdAt\n      community {\n        id\n        name\n      }\n      demandAnalysis {\n        responseCount\n        recommendedCategory\n        categories {\n          category\n          responseCount\n          share\n        }\n      }\n      responses {\n        id\n        respondentLabel\n        demandCategories\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query NeedsSurveyDetail($id: ID!) {\n    needsSurvey(id: $id) {\n      id\n      title\n      createdAt\n      community {\n        id\n        name\n      }\n      demandAnalysis {\n        responseCount\n        recommendedCategory\n        categories {\n          category\n          responseCount\n          share\n        }\n      }\n      responses {\n        id\n        respondentLabel\n        demandCategories\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Districts {\n    districts {\n      id\n      name\n      code\n    }\n  }\n"): (typeof documents)["\n  query Districts {\n    districts {\n      id\n      name\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeScopes {\n    me {\n      id\n      role\n      scopes {\n        kind\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query MeScopes {\n    me {\n      id\n      role\n      scopes {\n        kind\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstitutionNames {\n    institutions {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query InstitutionNames {\n    institutions {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardHeadlines($districtId: ID) {\n    active: cultivationCount(filter: { districtId: $districtId, status: ACTIVE })\n    overdue: cultivationCount(filter: { districtId: $districtId, overdue: true })\n    escalated: cultivationCount(filter: { districtId: $districtId, escalated: true })\n    openEscalationCount(districtId: $districtId)\n    stageFunnel(districtId: $districtId) {\n      stage\n      count\n    }\n  }\n"): (typeof documents)["\n  query DashboardHeadlines($districtId: ID) {\n    active: cultivationCount(filter: { districtId: $districtId, status: ACTIVE })\n    overdue: cultivationCount(filter: { districtId: $districtId, overdue: true })\n    escalated: cultivationCount(filter: { districtId: $districtId, escalated: true })\n    openEscalationCount(districtId: $districtId)\n    stageFunnel(districtId: $districtId) {\n      stage\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StageFunnelIndicator($input: IndicatorInput!) {\n    table: stageFunnelIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        stage\n        entered\n        passed\n        terminated\n      }\n    }\n  }\n"): (typeof documents)["\n  query StageFunnelIndicator($input: IndicatorInput!) {\n    table: stageFunnelIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        stage\n        entered\n        passed\n        terminated\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TimeInStageIndicator($input: IndicatorInput!) {\n    table: timeInStageIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        stage\n        completed\n        medianDays\n        p90Days\n        withDeadline\n        onTime\n        onTimeRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query TimeInStageIndicator($input: IndicatorInput!) {\n    table: timeInStageIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        stage\n        completed\n        medianDays\n        p90Days\n        withDeadline\n        onTime\n        onTimeRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EscalationIndicator($input: EscalationIndicatorInput!) {\n    table: escalationIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        type\n        highestLevel\n        raised\n        acknowledged\n        resolved\n        openNow\n        medianDaysToAcknowledge\n        medianDaysToResolve\n      }\n    }\n  }\n"): (typeof documents)["\n  query EscalationIndicator($input: EscalationIndicatorInput!) {\n    table: escalationIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        type\n        highestLevel\n        raised\n        acknowledged\n        resolved\n        openNow\n        medianDaysToAcknowledge\n        medianDaysToResolve\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueIndicator($input: IndicatorInput!) {\n    table: overdueIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        asOf\n        running\n        withDeadline\n        overdue\n        overdueRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverdueIndicator($input: IndicatorInput!) {\n    table: overdueIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        asOf\n        running\n        withDeadline\n        overdue\n        overdueRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilingRateIndicator($input: IndicatorInput!) {\n    table: filingRateIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        reachedMaturity\n        filed\n        filingRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilingRateIndicator($input: IndicatorInput!) {\n    table: filingRateIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        reachedMaturity\n        filed\n        filingRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowUpIndicator($input: IndicatorInput!) {\n    table: followUpIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        monthsAfter\n        passed\n        failed\n        missed\n        passRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query FollowUpIndicator($input: IndicatorInput!) {\n    table: followUpIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        monthsAfter\n        passed\n        failed\n        missed\n        passRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WithdrawalOutcomeIndicator($input: IndicatorInput!) {\n    table: withdrawalOutcomeIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        completed\n        stillActive\n        stillActiveRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query WithdrawalOutcomeIndicator($input: IndicatorInput!) {\n    table: withdrawalOutcomeIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        completed\n        stillActive\n        stillActiveRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScoreIndicator($input: ScoreIndicatorInput!) {\n    table: scoreIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        kind\n        assessed\n        meanScore\n        medianScore\n        passed\n        passRate\n        band0To20\n        band20To40\n        band40To60\n        band60To80\n        band80To100\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScoreIndicator($input: ScoreIndicatorInput!) {\n    table: scoreIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        kind\n        assessed\n        meanScore\n        medianScore\n        passed\n        passRate\n        band0To20\n        band20To40\n        band40To60\n        band60To80\n        band80To100\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutcomeIndicator($input: IndicatorInput!) {\n    table: outcomeIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        level\n        evaluated\n        meanScore\n        medianScore\n        metTarget\n        metTargetRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query OutcomeIndicator($input: IndicatorInput!) {\n    table: outcomeIndicator(input: $input) {\n      groupBy\n      bucket\n      from\n      to\n      timeZone\n      csv\n      rows {\n        group\n        period\n        periodStart\n        periodEnd\n        level\n        evaluated\n        meanScore\n        medianScore\n        metTarget\n        metTargetRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StreetNames {\n    districts {\n      id\n      streets {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query StreetNames {\n    districts {\n      id\n      streets {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($unreadOnly: Boolean, $first: Int) {\n    notifications(unreadOnly: $unreadOnly, first: $first) {\n      id\n      kind\n      cultivationId\n      escalationId\n      summary\n      details\n      createdAt\n      readAt\n    }\n  }\n"): (typeof documents)["\n  query Notifications($unreadOnly: Boolean, $first: Int) {\n    notifications(unreadOnly: $unreadOnly, first: $first) {\n      id\n      kind\n      cultivationId\n      escalationId\n      summary\n      details\n      createdAt\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      kind\n      cultivationId\n      escalationId\n      summary\n      details\n      createdAt\n      readAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      kind\n      cultivationId\n      escalationId\n      summary\n      details\n      createdAt\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityNames {\n    communities {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query CommunityNames {\n    communities {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    token\n    expiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      id\n      username\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    token\n    expiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      id\n      username\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...SessionFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...SessionFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      ...SessionFields\n    }\n  }\n  \n"): (typeof documents)["\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      ...SessionFields\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input)\n  }\n"): (typeof documents)["\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cultivations($filter: CultivationFilter) {\n    cultivations(filter: $filter) {\n      id\n      stage\n      status\n      stageDeadline\n      startedAt\n      organization {\n        id\n        name\n        category\n      }\n      institution {\n        id\n        name\n      }\n      community {\n        id\n        name\n      }\n      escalations {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query Cultivations($filter: CultivationFilter) {\n    cultivations(filter: $filter) {\n      id\n      stage\n      status\n      stageDeadline\n      startedAt\n      organization {\n        id\n        name\n        category\n      }\n      institution {\n        id\n        name\n      }\n      community {\n        id\n        name\n      }\n      escalations {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CultivationFilterPlaces {\n    districts {\n      id\n      name\n      streets {\n        id\n        name\n      }\n    }\n    institutions {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query CultivationFilterPlaces {\n    districts {\n      id\n      name\n      streets {\n        id\n        name\n      }\n    }\n    institutions {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CultivationFilterCommunities($districtId: ID!) {\n    communities(districtId: $districtId) {\n      id\n      name\n      streetId\n    }\n  }\n"): (typeof documents)["\n  query CultivationFilterCommunities($districtId: ID!) {\n    communities(districtId: $districtId) {\n      id\n      name\n      streetId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StartCultivationOptions {\n    organizations {\n      id\n      name\n      category\n      community {\n        id\n        name\n      }\n    }\n    institutions {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query StartCultivationOptions {\n    organizations {\n      id\n      name\n      category\n      community {\n        id\n        name\n      }\n    }\n    institutions {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCultivation($input: StartCultivationInput!) {\n    startCultivation(input: $input) {\n      id\n      stage\n      status\n      stageDeadline\n      startedAt\n      organization {\n        id\n        name\n        category\n      }\n      institution {\n        id\n        name\n      }\n      community {\n        id\n        name\n      }\n      escalations {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartCultivation($input: StartCultivationInput!) {\n    startCultivation(input: $input) {\n      id\n      stage\n      status\n      stageDeadline\n      startedAt\n      organization {\n        id\n        name\n        category\n      }\n      institution {\n        id\n        name\n      }\n      community {\n        id\n        name\n      }\n      escalations {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Escalations {\n    escalations {\n      id\n      type\n      level\n      stage\n      raisedAt\n      status\n      cultivation {\n        id\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Escalations {\n    escalations {\n      id\n      type\n      level\n      stage\n      raisedAt\n      status\n      cultivation {\n        id\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictsOverview {\n    districts {\n      id\n      name\n      code\n      streetCount\n      communityCount\n      organizationCount\n    }\n  }\n"): (typeof documents)["\n  query DistrictsOverview {\n    districts {\n      id\n      name\n      code\n      streetCount\n      communityCount\n      organizationCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictDetail($id: ID!) {\n    district(id: $id) {\n      id\n      name\n      code\n      version\n      streetCount\n      communityCount\n      organizationCount\n      streets {\n        id\n        name\n        version\n        communities {\n          id\n          name\n          organizationCount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DistrictDetail($id: ID!) {\n    district(id: $id) {\n      id\n      name\n      code\n      version\n      streetCount\n      communityCount\n      organizationCount\n      streets {\n        id\n        name\n        version\n        communities {\n          id\n          name\n          organizationCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDistrict($input: CreateDistrictInput!) {\n    createDistrict(input: $input) {\n      id\n      name\n      code\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDistrict($input: CreateDistrictInput!) {\n    createDistrict(input: $input) {\n      id\n      name\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDistrict($input: UpdateDistrictInput!) {\n    updateDistrict(input: $input) {\n      id\n      name\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDistrict($input: UpdateDistrictInput!) {\n    updateDistrict(input: $input) {\n      id\n      name\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStreet($input: CreateStreetInput!) {\n    createStreet(input: $input) {\n      id\n      name\n      version\n      districtId\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStreet($input: CreateStreetInput!) {\n    createStreet(input: $input) {\n      id\n      name\n      version\n      districtId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStreet($input: UpdateStreetInput!) {\n    updateStreet(input: $input) {\n      id\n      name\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStreet($input: UpdateStreetInput!) {\n    updateStreet(input: $input) {\n      id\n      name\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessPolicy($districtId: ID!) {\n    processPolicy(districtId: $districtId) {\n      districtId\n      version\n      document\n    }\n  }\n"): (typeof documents)["\n  query ProcessPolicy($districtId: ID!) {\n    processPolicy(districtId: $districtId) {\n      districtId\n      version\n      document\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessPolicyVersions($districtId: ID!) {\n    processPolicyVersions(districtId: $districtId) {\n      districtId\n      version\n      document\n      storedAt\n      storedByUsername\n    }\n  }\n"): (typeof documents)["\n  query ProcessPolicyVersions($districtId: ID!) {\n    processPolicyVersions(districtId: $districtId) {\n      districtId\n      version\n      document\n      storedAt\n      storedByUsername\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProcessPolicy($input: SetProcessPolicyInput!) {\n    setProcessPolicy(input: $input) {\n      districtId\n      version\n      document\n    }\n  }\n"): (typeof documents)["\n  mutation SetProcessPolicy($input: SetProcessPolicyInput!) {\n    setProcessPolicy(input: $input) {\n      districtId\n      version\n      document\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;