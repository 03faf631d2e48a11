/** The nodes of a Relay connection (Spring declares `edges: [XEdge]`, so edges and the list may be null). */
export function nodes<N>(connection: { edges?: ReadonlyArray<{ node: N } | null> | null }): N[] {
  return (connection.edges ?? []).flatMap((edge) => (edge ? [edge.node] : []));
}
