import { Controller, Get, Header, NotFoundException, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { schoolYearOf } from '@haven/domain';
import { Allow } from '../auth/policy.decorator';
import type { HavenRequest } from '../auth/request-context';
import { ComplianceService } from './compliance.service';
import { COMPLIANCE_READERS } from './compliance.resolver';

/** CSV of the per-student evidence, for a district to keep or file. Same access as the dashboard. */
@Controller('exports')
export class ComplianceExportController {
  constructor(private readonly compliance: ComplianceService) {}

  @Allow(COMPLIANCE_READERS)
  @Get('compliance.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async csv(
    @Req() req: HavenRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @Query('schoolYear') schoolYear?: string,
  ): Promise<string> {
    const year = schoolYear ?? schoolYearOf(new Date());
    const loaded = await this.compliance.load(req.actor!, year);
    if (!loaded) throw new NotFoundException();
    const rows: string[][] = [];
    for (const rule of loaded.result.rules) {
      for (const school of rule.schools) {
        const schoolName = loaded.schools.find((s) => s.id === school.schoolId)?.name ?? '';
        for (const grade of school.grades) {
          for (const st of grade.students) {
            const meta = loaded.students.get(st.studentId);
            rows.push([
              loaded.district.name,
              year,
              schoolName,
              String(st.grade),
              meta?.username ?? st.studentId,
              meta?.displayName ?? '',
              rule.ruleId,
              rule.citation,
              st.outcome,
              st.coveredTopics.join(' '),
              st.missingTopics.join(' '),
              String(st.minutes),
              st.deliveryIds.map((id) => loaded.deliveries.get(id) ?? id).join('; '),
            ]);
          }
        }
      }
    }
    res.header('Content-Disposition', `attachment; filename="haven-compliance-${year}.csv"`);
    return stringify(rows, {
      header: true,
      columns: [
        'district',
        'school_year',
        'school',
        'grade',
        'username',
        'student',
        'rule',
        'citation',
        'outcome',
        'covered_topics',
        'missing_topics',
        'minutes',
        'counted',
      ],
    });
  }
}
