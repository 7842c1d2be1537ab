import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { STAFF_ROLES } from '@haven/domain';
import { GraphQLError } from 'graphql';
import type { FastifyReply } from 'fastify';
import { Allow } from '../auth/policy.decorator';
import type { HavenRequest } from '../auth/request-context';
import { checkZipUpload, readUpload } from '../common/uploads';
import { UUID_PATTERN } from '../tenancy/tenancy.service';
import { AuthoringService } from './authoring.service';

/** Largest module zip accepted (10 MB). unpackModuleZip also bounds the unpacked size. */
const MAX_MODULE_ZIP_BYTES = 10 * 1024 * 1024;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION = /^\d+\.\d+\.\d+$/;

/** GraphQL errors from the service, as the HTTP status a download or upload client expects. */
function httpError(e: unknown): never {
  if (e instanceof GraphQLError) {
    const code = e.extensions?.code;
    if (code === 'NOT_FOUND') throw new NotFoundException(e.message);
    if (code === 'FORBIDDEN') throw new HttpException(e.message, HttpStatus.FORBIDDEN);
    if (code === 'CONFLICT') throw new HttpException(e.message, HttpStatus.CONFLICT);
    if (code === 'BAD_USER_INPUT') throw new BadRequestException(e.message);
  }
  throw e;
}

function sendZip(res: FastifyReply, name: string, zip: Uint8Array): void {
  void res
    .header('Content-Type', 'application/zip')
    .header('Content-Disposition', `attachment; filename="${name}"`)
    .header('Cache-Control', 'no-store')
    .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
}

/**
 * Content files in and out of the platform:
 * - `GET /exports/modules/<module>/<version>.zip`: a published version's files (any staff member);
 * - `GET /exports/drafts/<id>.zip`: a draft's files (who may see the draft);
 * - `POST /imports/modules` with a zip body (`X-Haven-CSRF: 1`): a new draft (authors).
 */
@Controller()
export class ModuleFilesController {
  constructor(private readonly authoring: AuthoringService) {}

  @Allow(STAFF_ROLES)
  @Get('exports/modules/:moduleId/:file')
  async exportVersion(
    @Param('moduleId') moduleId: string,
    @Param('file') file: string,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const version = file.replace(/\.zip$/, '');
    if (!SLUG.test(moduleId) || !VERSION.test(version) || !file.endsWith('.zip'))
      throw new NotFoundException('Ask for /exports/modules/<module>/<version>.zip');
    const zip = await this.authoring.exportVersion(moduleId, version).catch(httpError);
    sendZip(res, `${moduleId}@${version}.zip`, zip);
  }

  @Allow(['author', 'reviewer'])
  @Get('exports/drafts/:file')
  async exportDraft(
    @Param('file') file: string,
    @Req() req: HavenRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const id = file.replace(/\.zip$/, '');
    if (!UUID_PATTERN.test(id)) throw new NotFoundException('Draft was not found.');
    const { moduleId, zip } = await this.authoring.exportDraft(req.actor!, id).catch(httpError);
    sendZip(res, `${moduleId}-draft.zip`, zip);
  }

  @Allow(['author'])
  @Post('imports/modules')
  @HttpCode(201)
  async importZip(
    @Req() req: HavenRequest,
    @Query('districtId') districtId?: string,
  ): Promise<{ draftId: string; moduleId: string }> {
    checkZipUpload(req);
    if (districtId !== undefined && !UUID_PATTERN.test(districtId))
      throw new BadRequestException('districtId must be an id');
    const bytes = await readUpload(req, MAX_MODULE_ZIP_BYTES);
    const draft = await this.authoring
      .importFiles(req.actor!, {
        zip: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        districtId,
      })
      .catch(httpError);
    return { draftId: draft.id, moduleId: draft.moduleId };
  }
}
