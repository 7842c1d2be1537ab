import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';

/** The content types an upload (a zip) may be sent with. Their bodies are not read before the route runs. */
export const UPLOAD_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

/** `X-Haven-CSRF: 1`: a header a cross-site form cannot send, so a signed-in user cannot be made to upload. */
export const CSRF_HEADER = 'x-haven-csrf';

const MB = 1024 * 1024;

/** Whether the request says it carries a zip. */
export function sendsZip(req: FastifyRequest): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return UPLOAD_TYPES.includes(type);
}

/** What every zip upload must carry: the CSRF header (400 without) and a zip content type (415 otherwise). */
export function checkZipUpload(req: FastifyRequest): void {
  if (req.headers[CSRF_HEADER] !== '1')
    throw new BadRequestException('Send the header X-Haven-CSRF: 1 with an import');
  if (!sendsZip(req))
    throw new HttpException(
      'Send the zip with Content-Type: application/zip',
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    );
}

/** A size limit as people read it: `50mb`, or `10 bytes`. */
const sizeText = (bytes: number): string => (bytes % MB === 0 ? `${bytes / MB}mb` : `${bytes} bytes`);

/**
 * The bytes of an upload, at most `limit` bytes (413 beyond, told by Content-Length or counted while reading).
 * Called by the route, after the policy guard: the body is the unread request stream (see bootstrap).
 */
export async function readUpload(req: FastifyRequest, limit: number): Promise<Buffer> {
  const tooLarge = (): HttpException =>
    new HttpException(`The file is larger than ${sizeText(limit)}`, HttpStatus.PAYLOAD_TOO_LARGE);
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge();
  const body = req.body as Readable | undefined;
  if (!body || typeof body.on !== 'function') return Buffer.alloc(0);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error?: HttpException): void => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      if (error) {
        // Stop reading; Node discards the rest of the body once the answer is sent.
        body.pause();
        reject(error);
      }
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) stop(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (): void => stop(new BadRequestException('The upload could not be read'));
    body.on('data', onData);
    body.on('end', onEnd);
    body.on('error', onError);
  });
}
