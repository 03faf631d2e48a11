import { graphql } from '../gql';

export const DashboardPlansQuery = graphql(`
  query DashboardPlans($organisationId: ID) {
    organisation(id: $organisationId) {
      id
      code
      nameTh
      approvingCommittee
      divisions { id nameTh }
    }
    planInForce(organisationId: $organisationId) { id title status }
    plans(organisationId: $organisationId, first: 20) {
      edges {
        node {
          id
          title
          status
          fiscalYears
          inForceFrom
          currentVersion { number label }
        }
      }
    }
  }
`);

export const ProgressFiguresFragment = graphql(`
  fragment ProgressFigures on PlanProgress {
    planId
    fiscalYear
    planVersion
    staffCount
    staffDeveloped
    staffDevelopedShare
    individualPlansAgreed
    individualPlanAgreedShare
    totalHours
    hoursPerPerson
    statementsThrough
    indicators { goalKey goalTitle indicatorKey description metric unit comparator target value met }
    courses {
      courseKey titleTh planned plannedParticipants targetParticipants participantsStarted participantsCompleted
      completionRate totalHours averageHours delivered budgetPlanned budgetSpent competencyCodes
    }
    budget { planned spent spentShare }
    byDivision { key name staffCount staffDeveloped share totalHours hoursPerPerson }
    byTargetGroup { key name staffCount staffDeveloped share totalHours hoursPerPerson }
    byPositionType { key name staffCount staffDeveloped share totalHours hoursPerPerson }
    byCompetency { code nameTh staffCount staffCompleted share courseKeys }
  }
`);

export const PlanProgressQuery = graphql(`
  query PlanProgress($planId: ID!, $fiscalYear: FiscalYear) {
    planProgress(planId: $planId, fiscalYear: $fiscalYear) { ...ProgressFigures }
  }
`);

export const PlanProgressLive = graphql(`
  subscription PlanProgressLive($planId: ID!, $fiscalYear: FiscalYear) {
    planProgressChanged(planId: $planId, fiscalYear: $fiscalYear) { ...ProgressFigures }
  }
`);

export const ExportUrlQuery = graphql(`
  query ExportUrl($planId: ID!, $fiscalYear: FiscalYear!, $format: ExportFormat!) {
    progressExportUrl(planId: $planId, fiscalYear: $fiscalYear, format: $format)
  }
`);

export const PeopleQuery = graphql(`
  query DashboardPeople($organisationId: ID, $filter: StaffFilter) {
    staffMembers(organisationId: $organisationId, first: 100, filter: $filter) {
      totalCount
      edges { node { id staffNumber fullNameTh positionTitle division { id nameTh } } }
    }
  }
`);

export const StaffProgressQuery = graphql(`
  query StaffProgressPage($planId: ID!, $fiscalYear: FiscalYear, $staffId: ID!) {
    staffProgress(planId: $planId, fiscalYear: $fiscalYear, staffId: $staffId) {
      staffId
      name
      fiscalYear
      hours
      coursesCompleted
      courses { courseKey titleTh targeted started completed hours statements }
      remainingGaps { code nameTh requiredLevel assessedLevel gap }
    }
    staff(id: $staffId) { id staffNumber fullNameTh positionTitle division { nameTh } targetGroup }
    plan(id: $planId) { id title }
  }
`);
