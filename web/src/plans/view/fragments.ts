import { graphql } from '../../gql';

/**
 * The fields the read-only plan views need. Spread them in a query (codegen has fragment masking off,
 * so the result is plainly typed as `PlanContentFieldsFragment` etc. from '../../gql/graphql'):
 *
 *   plan(id: $id) { id fiscalYears draft { ...PlanRevisionFields } ...PlanHistoryFields diff(from: 0) { ...PlanDiffFields } }
 */
export const PlanContentFields = graphql(`
  fragment PlanContentFields on PlanContent {
    rationale
    goals {
      key title description
      indicators { key description metric unit comparator targets { fiscalYear value } }
    }
    courses {
      key titleTh titleEn description category competencyCodes methods
      provider { kind name }
      target { allStaff targetGroups positionTypes linesOfWork divisionIds staffIds description }
      schedule { fiscalYears months note }
      yearly { fiscalYear plannedParticipants budget }
      totalBudget
    }
    methodsAndDuration { description methodsUsed }
    budget { description total byFiscalYear { fiscalYear amount plannedParticipants courseCount } }
    monitoring { description checkpoints { phase description months responsible } }
    committee { appointmentOrderNumber appointmentDate members { key role staffId name position } }
  }
`);

/** A decision of the provincial committee (returns with comments, the approval with its resolution). */
export const PlanReviewFields = graphql(`
  fragment PlanReviewFields on PlanReview {
    decision comments resolutionNumber resolutionDate committee at
    reviewer { id name }
  }
`);

/** One revision (an approved version or the open draft) with its content and review history. */
export const PlanRevisionFields = graphql(`
  fragment PlanRevisionFields on PlanRevision {
    number label reason status submittedAt announcementDate effectiveFrom createdAt
    submittedBy { id name }
    reviews { ...PlanReviewFields }
    approval { ...PlanReviewFields }
    content { ...PlanContentFields }
  }
`);

/** `Plan.diff(from, to)`, for PlanDiffView. */
export const PlanDiffFields = graphql(`
  fragment PlanDiffFields on PlanDiff {
    from to identical
    sections {
      section
      fields { field before after }
      items { key title change fields { field before after } }
    }
  }
`);

/** The versions, the open draft and the audit trail of a plan, for PlanHistory. */
export const PlanHistoryFields = graphql(`
  fragment PlanHistoryFields on Plan {
    id
    versions {
      number label status effectiveFrom announcementDate
      approval { resolutionNumber resolutionDate committee at }
    }
    draft { number label status submittedAt }
    auditTrail(first: 100) {
      edges { node { id at action revision summary actor { id name } changes { field before after } } }
    }
  }
`);
