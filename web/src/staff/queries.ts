import { graphql } from '../gql';

export const StaffListQuery = graphql(`
  query StaffList($filter: StaffFilter, $after: String) {
    organisation { id divisions { id nameTh } }
    staffMembers(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id staffNumber fullNameTh positionTitle status targetGroup division { nameTh } }
      }
    }
  }
`);

export const StaffPageQuery = graphql(`
  query StaffPage($id: ID!) {
    staff(id: $id) {
      id
      staffNumber
      fullNameTh
      personnelType
      positionTitle
      positionType
      lineOfWork { code nameTh }
      level
      division { nameTh }
      supervisor { id fullNameTh positionTitle }
      appointmentDate
      probationEndDate
      status
      hasCitizenId
      targetGroups
      xapiIdentities { mbox mboxSha1sum openid account { homePage name } }
    }
    planInForce { id }
  }
`);
