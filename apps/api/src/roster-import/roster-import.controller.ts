import {
  BadRequestException,
  Controller,
  Header,
  HttpCode,
  HttpException,
  HttpStatus,
  NotFoundException,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { raw, type Response } from 'express';
import { bundleFromZip, type OneRosterBundle } from '@haven/oneroster';
import { Allow } from '../auth/policy.decorator';
import type { HavenRequest } from '../auth/request-context';
import type { ImportMode } from './roster-import.entities';
import { ROSTER_IMPORTERS } from './roster-import.resolver';
import { ImportResult, RosterImportService } from './roster-import.service';

/** Largest upload accepted: a zipped OneRoster export. */
export const MAX_UPLOAD = '50mb';

/** `X-Haven-CSRF: 1`: a header a cross-site form cannot send, so a signed-in admin cannot be made to import. */
export const CSRF_HEADER = 'x-haven-csrf';

const readZip = raw({ type: () => true, limit: MAX_UPLOAD });

/** Reads the body with `express.raw`, for this route only (after the policy guard has let the caller in). */
function rawBody(req: HavenRequest, res: Response): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    readZip(req, res, (err?: unknown) => {
      if (err) {
        const status = (err as { status?: number }).status;
        reject(
          status === 413
            ? new HttpException(`The file is larger than ${MAX_UPLOAD}`, HttpStatus.PAYLOAD_TOO_LARGE)
            : new BadRequestException('The upload could not be read'),
        );
      } else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    });
  });
}

/**
 * `POST /imports/oneroster?mode=all-or-nothing|valid-rows&dryRun=true|false[&districtId=…][&fileName=…]`, body:
 * the zip (`Content-Type: application/zip`). Answers the plan's counts, every issue, and (once, when applied)
 * the new students' initial PINs.
 */
@Controller('imports')
export class RosterImportController {
  constructor(private readonly imports: RosterImportService) {}

  @Allow(ROSTER_IMPORTERS)
  @Post('oneroster')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async oneroster(
    @Req() req: HavenRequest,
    @Res({ passthrough: true }) res: Response,
    @Query('mode') mode = 'all-or-nothing',
    @Query('dryRun') dryRun = 'false',
    @Query('districtId') districtId?: string,
    @Query('fileName') fileName?: string,
  ): Promise<ImportResult> {
    if (req.headers[CSRF_HEADER] !== '1')
      throw new BadRequestException(`Send the header X-Haven-CSRF: 1 with an import`);
    if (mode !== 'all-or-nothing' && mode !== 'valid-rows')
      throw new BadRequestException('mode is all-or-nothing or valid-rows');
    if (dryRun !== 'true' && dryRun !== 'false') throw new BadRequestException('dryRun is true or false');
    if (!req.is(['application/zip', 'application/x-zip-compressed', 'application/octet-stream']))
      throw new HttpException(
        'Send the zip with Content-Type: application/zip',
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    const district = await this.imports.districtFor(req.actor!, districtId);
    if (!district) throw new NotFoundException('District was not found.');
    const bytes = await rawBody(req, res);
    let bundle: OneRosterBundle;
    try {
      bundle = bundleFromZip(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (e) {
      throw new BadRequestException(
        e instanceof RangeError ? e.message : 'The file is not a zip of OneRoster CSV files',
      );
    }
    return this.imports.run({ userId: req.actor!.userId }, district.id, bundle, {
      mode: mode as ImportMode,
      dryRun: dryRun === 'true',
      fileName: (fileName ?? 'oneroster.zip').slice(0, 255),
    });
  }
}
