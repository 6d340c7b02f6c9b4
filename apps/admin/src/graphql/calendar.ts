// GraphQL operations of the working-day calendar page: a year's days and storing exceptions to the
// Monday-Friday rule. Types generated (`npm run codegen`); kept apart so that they load with the page.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { SetCalendarDaysMutation, SetCalendarDaysMutationVariables, WorkingCalendarQuery, WorkingCalendarQueryVariables } from './generated/graphql';

export const WORKING_CALENDAR: TypedDocumentNode<WorkingCalendarQuery, WorkingCalendarQueryVariables> = gql`
  query WorkingCalendar($from: String!, $to: String!) {
    workingCalendar(from: $from, to: $to) {
      day
      working
      override
      note
    }
  }
`;

export const SET_CALENDAR_DAYS: TypedDocumentNode<SetCalendarDaysMutation, SetCalendarDaysMutationVariables> = gql`
  mutation SetCalendarDays($input: SetCalendarDaysInput!) {
    setCalendarDays(input: $input) {
      day
      working
      override
      note
    }
  }
`;
