import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Role } from '@haven/domain';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow } from '../auth/policy.decorator';
import type { ImportRun } from './roster-import.entities';
import { TenancyService } from '../tenancy/tenancy.service';
import {
  ImportIssue,
  ImportKindCounts,
  ImportRunModel,
  ImportRunsArgs,
  SchoolImportRunsArgs,
} from './roster-import.models';
import { RosterImportService } from './roster-import.service';

/** Who may import a district's roster and see its import runs. */
export const ROSTER_IMPORTERS: readonly Role[] = ['district_admin', 'platform_admin'];

/** Who may import the rows of their own school(s) and see those imports. */
export const SCHOOL_ROSTER_IMPORTERS: readonly Role[] = ['school_admin'];

const ZERO: ImportKindCounts = { schools: 0, classes: 0, students: 0, staff: 0, enrollments: 0 };

function toModel(run: ImportRun, names: Map<string, string>): ImportRunModel {
  const counts = run.counts as Partial<
    Record<'created' | 'updated' | 'deactivated', ImportKindCounts> &
      Record<'errors' | 'warnings' | 'createdStudents', number>
  >;
  return {
    id: run.id,
    districtId: run.districtId,
    startedByName: run.startedBy ? (names.get(run.startedBy) ?? null) : null,
    fileName: run.fileName,
    mode: run.mode,
    status: run.status,
    createdAt: run.createdAt,
    created: { ...ZERO, ...counts.created },
    updated: { ...ZERO, ...counts.updated },
    deactivated: { ...ZERO, ...counts.deactivated },
    errorCount: counts.errors ?? 0,
    warningCount: counts.warnings ?? 0,
    createdStudentCount: counts.createdStudents ?? 0,
    issues: run.issues as ImportIssue[],
  };
}

@Resolver()
export class RosterImportResolver {
  constructor(
    private readonly imports: RosterImportService,
    private readonly tenancy: TenancyService,
  ) {}

  @Allow(ROSTER_IMPORTERS)
  @Query(() => [ImportRunModel], {
    description: 'Recent OneRoster imports of the district the caller administers, newest first',
  })
  async importRuns(
    @Args() { districtId, first }: ImportRunsArgs,
    @CurrentActor() actor: Actor,
  ): Promise<ImportRunModel[]> {
    const runs = await this.imports.runs(actor, first, districtId);
    const names = await this.imports.starterNames([
      ...new Set(runs.map((r) => r.startedBy).filter((id): id is string => !!id)),
    ]);
    return runs.map((r) => toModel(r, names));
  }

  @Allow(SCHOOL_ROSTER_IMPORTERS)
  @Query(() => [ImportRunModel], {
    description:
      'Recent OneRoster imports a school admin ran into the school(s) they administer, newest first',
  })
  async schoolImportRuns(
    @Args() { schoolId, first }: SchoolImportRunsArgs,
    @CurrentActor() actor: Actor,
  ): Promise<ImportRunModel[]> {
    const scope = await this.tenancy.rosterImportSchools(actor, schoolId);
    if (!scope) return [];
    const runs = await this.imports.schoolRuns(
      scope.districtId,
      scope.schools.map((s) => s.id),
      first,
    );
    const names = await this.imports.starterNames([
      ...new Set(runs.map((r) => r.startedBy).filter((id): id is string => !!id)),
    ]);
    return runs.map((r) => toModel(r, names));
  }
}
