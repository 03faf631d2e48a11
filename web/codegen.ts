import type { CodegenConfig } from '@graphql-codegen/cli';
import { serverSchema } from './scripts/schema';

/**
 * Typed GraphQL operations: every `graphql(...)` document in src/ is checked against the schema
 * the server loads (../schema/src/main/resources/graphql, with the connection types Spring adds),
 * so a schema change that breaks the console fails `npm run build` and with it the Maven build.
 */
const config: CodegenConfig = {
  schema: serverSchema(['../schema/src/main/resources/graphql']),
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { Date: 'string', DateTime: 'string', FiscalYear: 'number', IRI: 'string' },
      },
    },
  },
};

export default config;
