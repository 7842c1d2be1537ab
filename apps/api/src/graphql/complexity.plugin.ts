import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, Kind, visit, type ArgumentNode, type DocumentNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const MAX_COMPLEXITY = 5000;
export const MAX_DEPTH = 8;

/**
 * Whether the estimate can vary with the variables: a `first` argument or a directive (`@include`, `@skip`)
 * that takes its value from one.
 */
function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = false;
  const fromVariable = (node: ArgumentNode) => node.value.kind === Kind.VARIABLE;
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first' && fromVariable(node)) depends = true;
    },
    Directive(node) {
      if (node.arguments?.some(fromVariable)) depends = true;
    },
  });
  return depends;
}

/**
 * Refuses a query whose estimated cost is above MAX_COMPLEXITY before it runs. A list field with `first`
 * costs `first` times its children, so bounded lists keep the estimate honest.
 */
@Plugin()
export class ComplexityPlugin implements ApolloServerPlugin {
  /**
   * The cost of each operation of a document whose cost does not depend on its variables (`null`: it does).
   * Apollo Server reuses one parsed document per query text, so a classroom's steps are costed once.
   */
  private readonly fixedCosts = new WeakMap<DocumentNode, Map<string, number> | null>();

  constructor(private readonly schemaHost: GraphQLSchemaHost) {}

  private costOf(document: DocumentNode, operationName: string | undefined, variables: object | undefined) {
    let fixed = this.fixedCosts.get(document);
    if (fixed === undefined) {
      fixed = costDependsOnVariables(document) ? null : new Map<string, number>();
      this.fixedCosts.set(document, fixed);
    }
    const key = operationName ?? '';
    const known = fixed?.get(key);
    if (known !== undefined) return known;
    const cost = getComplexity({
      schema: this.schemaHost.schema,
      operationName,
      query: document,
      variables: variables as Record<string, unknown> | undefined,
      estimators: [
        fieldExtensionsEstimator(),
        ({ args, childComplexity }) =>
          typeof args.first === 'number' ? args.first * Math.max(1, childComplexity) : undefined,
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    });
    fixed?.set(key, cost);
    return cost;
  }

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    return {
      didResolveOperation: async ({ request, document }) => {
        const complexity = this.costOf(document, request.operationName, request.variables);
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
