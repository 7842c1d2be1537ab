import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const MAX_COMPLEXITY = 5000;
export const MAX_DEPTH = 8;

/**
 * Refuses a query whose estimated cost is above MAX_COMPLEXITY before it runs. A list field with `first`
 * costs `first` times its children, so bounded lists keep the estimate honest.
 */
@Plugin()
export class ComplexityPlugin implements ApolloServerPlugin {
  constructor(private readonly schemaHost: GraphQLSchemaHost) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { schema } = this.schemaHost;
    return {
      async didResolveOperation({ request, document }) {
        const complexity = getComplexity({
          schema,
          operationName: request.operationName,
          query: document,
          variables: request.variables,
          estimators: [
            fieldExtensionsEstimator(),
            ({ args, childComplexity }) =>
              typeof args.first === 'number' ? args.first * Math.max(1, childComplexity) : undefined,
            simpleEstimator({ defaultComplexity: 1 }),
          ],
        });
        if (complexity > MAX_COMPLEXITY) {
          throw new GraphQLError(
            `This query is too complex (${complexity}; the limit is ${MAX_COMPLEXITY}). Ask for fewer items or fields.`,
            { extensions: { code: 'QUERY_TOO_COMPLEX' } },
          );
        }
      },
    };
  }
}
