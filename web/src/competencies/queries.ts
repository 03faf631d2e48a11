import { graphql } from '../gql';

export const CompetencyCatalogueQuery = graphql(`
  query CompetencyCatalogue($kind: CompetencyKind, $search: String, $after: String) {
    competencies(kind: $kind, search: $search, first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { code kind nameTh nameEn description national masterPlanReference } }
    }
  }
`);

export const AddLocalCompetency = graphql(`
  mutation AddLocalCompetency($input: AddLocalCompetencyInput!) {
    addLocalCompetency(input: $input) {
      competency { code nameTh }
      userErrors { field message code }
    }
  }
`);

export const UpdateCompetency = graphql(`
  mutation UpdateCompetency($input: UpdateCompetencyInput!) {
    updateCompetency(input: $input) {
      competency { code nameTh }
      userErrors { field message code }
    }
  }
`);

export const RemoveLocalCompetency = graphql(`
  mutation RemoveLocalCompetency($code: String!) {
    removeLocalCompetency(input: { code: $code }) {
      competency { code }
      userErrors { field message code }
    }
  }
`);

export const CompetencyRequirementsQuery = graphql(`
  query CompetencyRequirements {
    competencyRequirements {
      scope
      positionType
      lineOfWork
      source
      sourceLabel
      updatedAt
      updatedBy
      items { level competency { code nameTh } }
    }
  }
`);

export const AdoptRequirement = graphql(`
  mutation AdoptRequirement($input: ResetRequirementInput!) {
    adoptRequirement(input: $input) {
      requirement { scope source }
      userErrors { field message code }
    }
  }
`);

export const StaffPickerQuery = graphql(`
  query CompetencyStaffPicker($search: String) {
    staffMembers(first: 50, filter: { nameSearch: $search, status: [ACTIVE, ON_LEAVE, SUSPENDED] }) {
      totalCount
      edges { node { id fullNameTh positionTitle division { nameTh } } }
    }
  }
`);

export const StaffCompetenciesQuery = graphql(`
  query StaffCompetencies($staffId: ID!) {
    competencyGaps(staffId: $staffId) {
      staffId
      asOf
      positionType
      lineOfWork
      totalGap
      staff { id fullNameTh positionTitle }
      required { requiredLevel assessedLevel assessed assessedOn gap competency { code nameTh } }
    }
    competencyAssessments(staffId: $staffId, first: 100) {
      id
      level
      assessedOn
      assessor
      note
      competency { code nameTh }
    }
  }
`);

export const RecordAssessment = graphql(`
  mutation RecordAssessment($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) {
      assessment { id }
      userErrors { field message code }
    }
  }
`);

export const GapSummaryQuery = graphql(`
  query CompetencyGapSummary($groupBy: CompetencyGapGrouping!) {
    competencyGapSummary(groupBy: $groupBy) {
      division { id nameTh }
      targetGroup
      staffCount
      staffWithGaps
      competencies { staffRequired staffWithGap averageGap competency { code nameTh } }
    }
  }
`);
