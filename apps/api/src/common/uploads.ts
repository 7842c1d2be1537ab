import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';

/** The content types an upload (a zip) may be sent with. Their bodies are not read before the route runs. */
export const UPLOAD_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

/** `X-Haven-CSRF: 1`: a header a cross-site form cannot send, so a signed-in user cannot be made to upload. */
export const CSRF_HEADER = 'x-haven-csrf';

/** Whether the request says it carries a zip. */
export function sendsZip(req: FastifyRequest): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return UPLOAD_TYPES.includes(type);
}

/**
 * The bytes of an upload, at most `limit` bytes (413 beyond, told by Content-Length or counted while reading).
 * Called by the route, after the policy guard: the body is the unread request stream (see bootstrap).
 */
export async function readUpload(req: FastifyRequest, limit: number, limitText: string): Promise<Buffer> {
  const tooLarge = (): HttpException =>
    new HttpException(`The file is larger than ${limitText}`, HttpStatus.PAYLOAD_TOO_LARGE);
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
