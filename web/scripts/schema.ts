import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, visit, type DocumentNode } from 'graphql';

/**
 * The schema the server runs, built from the same SDL files: Spring for GraphQL adds the Relay
 * connection types (`XConnection`, `XEdge`, `PageInfo`) for every `…Connection` type that fields
 * name but no file defines, and so does this, with exactly Spring's shapes
 * (ConnectionTypeDefinitionConfigurer of spring-graphql 2.0):
 *   type XConnection { edges: [XEdge] pageInfo: PageInfo! }
 *   type XEdge { cursor: String! node: X! }
 *   type PageInfo { hasPreviousPage: Boolean! hasNextPage: Boolean! startCursor: String endCursor: String }
 */
export function serverSchema(directories: string[]): string {
  const sdl = directories
    .flatMap((directory) =>
      readdirSync(directory)
        .filter((name) => name.endsWith('.graphqls'))
        .sort()
        .map((name) => readFileSync(join(directory, name), 'utf8')),
    )
    .join('\n');
  return sdl + '\n' + connectionTypes(parse(sdl));
}

export function connectionTypes(document: DocumentNode): string {
  const defined = new Set<string>();
  const referenced = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) {
      defined.add(definition.name.value);
    }
  }
  visit(document, {
    FieldDefinition(field) {
      visit(field.type, {
        NamedType(named) {
          if (named.name.value.endsWith('Connection')) {
            referenced.add(named.name.value);
          }
        },
      });
    },
  });
  const added: string[] = [];
  for (const connection of [...referenced].sort()) {
    if (defined.has(connection)) {
      continue;
    }
    const node = connection.slice(0, -'Connection'.length);
    added.push(`type ${connection} { edges: [${node}Edge] pageInfo: PageInfo! }`);
    added.push(`type ${node}Edge { cursor: String! node: ${node}! }`);
  }
  if (added.length > 0 && !defined.has('PageInfo')) {
    added.push('type PageInfo { hasPreviousPage: Boolean! hasNextPage: Boolean! startCursor: String endCursor: String }');
  }
  return added.join('\n');
}
