// Reads an AdmissionReview body: the bytes once, one JSON.parse. express.json's layers (type-is,
// raw-body, iconv) cost more than evaluating a review. The API server sends uncompressed UTF-8
// JSON; other charsets and content encodings are refused (415) instead of converted, with
// body-parser's texts for the refusals it shared.

import type { IncomingMessage } from 'node:http';
import { failureBody } from './review-handler.js';
import type { FailureBody } from './review-handler.js';

/** The API server caps request bodies at 3 MiB; an AdmissionReview carries up to two objects of that. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** A body that cannot be read as JSON: the reply is this Status. */
export class BodyError extends Error {
  constructor(readonly body: FailureBody) {
    super(body.message);
  }
}

function tooLarge(): BodyError {
  return new BodyError(failureBody(413, 'RequestEntityTooLarge', `request body larger than ${MAX_BODY_BYTES} bytes`));
}

/** type-is counts a request without Content-Length or Transfer-Encoding as having no body (and so no type). */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
}

/** `application/json`, with any parameters; undefined when the request is not JSON at all. */
function jsonCharset(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const semicolon = contentType.indexOf(';');
  const mime = (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  if (mime !== 'application/json') return undefined;
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType)?.[1];
  return charset ? charset.toLowerCase() : 'utf-8';
}

/** Why the headers rule the body out before it is read, if they do. */
function headerProblem(req: IncomingMessage): FailureBody | undefined {
  const contentType = req.headers['content-type'];
  const charset = hasBody(req) ? jsonCharset(contentType) : undefined;
  if (charset === undefined) {
    return failureBody(415, 'UnsupportedMediaType', `expected Content-Type application/json, got ${JSON.stringify(contentType ?? '')}`);
  }
  if (charset !== 'utf-8') return failureBody(415, 'UnsupportedMediaType', `unsupported charset "${charset.toUpperCase()}"`);
  const encoding = req.headers['content-encoding']?.toLowerCase() ?? 'identity';
  if (encoding !== 'identity') return failureBody(415, 'UnsupportedMediaType', 'content encoding unsupported');
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return tooLarge().body;
  return undefined;
}

/** body-parser's reading of a JSON body: an empty body is `{}`, a leading byte-order mark is skipped. */
function parseJson(bytes: Buffer): unknown {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.length) return {};
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new BodyError(failureBody(400, 'BadRequest', `request body is not valid JSON: ${(err as Error).message}`));
  }
}

/** The parsed body, or a BodyError whose Status says what is wrong with it. */
export function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const problem = headerProblem(req);
  if (problem) return Promise.reject(new BodyError(problem));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      // A chunked body past the limit: stop reading it; the reply closes the connection.
      req.off('data', onData);
      req.pause();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => {
      try {
        resolve(parseJson(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
      } catch (err) {
        reject(err);
      }
    });
    req.once('error', () => reject(new BodyError(failureBody(400, 'BadRequest', 'request aborted'))));
  });
}
