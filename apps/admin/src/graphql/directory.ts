// GraphQL operations of the directory: organizations (members, activities, charter, filing),
// communities, institutions and needs surveys. Types generated (`npm run codegen`); kept apart so
// that they load with those (lazily loaded) pages only.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AddMemberMutation,
  AddMemberMutationVariables,
  AdoptCharterMutation,
  AdoptCharterMutationVariables,
  CommunitiesPageQuery,
  CommunitiesPageQueryVariables,
  CommunityDetailQuery,
  CommunityDetailQueryVariables,
  CreateCommunityMutation,
  CreateCommunityMutationVariables,
  CreateInstitutionMutation,
  CreateInstitutionMutationVariables,
  DistrictStreetsQuery,
  DistrictStreetsQueryVariables,
  RecordServiceContractMutation,
  RecordServiceContractMutationVariables,
  SetServiceContractEndMutation,
  SetServiceContractEndMutationVariables,
  UpdateCommunityMutation,
  UpdateCommunityMutationVariables,
  UpdateInstitutionMutation,
  UpdateInstitutionMutationVariables,
  CreateOrganizationMutation,
  CreateOrganizationMutationVariables,
  InstitutionDetailQuery,
  InstitutionDetailQueryVariables,
  InstitutionsPageQuery,
  InstitutionsPageQueryVariables,
  MemberLeftMutation,
  MemberLeftMutationVariables,
  NeedsSurveyDetailQuery,
  NeedsSurveyDetailQueryVariables,
  NeedsSurveysPageQuery,
  NeedsSurveysPageQueryVariables,
  OrganizationActivitiesQuery,
  OrganizationActivitiesQueryVariables,
  OrganizationDetailQuery,
  OrganizationDetailQueryVariables,
  OrganizationMembersQuery,
  OrganizationMembersQueryVariables,
  OrganizationsPageQuery,
  OrganizationsPageQueryVariables,
  RecordActivityMutation,
  RecordActivityMutationVariables,
  RecordFilingMutation,
  RecordFilingMutationVariables,
  UpdateOrganizationMutation,
  UpdateOrganizationMutationVariables,
} from './generated/graphql';

export type {
  ActivityKind,
  OrganizationFilter,
  OrganizationStatus,
} from './generated/graphql';

export type OrganizationListRow = OrganizationsPageQuery['organizationsConnection']['edges'][number]['node'];
export type OrganizationDetail = OrganizationDetailQuery['organization'];
export type MemberRow = OrganizationMembersQuery['organization']['members'][number];
export type ActivityRow = OrganizationActivitiesQuery['organization']['activities'][number];
export type NeedsSurveyDetail = NeedsSurveyDetailQuery['needsSurvey'];
export type CommunityDetail = CommunityDetailQuery['community'];
export type InstitutionDetail = InstitutionDetailQuery['institution'];
export type ServiceContractRow = InstitutionDetail['serviceContracts'][number];

const PAGE_INFO = gql`
  fragment PageFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`;

// What an organization's charter, filing, member and activity show wherever they are read or
// returned by a mutation (so that the cache updates every view of them).
const CHARTER_FIELDS = gql`
  fragment CharterFields on Charter {
    id
    adoptedOn
    text
    fileReference
  }
`;

const FILING_FIELDS = gql`
  fragment FilingFields on Filing {
    id
    number
    authority
    filedOn
  }
`;

const MEMBER_FIELDS = gql`
  fragment MemberFields on Member {
    id
    name
    phone
    isLeader
    joinedOn
    leftOn
  }
`;

const ACTIVITY_FIELDS = gql`
  fragment ActivityFields on Activity {
    id
    kind
    title
    heldOn
    hours
    participants
  }
`;

// ---- Organizations ------------------------------------------------------------------------------

export const ORGANIZATIONS_PAGE: TypedDocumentNode<OrganizationsPageQuery, OrganizationsPageQueryVariables> = gql`
  query OrganizationsPage($filter: OrganizationFilter, $first: Int, $after: String, $last: Int, $before: String) {
    organizationsConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          name
          category
          status
          createdAt
          community {
            id
            name
          }
        }
      }
    }
  }
  ${PAGE_INFO}
`;

const ORGANIZATION_FIELDS = gql`
  fragment OrganizationDetailFields on Organization {
    id
    name
    category
    status
    version
    createdAt
    community {
      id
      name
    }
    district {
      id
      name
    }
    charter {
      ...CharterFields
    }
    filing {
      ...FilingFields
    }
  }
  ${CHARTER_FIELDS}
  ${FILING_FIELDS}
`;

export const ORGANIZATION_DETAIL: TypedDocumentNode<OrganizationDetailQuery, OrganizationDetailQueryVariables> = gql`
  query OrganizationDetail($id: ID!) {
    organization(id: $id) {
      ...OrganizationDetailFields
    }
  }
  ${ORGANIZATION_FIELDS}
`;

export const ORGANIZATION_MEMBERS: TypedDocumentNode<OrganizationMembersQuery, OrganizationMembersQueryVariables> = gql`
  query OrganizationMembers($id: ID!, $includeFormer: Boolean!) {
    organization(id: $id) {
      id
      members(includeFormer: $includeFormer) {
        ...MemberFields
      }
    }
  }
  ${MEMBER_FIELDS}
`;

export const ORGANIZATION_ACTIVITIES: TypedDocumentNode<OrganizationActivitiesQuery, OrganizationActivitiesQueryVariables> = gql`
  query OrganizationActivities($id: ID!) {
    organization(id: $id) {
      id
      activities {
        ...ActivityFields
      }
    }
  }
  ${ACTIVITY_FIELDS}
`;

export const CREATE_ORGANIZATION: TypedDocumentNode<CreateOrganizationMutation, CreateOrganizationMutationVariables> = gql`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      ...OrganizationDetailFields
    }
  }
  ${ORGANIZATION_FIELDS}
`;

export const UPDATE_ORGANIZATION: TypedDocumentNode<UpdateOrganizationMutation, UpdateOrganizationMutationVariables> = gql`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      ...OrganizationDetailFields
    }
  }
  ${ORGANIZATION_FIELDS}
`;

export const ADD_MEMBER: TypedDocumentNode<AddMemberMutation, AddMemberMutationVariables> = gql`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      ...MemberFields
    }
  }
  ${MEMBER_FIELDS}
`;

export const MEMBER_LEFT: TypedDocumentNode<MemberLeftMutation, MemberLeftMutationVariables> = gql`
  mutation MemberLeft($input: MemberLeftInput!) {
    memberLeft(input: $input) {
      id
      leftOn
    }
  }
`;

export const RECORD_ACTIVITY: TypedDocumentNode<RecordActivityMutation, RecordActivityMutationVariables> = gql`
  mutation RecordActivity($input: RecordActivityInput!) {
    recordActivity(input: $input) {
      ...ActivityFields
    }
  }
  ${ACTIVITY_FIELDS}
`;

export const ADOPT_CHARTER: TypedDocumentNode<AdoptCharterMutation, AdoptCharterMutationVariables> = gql`
  mutation AdoptCharter($input: AdoptCharterInput!) {
    adoptCharter(input: $input) {
      ...CharterFields
    }
  }
  ${CHARTER_FIELDS}
`;

export const RECORD_FILING: TypedDocumentNode<RecordFilingMutation, RecordFilingMutationVariables> = gql`
  mutation RecordFiling($input: RecordFilingInput!) {
    recordFiling(input: $input) {
      ...FilingFields
    }
  }
  ${FILING_FIELDS}
`;

// ---- Communities and institutions ---------------------------------------------------------------

export const COMMUNITIES_PAGE: TypedDocumentNode<CommunitiesPageQuery, CommunitiesPageQueryVariables> = gql`
  query CommunitiesPage($filter: CommunityFilter, $first: Int, $after: String, $last: Int, $before: String) {
    communitiesConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          name
          population
          households
          organizationCount
          street {
            id
            name
          }
          district {
            id
            name
          }
        }
      }
    }
  }
  ${PAGE_INFO}
`;

// What the community form edits, read and returned alike so that the cache updates the detail page.
const COMMUNITY_EDIT_FIELDS = gql`
  fragment CommunityEditFields on Community {
    id
    name
    address
    population
    households
    version
  }
`;

export const COMMUNITY_DETAIL: TypedDocumentNode<CommunityDetailQuery, CommunityDetailQueryVariables> = gql`
  query CommunityDetail($id: ID!) {
    community(id: $id) {
      ...CommunityEditFields
      street {
        id
        name
      }
      district {
        id
        name
      }
      organizations {
        id
        name
        category
        status
      }
      needsSurveys {
        id
        title
        createdAt
        demandAnalysis {
          responseCount
          recommendedCategory
        }
      }
    }
  }
  ${COMMUNITY_EDIT_FIELDS}
`;

export const INSTITUTIONS_PAGE: TypedDocumentNode<InstitutionsPageQuery, InstitutionsPageQueryVariables> = gql`
  query InstitutionsPage($filter: InstitutionFilter, $first: Int, $after: String, $last: Int, $before: String) {
    institutionsConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          name
          createdAt
        }
      }
    }
  }
  ${PAGE_INFO}
`;

// A service contract wherever it is read or returned by a mutation.
const SERVICE_CONTRACT_FIELDS = gql`
  fragment ServiceContractFields on ServiceContract {
    id
    reference
    startsOn
    endsOn
    inForce
    version
    district {
      id
      name
    }
    streets {
      id
      name
    }
  }
`;

export const INSTITUTION_DETAIL: TypedDocumentNode<InstitutionDetailQuery, InstitutionDetailQueryVariables> = gql`
  query InstitutionDetail($id: ID!) {
    institution(id: $id) {
      id
      name
      version
      createdAt
      staff {
        userId
        displayName
        role
      }
      serviceContracts {
        ...ServiceContractFields
      }
    }
  }
  ${SERVICE_CONTRACT_FIELDS}
`;

export const CREATE_COMMUNITY: TypedDocumentNode<CreateCommunityMutation, CreateCommunityMutationVariables> = gql`
  mutation CreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      id
      name
    }
  }
`;

export const UPDATE_COMMUNITY: TypedDocumentNode<UpdateCommunityMutation, UpdateCommunityMutationVariables> = gql`
  mutation UpdateCommunity($input: UpdateCommunityInput!) {
    updateCommunity(input: $input) {
      ...CommunityEditFields
    }
  }
  ${COMMUNITY_EDIT_FIELDS}
`;

/** A district's streets, to choose from in the community and service contract forms. */
export const DISTRICT_STREETS: TypedDocumentNode<DistrictStreetsQuery, DistrictStreetsQueryVariables> = gql`
  query DistrictStreets($id: ID!) {
    district(id: $id) {
      id
      streets {
        id
        name
      }
    }
  }
`;

export const CREATE_INSTITUTION: TypedDocumentNode<CreateInstitutionMutation, CreateInstitutionMutationVariables> = gql`
  mutation CreateInstitution($input: CreateInstitutionInput!) {
    createInstitution(input: $input) {
      id
      name
      version
    }
  }
`;

export const UPDATE_INSTITUTION: TypedDocumentNode<UpdateInstitutionMutation, UpdateInstitutionMutationVariables> = gql`
  mutation UpdateInstitution($input: UpdateInstitutionInput!) {
    updateInstitution(input: $input) {
      id
      name
      version
    }
  }
`;

export const RECORD_SERVICE_CONTRACT: TypedDocumentNode<RecordServiceContractMutation, RecordServiceContractMutationVariables> = gql`
  mutation RecordServiceContract($input: RecordServiceContractInput!) {
    recordServiceContract(input: $input) {
      ...ServiceContractFields
    }
  }
  ${SERVICE_CONTRACT_FIELDS}
`;

export const SET_SERVICE_CONTRACT_END: TypedDocumentNode<SetServiceContractEndMutation, SetServiceContractEndMutationVariables> = gql`
  mutation SetServiceContractEnd($input: SetServiceContractEndInput!) {
    setServiceContractEnd(input: $input) {
      ...ServiceContractFields
    }
  }
  ${SERVICE_CONTRACT_FIELDS}
`;

// ---- Needs surveys ------------------------------------------------------------------------------

export const NEEDS_SURVEYS_PAGE: TypedDocumentNode<NeedsSurveysPageQuery, NeedsSurveysPageQueryVariables> = gql`
  query NeedsSurveysPage($filter: NeedsSurveyFilter, $first: Int, $after: String, $last: Int, $before: String) {
    needsSurveysConnection(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          title
          createdAt
          community {
            id
            name
          }
          demandAnalysis {
            responseCount
            recommendedCategory
          }
        }
      }
    }
  }
  ${PAGE_INFO}
`;

export const NEEDS_SURVEY_DETAIL: TypedDocumentNode<NeedsSurveyDetailQuery, NeedsSurveyDetailQueryVariables> = gql`
  query NeedsSurveyDetail($id: ID!) {
    needsSurvey(id: $id) {
      id
      title
      createdAt
      community {
        id
        name
      }
      demandAnalysis {
        responseCount
        recommendedCategory
        categories {
          category
          responseCount
          share
        }
      }
      responses {
        id
        respondentLabel
        demandCategories
        createdAt
      }
    }
  }
`;
