import { graphql } from '../gql';

export const PlansOverview = graphql(`
  query PlansOverview {
    planningCalendar {
      today
      currentFiscalYear
      nextPlanFiscalYearStart
      overdue
      milestones { kind dueDate done overdue description }
    }
    plans(first: 50) {
      edges {
        node {
          id title fiscalYearStart fiscalYearEnd status
          currentVersion { number label }
          draft { number label status }
        }
      }
    }
  }
`);

export const CreatePlanFromMasterPlan = graphql(`
  mutation CreatePlanFromMasterPlan($input: CreatePlanFromMasterPlanInput!) {
    createPlanFromMasterPlan(input: $input) { plan { id } userErrors { field message code } }
  }
`);

export const CreateBlankPlan = graphql(`
  mutation CreateBlankPlan($input: CreatePlanInput!) {
    createPlan(input: $input) { plan { id } userErrors { field message code } }
  }
`);

export const PlanSummary = graphql(`
  query PlanSummary($id: ID!) {
    plan(id: $id) {
      id title status approvingCommittee fiscalYearStart fiscalYearEnd announcementDate inForceFrom
      organisation { id nameTh }
      currentVersion { number label announcementDate effectiveFrom approval { resolutionNumber resolutionDate committee at } }
      draft {
        number label status submittedAt reason
        reviews { decision comments committee at reviewer { name } }
      }
      fiscalYears
      versions { number label }
      ...PlanHistoryFields
    }
  }
`);

export const PlanRevisionShown = graphql(`
  query PlanRevisionShown($id: ID!, $number: Int!) {
    plan(id: $id) { id version(number: $number) { ...PlanRevisionFields } }
  }
`);

export const PlanDraftDiff = graphql(`
  query PlanDraftDiff($id: ID!, $from: Int!) {
    plan(id: $id) { id diff(from: $from) { ...PlanDiffFields } }
  }
`);

export const AnnouncePlan = graphql(`
  mutation AnnouncePlan($input: AnnouncePlanInput!) {
    announcePlan(input: $input) { plan { id status } userErrors { field message code } }
  }
`);

export const StartPlanAmendment = graphql(`
  mutation StartPlanAmendment($input: StartPlanAmendmentInput!) {
    startPlanAmendment(input: $input) { plan { id draft { number } } userErrors { field message code } }
  }
`);

export const DiscardPlanDraft = graphql(`
  mutation DiscardPlanDraft($input: DiscardPlanDraftInput!) {
    discardPlanDraft(input: $input) { plan { id } deletedPlanId userErrors { field message code } }
  }
`);

export const SubmitPlan = graphql(`
  mutation SubmitPlan($input: SubmitPlanInput!) {
    submitPlan(input: $input) { plan { id status } userErrors { field message code } }
  }
`);

export const PlanForEditing = graphql(`
  query PlanForEditing($id: ID!) {
    plan(id: $id) {
      id title status fiscalYears approvingCommittee
      organisation { id nameTh divisions { id nameTh } }
      draft {
        number label status
        reviews { decision comments committee at }
        content {
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
            xapi { activityIds completion { verbs activityMatch requireSuccess requireCompletion minScaledScore minHours } }
          }
          methodsAndDuration { description methodsUsed }
          budget { description total byFiscalYear { fiscalYear amount plannedParticipants courseCount } }
          monitoring { description checkpoints { phase description months responsible } }
          committee { appointmentOrderNumber appointmentDate members { key role staffId name position } }
        }
      }
      gaps { field message code }
    }
    competencies(first: 100) { edges { node { code nameTh kind } } }
  }
`);

export const PlanGaps = graphql(`
  query PlanGaps($id: ID!) {
    plan(id: $id) { id gaps { field message code } draft { content { budget { total byFiscalYear { fiscalYear amount plannedParticipants courseCount } } methodsAndDuration { methodsUsed } } } }
  }
`);

export const UpdatePlan = graphql(`
  mutation UpdatePlan($input: UpdatePlanInput!) {
    updatePlan(input: $input) { plan { id } userErrors { field message code } }
  }
`);

export const AddPlanCourse = graphql(`
  mutation AddPlanCourse($input: AddPlanCourseInput!) {
    addPlanCourse(input: $input) { course { key } userErrors { field message code } }
  }
`);

export const UpdatePlanCourse = graphql(`
  mutation UpdatePlanCourse($input: UpdatePlanCourseInput!) {
    updatePlanCourse(input: $input) { course { key } userErrors { field message code } }
  }
`);

export const RemovePlanCourse = graphql(`
  mutation RemovePlanCourse($input: RemovePlanCourseInput!) {
    removePlanCourse(input: $input) { plan { id } userErrors { field message code } }
  }
`);

export const StaffSearch = graphql(`
  query PlanStaffSearch($filter: StaffFilter) {
    staffMembers(first: 20, filter: $filter) { edges { node { id fullNameTh positionTitle } } }
  }
`);
