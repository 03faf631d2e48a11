import { graphql } from '../gql';

export const OrganisationsQuery = graphql(`
  query Organisations($filter: OrganisationFilter, $after: String) {
    organisations(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id code nameTh kind municipalClass province district status } }
    }
  }
`);

export const CreateOrganisation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      organisation { id code nameTh }
      userErrors { field message code }
    }
  }
`);

export const SuspendOrganisation = graphql(`
  mutation SuspendOrganisation($input: OrganisationStatusInput!) {
    suspendOrganisation(input: $input) {
      organisation { id status }
      userErrors { field message code }
    }
  }
`);

export const ReinstateOrganisation = graphql(`
  mutation ReinstateOrganisation($input: OrganisationStatusInput!) {
    reinstateOrganisation(input: $input) {
      organisation { id status }
      userErrors { field message code }
    }
  }
`);

/** The organisation's first TENANT_ADMIN gets a one-time invitation link (inviteUser, sign-in branch). */
export const InviteAdministrator = graphql(`
  mutation InviteAdministrator($organisationId: ID!, $name: String!, $email: String!, $roles: [Role!]!) {
    inviteUser(input: { organisationId: $organisationId, name: $name, email: $email, roles: $roles }) {
      user { id name email }
      invitationUrl
      expiresAt
      userErrors { field message code }
    }
  }
`);
