import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { schoolYearOf } from '@haven/domain';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Allow } from '../auth/policy.decorator';
import { UUID_PATTERN } from '../tenancy/tenancy.service';
import { ComplianceReport, StudentComplianceRecord } from './compliance.models';
import { ComplianceService } from './compliance.service';

export const COMPLIANCE_READERS = ['district_admin', 'school_admin'] as const;

@Resolver()
export class ComplianceResolver {
  constructor(private readonly compliance: ComplianceService) {}

  @Allow(COMPLIANCE_READERS)
  @Query(() => ComplianceReport, {
    nullable: true,
    description:
      'District admins: their district; school admins: their school. The current school year by default.',
  })
  complianceReport(
    @Args('schoolYear', { type: () => String, nullable: true }) schoolYear: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ComplianceReport | null> {
    return this.compliance.report(actor, schoolYear ?? schoolYearOf(new Date()));
  }

  @Allow(COMPLIANCE_READERS)
  @Query(() => [StudentComplianceRecord], {
    description: 'The students of one school and grade with their outcomes (audited)',
  })
  gradeCompliance(
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('grade', { type: () => Int }) grade: number,
    @Args('schoolYear', { type: () => String, nullable: true }) schoolYear: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<StudentComplianceRecord[]> {
    if (!UUID_PATTERN.test(schoolId)) return Promise.resolve([]);
    return this.compliance.gradeStudents(actor, schoolId, grade, schoolYear ?? schoolYearOf(new Date()));
  }

  @Allow(COMPLIANCE_READERS)
  @Query(() => StudentComplianceRecord, {
    nullable: true,
    description: "One student's record: what counted, what is missing (audited)",
  })
  studentCompliance(
    @Args('studentId', { type: () => ID }) studentId: string,
    @Args('schoolYear', { type: () => String, nullable: true }) schoolYear: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<StudentComplianceRecord | null> | null {
    return UUID_PATTERN.test(studentId)
      ? this.compliance.student(actor, studentId, schoolYear ?? schoolYearOf(new Date()))
      : null;
  }
}
