// POST /validate and /mutate, answered on node's request and response directly: the hot path.
// Going through express (router, body-parser, res.json) cost about as much as the review itself;
// every other route still goes to the express app.

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { BodyError, readJsonBody } from './json-body.js';
import type { Endpoint } from './metrics.js';
import { failureBody } from './review-handler.js';
import type { ReviewHandler } from './review-handler.js';

/**
 * The review endpoint a request is for, matched like express routes: query string ignored (the
 * API server appends `?timeout=10s`), case-insensitive, one trailing slash allowed.
 */
export function reviewEndpointOf(method: string | undefined, url: string | undefined): Endpoint | undefined {
  if (method !== 'POST' || url === undefined) return undefined;
  const query = url.indexOf('?');
  let path = (query < 0 ? url : url.slice(0, query)).toLowerCase();
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path === '/validate' ? 'validate' : path === '/mutate' ? 'mutate' : undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function answerReview(
  endpoint: Endpoint,
  req: IncomingMessage,
  res: ServerResponse,
  handler: ReviewHandler,
  logger: Logger,
): Promise<void> {
  try {
    const reply = await handler.handle(endpoint, await readJsonBody(req));
    sendJson(res, reply.status, reply.body);
  } catch (err) {
    if (err instanceof BodyError) {
      // A body cut off past the limit is still arriving: close rather than read the rest.
      if (err.body.code === 413) res.setHeader('Connection', 'close');
      sendJson(res, err.body.code, err.body);
      return;
    }
    logger.error({ err, path: req.url }, 'unexpected error');
    sendJson(res, 500, failureBody(500, 'InternalError', 'internal error'));
  }
}

/** Reviews on the hot path, everything else to `others` (the express app). */
export function reviewListener(handler: ReviewHandler, logger: Logger, others: RequestListener): RequestListener {
  return (req, res) => {
    const endpoint = reviewEndpointOf(req.method, req.url);
    if (endpoint) void answerReview(endpoint, req, res, handler, logger);
    else others(req, res);
  };
}
