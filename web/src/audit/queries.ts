import { graphql } from '../gql';

export const AuditTrailQuery = graphql(`
  query AuditTrail($first: Int, $before: DateTime, $action: String, $actor: ID, $from: Date, $to: Date) {
    auditTrail(first: $first, before: $before, action: $action, actor: $actor, from: $from, to: $to) {
      id
      at
      actor
      actorName
      action
      target
      origin
      details { name value }
    }
  }
`);

export const AuditFilterChoicesQuery = graphql(`
  query AuditFilterChoices {
    auditActions
    users { id name email }
  }
`);
