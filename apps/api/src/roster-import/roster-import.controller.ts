import {
  BadRequestException,
  Controller,
  Header,
  HttpCode,
  NotFoundException,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { bundleFromZip, type OneRosterBundle } from '@haven/oneroster';
import { Allow } from '../auth/policy.decorator';
import type { HavenRequest } from '../auth/request-context';
import { checkZipUpload, readUpload } from '../common/uploads';
import type { ImportMode } from './roster-import.entities';
import { TenancyService } from '../tenancy/tenancy.service';
import { ROSTER_IMPORTERS, SCHOOL_ROSTER_IMPORTERS } from './roster-import.resolver';
import { ImportResult, RosterImportService } from './roster-import.service';

/** Largest upload accepted: a zipped OneRoster export (50 MB). */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * `POST /imports/oneroster?mode=all-or-nothing|valid-rows&dryRun=true|false[&districtId=…][&fileName=…]`, body:
 * the zip (`Content-Type: application/zip`). Answers the plan's counts, every issue, and (once, when applied)
 * the new students' initial PINs.
 */
@Controller('imports')
export class RosterImportController {
  constructor(
    private readonly imports: RosterImportService,
    private readonly tenancy: TenancyService,
  ) {}

  @Allow(ROSTER_IMPORTERS)
  @Post('oneroster')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async oneroster(
    @Req() req: HavenRequest,
    @Query('mode') mode = 'all-or-nothing',
    @Query('dryRun') dryRun = 'false',
    @Query('districtId') districtId?: string,
    @Query('fileName') fileName?: string,
  ): Promise<ImportResult> {
    checkRequest(req, mode, dryRun);
    const district = await this.imports.districtFor(req.actor!, districtId);
    if (!district) throw new NotFoundException('District was not found.');
    const bundle = await readBundle(req);
    return this.imports.run({ userId: req.actor!.userId }, district.id, bundle, {
      mode: mode as ImportMode,
      dryRun: dryRun === 'true',
      fileName: (fileName ?? 'oneroster.zip').slice(0, 255),
    });
  }

  /**
   * `POST /imports/oneroster/school?mode=…&dryRun=…[&schoolId=…][&fileName=…]`: the same import for a school
   * admin, applied to their own school(s) only. Rows about other schools or the district are reported as
   * warnings (`OUTSIDE_SCOPE`) and left alone.
   */
  @Allow(SCHOOL_ROSTER_IMPORTERS)
  @Post('oneroster/school')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async schoolOneroster(
    @Req() req: HavenRequest,
    @Query('mode') mode = 'all-or-nothing',
    @Query('dryRun') dryRun = 'false',
    @Query('schoolId') schoolId?: string,
    @Query('fileName') fileName?: string,
  ): Promise<ImportResult> {
    checkRequest(req, mode, dryRun);
    const scope = await this.tenancy.rosterImportSchools(req.actor!, schoolId);
    if (!scope) throw new NotFoundException('School was not found.');
    const bundle = await readBundle(req);
    return this.imports.run({ userId: req.actor!.userId }, scope.districtId, bundle, {
      mode: mode as ImportMode,
      dryRun: dryRun === 'true',
      fileName: (fileName ?? 'oneroster.zip').slice(0, 255),
      scope: { schools: scope.schools.map((s) => ({ id: s.id, code: s.code })) },
    });
  }
}

/** What every import request must carry: a zip upload (`checkZipUpload`), a known mode and dry-run flag. */
function checkRequest(req: HavenRequest, mode: string, dryRun: string): void {
  checkZipUpload(req);
  if (mode !== 'all-or-nothing' && mode !== 'valid-rows')
    throw new BadRequestException('mode is all-or-nothing or valid-rows');
  if (dryRun !== 'true' && dryRun !== 'false') throw new BadRequestException('dryRun is true or false');
}

async function readBundle(req: HavenRequest): Promise<OneRosterBundle> {
  const bytes = await readUpload(req, MAX_UPLOAD_BYTES);
  try {
    return bundleFromZip(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new BadRequestException(
      e instanceof RangeError ? e.message : 'The file is not a zip of OneRoster CSV files',
    );
  }
}
