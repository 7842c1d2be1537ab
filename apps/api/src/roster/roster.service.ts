import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isSchoolYear } from '@haven/domain';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { badInput, notFound } from '../common/errors';
import { ClassSection } from '../identity/class-section.entity';
import { TenancyService } from '../tenancy/tenancy.service';
import { CreateClassInput } from './dtos/create-class.input';

@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
  ) {}

  /** Creates a class in a school the caller manages; the class and its audit entry are written together. */
  async createClass(actor: Actor, input: CreateClassInput): Promise<ClassSection> {
    const school = await this.tenancy.findSchool(actor, input.schoolId);
    if (!school) throw notFound('School');
    if (!isSchoolYear(input.schoolYear))
      throw badInput('schoolYear must be two consecutive years, e.g. 2026-2027');
    const outside = input.gradeLevels.filter((g) => g < school.lowestGrade || g > school.highestGrade);
    if (outside.length) {
      throw badInput(
        `gradeLevels ${outside.join(', ')} are not taught at ${school.name} (grades ${school.lowestGrade} to ${school.highestGrade})`,
      );
    }
    return this.ds.transaction(async (m) => {
      const created = await m.getRepository(ClassSection).save({
        schoolId: school.id,
        name: input.name.trim(),
        gradeLevels: [...new Set(input.gradeLevels)].sort((a, b) => a - b),
        schoolYear: input.schoolYear,
      });
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'class.create',
          targetType: 'class',
          targetId: created.id,
          districtId: school.districtId,
        },
        m,
      );
      return created;
    });
  }
}
