import { graphql } from '../gql';

export const IdpRosterQuery = graphql(`
  query IdpRoster($fiscalYear: FiscalYear, $divisionId: ID) {
    organisation { id divisions { id nameTh } }
    individualPlanRoster(fiscalYear: $fiscalYear, divisionId: $divisionId) {
      staff { id staffNumber fullNameTh positionTitle division { id nameTh } supervisor { id fullNameTh } }
      plan { id status progress { items done } }
    }
  }
`);


export const IdpPersonQuery = graphql(`
  query IdpPerson($staffId: ID!, $fiscalYear: FiscalYear) {
    staff(id: $staffId) {
      id staffNumber fullNameTh positionTitle level
      division { id nameTh }
      supervisor { id fullNameTh positionTitle }
    }
    individualPlans(filter: { staffId: $staffId, fiscalYear: $fiscalYear }) {
      ...IdpPlan
    }
    planInForce { id title content { courses { key titleTh } } }
  }
`);

export const IdpPlanFields = graphql(`
  fragment IdpPlan on IndividualPlan {
    id fiscalYear planDate status
    gaps { competencyCode nameTh requiredLevel assessedLevel assessed gap }
    items { key competencyCode kind planId courseKey activityIds titleTh targetDate note done overdue }
    staffAgreement { party agreedOn recordedBy onPaper }
    supervisorAgreement { party agreedOn recordedBy onPaper }
    progress { items done share overdue }
  }
`);

export const IdpSupervisorChoicesQuery = graphql(`
  query IdpSupervisorChoices($divisionId: ID) {
    staffMembers(first: 100, filter: { divisionId: $divisionId, status: [ACTIVE, ON_LEAVE, SUSPENDED] }) {
      edges { node { id fullNameTh positionTitle } }
    }
  }
`);

export const CreateIdpMutation = graphql(`
  mutation CreateIdp($input: CreateIndividualPlanInput!) {
    createIndividualPlan(input: $input) {
      individualPlan { ...IdpPlan }
      userErrors { field message code }
    }
  }
`);

export const UpdateIdpMutation = graphql(`
  mutation UpdateIdp($input: UpdateIndividualPlanInput!) {
    updateIndividualPlan(input: $input) {
      individualPlan { ...IdpPlan }
      userErrors { field message code }
    }
  }
`);

export const AgreeIdpMutation = graphql(`
  mutation AgreeIdp($input: AgreeIndividualPlanInput!) {
    agreeIndividualPlan(input: $input) {
      individualPlan { ...IdpPlan }
      userErrors { field message code }
    }
  }
`);

export const SetSupervisorMutation = graphql(`
  mutation IdpSetSupervisor($input: UpdateStaffInput!) {
    updateStaff(input: $input) {
      staff { id supervisor { id fullNameTh positionTitle } }
      userErrors { field message code }
    }
  }
`);
