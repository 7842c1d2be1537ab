import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROLES } from '@haven/domain';
import { IMAGE_PATH } from '@haven/curriculum';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Allow } from '../auth/policy.decorator';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION = /^[0-9A-Za-z.+-]{1,40}$/;

/**
 * `GET /media/<module>/<version>/<name>.svg`: a lesson image of a published module version (its
 * `images/<name>.svg`), for anyone signed in. A version never changes, so the answer may be cached for good.
 * A version's files are stored only once they validate, so the SVG passed `svgProblem` then; it is sent with a
 * CSP that sandboxes it and allows no script or fetch, so even opened on its own it can do nothing.
 */
@Controller()
export class MediaController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Allow(ROLES)
  @Get('media/:moduleId/:version/:file')
  async image(
    @Param('moduleId') moduleId: string,
    @Param('version') version: string,
    @Param('file') file: string,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const path = `images/${file}`;
    if (!SLUG.test(moduleId) || !VERSION.test(version) || !IMAGE_PATH.test(path))
      throw new NotFoundException('No such image');
    const [row]: { svg: string | null }[] = await this.ds.query(
      `SELECT s.files ->> $3 AS svg FROM module_version v
         JOIN module_version_source s ON s.module_version_id = v.id
        WHERE v.module_id = $1 AND v.version = $2`,
      [moduleId, version, path],
    );
    if (!row?.svg) throw new NotFoundException('No such image');
    void res
      .header('Content-Type', 'image/svg+xml; charset=utf-8')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header('Cache-Control', 'private, max-age=31536000, immutable')
      .send(row.svg);
  }
}
