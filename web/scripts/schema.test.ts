import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { connectionTypes } from './schema';

describe('connectionTypes', () => {
  it('adds the connection types Spring for GraphQL adds, and only those', () => {
    const added = connectionTypes(
      parse(`
        type Query { staffMembers: StaffConnection! plans: PlanConnection! }
        type Staff { id: ID! }
        type Plan { id: ID! }
        type PlanConnection { edges: [PlanEdge] pageInfo: PageInfo! }
        type PlanEdge { cursor: String! node: Plan! }
        type PageInfo { hasPreviousPage: Boolean! hasNextPage: Boolean! startCursor: String endCursor: String }
        extend type StaffConnection { totalCount: Int! }
      `),
    );
    expect(added).toBe('type StaffConnection { edges: [StaffEdge] pageInfo: PageInfo! }\ntype StaffEdge { cursor: String! node: Staff! }');
  });
});
