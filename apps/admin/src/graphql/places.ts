// GraphQL operations of the districts pages: the districts with their counts, one district with its
// streets and their communities, and recording or renaming districts and streets. Types generated
// (`npm run codegen`); kept apart so that they load with those (lazily loaded) pages only.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CreateDistrictMutation,
  CreateDistrictMutationVariables,
  CreateStreetMutation,
  CreateStreetMutationVariables,
  DistrictDetailQuery,
  DistrictDetailQueryVariables,
  DistrictsOverviewQuery,
  DistrictsOverviewQueryVariables,
  UpdateDistrictMutation,
  UpdateDistrictMutationVariables,
  UpdateStreetMutation,
  UpdateStreetMutationVariables,
} from './generated/graphql';

export const DISTRICTS_OVERVIEW: TypedDocumentNode<DistrictsOverviewQuery, DistrictsOverviewQueryVariables> = gql`
  query DistrictsOverview {
    districts {
      id
      name
      code
      streetCount
      communityCount
      organizationCount
    }
  }
`;

export const DISTRICT_DETAIL: TypedDocumentNode<DistrictDetailQuery, DistrictDetailQueryVariables> = gql`
  query DistrictDetail($id: ID!) {
    district(id: $id) {
      id
      name
      code
      version
      streetCount
      communityCount
      organizationCount
      streets {
        id
        name
        version
        communities {
          id
          name
          organizationCount
        }
      }
    }
  }
`;

export type DistrictDetail = DistrictDetailQuery['district'];
export type StreetOfDistrict = DistrictDetail['streets'][number];

export const CREATE_DISTRICT: TypedDocumentNode<CreateDistrictMutation, CreateDistrictMutationVariables> = gql`
  mutation CreateDistrict($input: CreateDistrictInput!) {
    createDistrict(input: $input) {
      id
      name
      code
    }
  }
`;

export const UPDATE_DISTRICT: TypedDocumentNode<UpdateDistrictMutation, UpdateDistrictMutationVariables> = gql`
  mutation UpdateDistrict($input: UpdateDistrictInput!) {
    updateDistrict(input: $input) {
      id
      name
      version
    }
  }
`;

export const CREATE_STREET: TypedDocumentNode<CreateStreetMutation, CreateStreetMutationVariables> = gql`
  mutation CreateStreet($input: CreateStreetInput!) {
    createStreet(input: $input) {
      id
      name
      version
      districtId
    }
  }
`;

export const UPDATE_STREET: TypedDocumentNode<UpdateStreetMutation, UpdateStreetMutationVariables> = gql`
  mutation UpdateStreet($input: UpdateStreetInput!) {
    updateStreet(input: $input) {
      id
      name
      version
    }
  }
`;
