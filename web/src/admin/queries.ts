import { graphql } from '../gql';

export const AdminUsers = graphql(`
  query AdminUsers {
    users { id name email roles staffId enabled createdAt invitationPending invitationExpiresAt lastSignInAt }
  }
`);

export const InviteUser = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      user { id name email }
      invitationUrl
      expiresAt
      invitationEmailed
      userErrors { field message code }
    }
  }
`);

export const ReissueInvitation = graphql(`
  mutation ReissueInvitation($input: ReissueInvitationInput!) {
    reissueInvitation(input: $input) {
      user { id name email }
      invitationUrl
      expiresAt
      invitationEmailed
      userErrors { field message code }
    }
  }
`);

export const SetUserRoles = graphql(`
  mutation SetUserRoles($input: SetUserRolesInput!) {
    setUserRoles(input: $input) {
      user { id roles }
      userErrors { field message code }
    }
  }
`);

export const SetUserEnabled = graphql(`
  mutation SetUserEnabled($input: SetUserEnabledInput!) {
    setUserEnabled(input: $input) {
      user { id enabled }
      userErrors { field message code }
    }
  }
`);

export const AccessTokens = graphql(`
  query AccessTokens {
    accessTokens { id name user { id name } roles createdAt expiresAt revokedAt lastUsedAt }
    users { id name enabled }
  }
`);

export const CreateAccessToken = graphql(`
  mutation CreateAccessToken($input: CreateAccessTokenInput!) {
    createAccessToken(input: $input) {
      accessToken { id name }
      token
      userErrors { field message code }
    }
  }
`);

export const RevokeAccessToken = graphql(`
  mutation RevokeAccessToken($input: RevokeAccessTokenInput!) {
    revokeAccessToken(input: $input) {
      accessToken { id revokedAt }
      userErrors { field message code }
    }
  }
`);

export const XapiCredentials = graphql(`
  query XapiCredentials {
    xapiCredentials { id name key scopes enabled endpoint createdAt rotatedAt previousSecretValidUntil lastUsedAt statementCount }
  }
`);

export const CreateXapiCredential = graphql(`
  mutation CreateXapiCredential($input: CreateXapiCredentialInput!) {
    createXapiCredential(input: $input) {
      xapiCredential { id name key endpoint }
      secret
      userErrors { field message code }
    }
  }
`);

export const RotateXapiCredentialSecret = graphql(`
  mutation RotateXapiCredentialSecret($input: XapiCredentialRefInput!) {
    rotateXapiCredentialSecret(input: $input) {
      xapiCredential { id name key endpoint previousSecretValidUntil }
      secret
      userErrors { field message code }
    }
  }
`);

export const SetXapiCredentialEnabled = graphql(`
  mutation SetXapiCredentialEnabled($input: SetXapiCredentialEnabledInput!) {
    setXapiCredentialEnabled(input: $input) {
      xapiCredential { id enabled }
      userErrors { field message code }
    }
  }
`);

export const DeleteXapiCredential = graphql(`
  mutation DeleteXapiCredential($input: XapiCredentialRefInput!) {
    deleteXapiCredential(input: $input) {
      userErrors { field message code }
    }
  }
`);
