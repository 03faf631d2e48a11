import { graphql } from '../gql';

export const PersonRecordFields = graphql(`
  fragment PersonRecordFields on PersonRecord {
    staffId
    name
    positionTitle
    organisationName
    hoursByFiscalYear { fiscalYear hours activities }
    history {
      statementId
      verbId
      verb
      activityId
      title
      timestamp
      hours
      completed
      certificates { id contentType fileName length downloadUrl }
    }
    planInForce {
      planId
      title
      fiscalYear
      progress { hours coursesCompleted courses { courseKey titleTh targeted started completed hours } }
    }
    competencyGaps { code nameTh requiredLevel assessedLevel gap }
    individualPlan {
      id fiscalYear status
      items { key titleTh courseKey targetDate done overdue }
      staffAgreement { agreedOn onPaper }
      supervisorAgreement { agreedOn onPaper }
      progress { items done }
    }
  }
`);

export const MyRecordQuery = graphql(`
  query MyRecord {
    myRecord { ...PersonRecordFields }
    myReports { staffId name positionTitle }
  }
`);

export const PersonRecordQuery = graphql(`
  query PersonRecord($staffId: ID!) {
    personRecord(staffId: $staffId) { ...PersonRecordFields }
  }
`);

export const InviteStaffMember = graphql(`
  mutation InviteStaffMember($input: InviteStaffMemberInput!) {
    inviteStaffMember(input: $input) {
      user { id email roles }
      invitationUrl
      expiresAt
      userErrors { field message code }
    }
  }
`);
