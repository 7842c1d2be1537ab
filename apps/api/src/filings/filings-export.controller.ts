import { Controller, Get, Header, NotFoundException, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { schoolYearOf } from '@haven/domain';
import { Allow } from '../auth/policy.decorator';
import type { HavenRequest } from '../auth/request-context';
import { FILING_READERS } from './filings.resolver';
import { FilingsService } from './filings.service';

const day = (d: Date | null): string => (d ? d.toISOString().slice(0, 10) : '');

/** CSV drafts of state filings, with the same access as the pages: the district's own admins. */
@Controller('exports/filings')
export class FilingsExportController {
  constructor(private readonly filings: FilingsService) {}

  @Allow(FILING_READERS)
  @Get('fl-implementation-plan.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async floridaPlan(
    @Req() req: HavenRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @Query('schoolYear') schoolYear?: string,
  ): Promise<string> {
    const year = schoolYear ?? schoolYearOf(new Date());
    if (!/^\d{4}-\d{4}$/.test(year)) throw new NotFoundException();
    const plan = await this.filings.floridaPlan(req.actor!, year);
    if (!plan) throw new NotFoundException();
    const rows: string[][] = [];
    for (const g of plan.grades) {
      const instructors = g.instructors.map((i) => i.displayName).join('; ');
      const qualifications = g.instructors
        .map(
          (i) => `${i.displayName}: ${i.trainings.map((t) => t.courseTitle).join(', ') || 'none recorded'}`,
        )
        .join('; ');
      const base = [
        plan.districtName,
        plan.planYear,
        plan.schoolYear,
        plan.dueOn,
        g.grade === 0 ? 'K' : String(g.grade),
      ];
      const tail = [instructors, qualifications, plan.basis.certainty, 'DRAFT: check before filing'];
      if (g.modules.length === 0) rows.push([...base, '', '', '', '', '', '', '', '0', '', ...tail]);
      for (const m of g.modules)
        rows.push([
          ...base,
          m.title,
          m.moduleId,
          m.version,
          m.licence,
          String(m.lessons),
          String(m.scenarios),
          m.assessments.join(' '),
          String(m.minutes),
          m.status,
          ...tail,
        ]);
    }
    res.header(
      'Content-Disposition',
      `attachment; filename="haven-fl-implementation-plan-${plan.planYear}-draft.csv"`,
    );
    return stringify(rows, {
      header: true,
      columns: [
        'district',
        'plan_year',
        'based_on_school_year',
        'due_on',
        'grade',
        'material',
        'module',
        'version',
        'licence',
        'lessons',
        'scenarios',
        'assessments',
        'minutes',
        'status',
        'instructors',
        'instructor_qualifications',
        'evidence',
        'note',
      ],
    });
  }

  @Allow(FILING_READERS)
  @Get('tx-trained-staff.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async texasTrainedStaff(
    @Req() req: HavenRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const list = await this.filings.texasTrainedStaff(req.actor!);
    if (!list) throw new NotFoundException();
    const rows = list.staff.flatMap((s) =>
      s.completions.map((c) => [
        list.districtName,
        s.displayName,
        s.email,
        c.courseCode,
        c.courseTitle,
        day(c.completedAt),
        day(c.expiresAt),
        c.source,
        c.current ? 'yes' : 'no',
      ]),
    );
    res.header('Content-Disposition', 'attachment; filename="haven-tx-trained-staff-draft.csv"');
    return stringify(rows, {
      header: true,
      columns: [
        'district',
        'name',
        'email',
        'training',
        'training_title',
        'completed_on',
        'expires_on',
        'source',
        'current',
      ],
    });
  }
}
