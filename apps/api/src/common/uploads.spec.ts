import { HttpException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PassThrough } from 'node:stream';
import { checkZipUpload, readUpload, sendsZip } from './uploads';

const request = (headers: Record<string, string>, body?: unknown): FastifyRequest =>
  ({ headers, body }) as unknown as FastifyRequest;

const statusOf = async (p: Promise<unknown>): Promise<number> => {
  try {
    await p;
    return 200;
  } catch (e) {
    return (e as HttpException).getStatus();
  }
};

describe('sendsZip', () => {
  it('accepts the zip content types, with parameters and in any case, and nothing else', () => {
    expect(sendsZip(request({ 'content-type': 'application/zip' }))).toBe(true);
    expect(sendsZip(request({ 'content-type': 'Application/X-Zip-Compressed; charset=binary' }))).toBe(true);
    expect(sendsZip(request({ 'content-type': 'application/octet-stream' }))).toBe(true);
    expect(sendsZip(request({ 'content-type': 'text/csv' }))).toBe(false);
    expect(sendsZip(request({}))).toBe(false);
  });
});

describe('checkZipUpload', () => {
  const statusOf = (headers: Record<string, string>): number => {
    try {
      checkZipUpload(request(headers));
      return 200;
    } catch (e) {
      return (e as HttpException).getStatus();
    }
  };

  it('asks for the CSRF header first (400), then a zip content type (415)', () => {
    expect(statusOf({ 'content-type': 'application/zip' })).toBe(400);
    expect(statusOf({ 'x-haven-csrf': '1', 'content-type': 'text/csv' })).toBe(415);
    expect(statusOf({ 'x-haven-csrf': '1', 'content-type': 'application/zip' })).toBe(200);
  });
});

describe('readUpload', () => {
  it('reads the whole body, in order', async () => {
    const body = new PassThrough();
    const read = readUpload(request({}, body), 10);
    body.write(Buffer.from('abc'));
    body.end(Buffer.from('def'));
    expect((await read).toString()).toBe('abcdef');
  });

  it('refuses a body whose Content-Length is over the limit without reading it (413)', async () => {
    const body = new PassThrough();
    const err = await readUpload(request({ 'content-length': '11' }, body), 10).catch((e) => e);
    expect(err).toBeInstanceOf(HttpException);
    expect((err as HttpException).getStatus()).toBe(413);
    expect((err as HttpException).message).toBe('The file is larger than 10 bytes');
    expect(body.listenerCount('data')).toBe(0);
  });

  it('stops reading a body that grows past the limit (413), and leaves it paused', async () => {
    const body = new PassThrough();
    const read = readUpload(request({}, body), 4);
    body.write(Buffer.from('abc'));
    body.write(Buffer.from('def'));
    expect(await statusOf(read)).toBe(413);
    expect(body.isPaused()).toBe(true);
    expect(body.listenerCount('data')).toBe(0);
  });

  it('answers 400 when the upload breaks off', async () => {
    const body = new PassThrough();
    const read = readUpload(request({}, body), 10);
    body.destroy(new Error('connection reset'));
    expect(await statusOf(read)).toBe(400);
  });

  it('reads an empty upload as no bytes', async () => {
    expect((await readUpload(request({}, undefined), 10)).length).toBe(0);
  });
});
