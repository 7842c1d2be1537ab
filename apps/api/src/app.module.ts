import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import depthLimit from 'graphql-depth-limit';
import type { ValidationError } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditService } from './audit/audit.service';
import { AuthoringResolver } from './authoring/authoring.resolver';
import { AuthoringService } from './authoring/authoring.service';
import { ModuleFilesController } from './authoring/module-files.controller';
import { CatalogResolver, LessonResolver } from './catalog/catalog.resolver';
import { CatalogService } from './catalog/catalog.service';
import { CurriculumLoader } from './catalog/curriculum-loader';
import { MediaController } from './catalog/media.controller';
import {
  AssignmentModelResolver,
  ClassAssignmentsResolver,
  LearningResolver,
  SubmitProgressResultResolver,
} from './learning/learning.resolver';
import { ProgressWriter } from './learning/progress-writer';
import { LearningService } from './learning/learning.service';
import { DeliveryResolver } from './delivery/delivery.resolver';
import { DeliveryService } from './delivery/delivery.service';
import { ModuleBundles } from './learning/module-bundles';
import { TrainingResolver } from './training/training.resolver';
import { ConsentResolver } from './consent/consent.resolver';
import { ConsentService } from './consent/consent.service';
import { SafeguardingResolver } from './safeguarding/safeguarding.resolver';
import { SafeguardingService } from './safeguarding/safeguarding.service';
import { RosterImportController } from './roster-import/roster-import.controller';
import { RosterImportResolver } from './roster-import/roster-import.resolver';
import { RosterImportService } from './roster-import/roster-import.service';
import { ComplianceExportController } from './compliance/compliance-export.controller';
import { ComplianceResolver } from './compliance/compliance.resolver';
import { ComplianceService } from './compliance/compliance.service';
import { OutcomesResolver } from './compliance/outcomes.resolver';
import { OutcomesService } from './compliance/outcomes.service';
import { ClassInsightsResolver } from './insights/class-insights.resolver';
import { ClassInsightsService } from './insights/class-insights.service';
import { TrainingService } from './training/training.service';
import { FacilitatorsResolver } from './facilitators/facilitators.resolver';
import { FacilitatorsService } from './facilitators/facilitators.service';
import { FilingsExportController } from './filings/filings-export.controller';
import { FilingsResolver } from './filings/filings.resolver';
import { FilingsService } from './filings/filings.service';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { PolicyGuard } from './auth/policy.guard';
import type { GqlContext, HavenRequest } from './auth/request-context';
import { SessionService } from './auth/session.service';
import { badInput, formatGraphQLError } from './common/errors';
import { GraphQLExceptionFilter } from './common/graphql-exception.filter';
import { memoiseValidationMetadata } from './common/validation-metadata';
import { HavenConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { ComplexityPlugin, MAX_DEPTH } from './graphql/complexity.plugin';
import { HealthController } from './health/health.controller';
import { Loaders } from './graphql/loaders';
import { ClassResolver, DistrictResolver, SchoolResolver } from './roster/roster.resolver';
import { RosterService } from './roster/roster.service';
import { TenancyService } from './tenancy/tenancy.service';
import type { FastifyReply } from 'fastify';

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}),
    ...flatten(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

/** Every GraphQL resolver, for the app and for the schema printer. */
export const RESOLVERS = [
  AuthResolver,
  DistrictResolver,
  SchoolResolver,
  ClassResolver,
  CatalogResolver,
  LessonResolver,
  LearningResolver,
  ClassAssignmentsResolver,
  AssignmentModelResolver,
  SubmitProgressResultResolver,
  TrainingResolver,
  ConsentResolver,
  SafeguardingResolver,
  DeliveryResolver,
  ComplianceResolver,
  OutcomesResolver,
  ClassInsightsResolver,
  RosterImportResolver,
  AuthoringResolver,
  FacilitatorsResolver,
  FilingsResolver,
];

export interface AppOptions {
  config: HavenConfig;
  /** The database URL: DATABASE_URL, or the embedded database's loopback URL. */
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppOptions): DynamicModule {
    // Every input is validated with class-validator (the ValidationPipe below): remember which rules apply to
    // each input class instead of working it out again for every object validated.
    memoiseValidationMetadata();
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, config.embedded),
          retryAttempts: 0,
          manualInitialization: false,
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [getDataSourceToken()],
          useFactory: (ds: DataSource) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            graphiql: config.NODE_ENV === 'development',
            introspection: config.NODE_ENV !== 'production',
            csrfPrevention: true,
            includeStacktraceInErrorResponses: false,
            fieldResolverEnhancers: ['guards', 'filters'],
            validationRules: [depthLimit(MAX_DEPTH)],
            // Every answer is per user (a session cookie) and never cached by HTTP, so Apollo's cache-control
            // plugin (installed unless disabled) would only time every field of every request for nothing.
            plugins: [ApolloServerPluginCacheControlDisabled()],
            formatError: formatGraphQLError,
            // Apollo's Fastify integration calls this with the request and the reply.
            context: (req: HavenRequest, res: FastifyReply): GqlContext => ({
              req,
              res,
              loaders: new Loaders(ds),
            }),
          }),
        }),
      ],
      controllers: [
        HealthController,
        ComplianceExportController,
        RosterImportController,
        ModuleFilesController,
        FilingsExportController,
        MediaController,
      ],
      providers: [
        { provide: HavenConfig, useValue: config },
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: (errors) => badInput(flatten(errors).join('; ') || 'The input is not valid.'),
          }),
        },
        ComplexityPlugin,
        SessionService,
        AuthService,
        AuditService,
        TenancyService,
        RosterService,
        CatalogService,
        CurriculumLoader,
        ModuleBundles,
        LearningService,
        ProgressWriter,
        TrainingService,
        ConsentService,
        SafeguardingService,
        DeliveryService,
        ComplianceService,
        FacilitatorsService,
        FilingsService,
        OutcomesService,
        ClassInsightsService,
        RosterImportService,
        AuthoringService,
        ...RESOLVERS,
      ],
    };
  }
}
