import { graphql } from '../gql';

export const ReviewQueueQuery = graphql(`
  query ReviewQueue {
    planReviewQueue(first: 100) {
      totalCount
      edges {
        node {
          id
          title
          fiscalYears
          organisation { id nameTh }
          draft { number label status submittedAt }
        }
      }
    }
  }
`);

export const PlanForReviewQuery = graphql(`
  query PlanForReview($id: ID!) {
    plan(id: $id) {
      id
      title
      status
      fiscalYears
      approvingCommittee
      organisation { id nameTh province }
      currentVersion { number label effectiveFrom }
      draft { ...PlanRevisionFields }
      versions { ...PlanRevisionFields }
    }
  }
`);

export const PlanReviewDiffQuery = graphql(`
  query PlanReviewDiff($id: ID!, $from: Int!, $to: Int) {
    plan(id: $id) { id diff(from: $from, to: $to) { ...PlanDiffFields } }
  }
`);

export const ApprovePlanMutation = graphql(`
  mutation ApprovePlan($input: ApprovePlanInput!) {
    approvePlan(input: $input) {
      plan { id status currentVersion { number label } }
      userErrors { field message code }
    }
  }
`);

export const ReturnPlanMutation = graphql(`
  mutation ReturnPlan($input: ReturnPlanInput!) {
    returnPlan(input: $input) {
      plan { id status }
      userErrors { field message code }
    }
  }
`);
