import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { BodyError, MAX_BODY_BYTES, readJsonBody } from './json-body.js';

/** A request stream with headers, as node's HTTP server hands it over. */
function request(headers: Record<string, string>, ...chunks: (string | Buffer)[]): IncomingMessage {
  const req = Readable.from(chunks.map((c) => Buffer.from(c))) as unknown as IncomingMessage;
  req.headers = headers;
  return req;
}

function sized(body: string, headers: Record<string, string> = {}): IncomingMessage {
  return request({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers }, body);
}

async function refusal(req: IncomingMessage): Promise<{ code: number; message: string }> {
  const err: unknown = await readJsonBody(req).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof BodyError)) throw new Error(`expected a BodyError, got ${String(err)}`);
  return { code: err.body.code, message: err.body.message };
}

describe('readJsonBody', () => {
  it('parses a body split over chunks, with charset and a byte-order mark', async () => {
    const req = request({ 'content-type': 'application/json; charset=UTF-8', 'transfer-encoding': 'chunked' }, '\ufeff{"a":', '[1,2]}');
    await expect(readJsonBody(req)).resolves.toEqual({ a: [1, 2] });
  });

  it('reads an empty body as {} like body-parser, so the review check names what is missing', async () => {
    await expect(readJsonBody(sized(''))).resolves.toEqual({});
  });

  it.each([
    ['not JSON', sized('{"a": '), 400, /^request body is not valid JSON: /],
    ['another type', sized('{}', { 'content-type': 'text/plain' }), 415, /^expected Content-Type application\/json, got "text\/plain"$/],
    ['a +json type', sized('{}', { 'content-type': 'application/merge-patch+json' }), 415, /^expected Content-Type application\/json/],
    [
      'no body at all',
      request({ 'content-type': 'application/json' }),
      415,
      /^expected Content-Type application\/json, got "application\/json"$/,
    ],
    ['another charset', sized('{}', { 'content-type': 'application/json; charset=latin1' }), 415, /^unsupported charset "LATIN1"$/],
    ['a compressed body', sized('{}', { 'content-encoding': 'gzip' }), 415, /^content encoding unsupported$/],
    [
      'a declared length over 3 MiB',
      sized('{}', { 'content-length': String(MAX_BODY_BYTES + 1) }),
      413,
      /^request body larger than 3145728 bytes$/,
    ],
  ])('refuses %s', async (_name, req, code, message) => {
    const refused = await refusal(req);
    expect(refused.code).toBe(code);
    expect(refused.message).toMatch(message);
  });

  it('stops reading a chunked body once it passes 3 MiB', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const req = request({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunk, chunk, chunk, chunk);
    expect((await refusal(req)).code).toBe(413);
  });
});
