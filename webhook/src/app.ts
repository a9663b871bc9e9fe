// The HTTP surface: POST /validate and /mutate (AdmissionReview JSON), /healthz, /readyz, /metrics.
// Every malformed request gets a 4xx meta/v1 Status naming the problem; nothing a client sends can
// make it answer 5xx.

import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Endpoint, WebhookMetrics } from './metrics.js';
import { failureBody } from './review-handler.js';
import type { FailureBody, ReviewHandler } from './review-handler.js';

/** The API server caps request bodies at 3 MiB; an AdmissionReview carries up to two objects of that. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface AppDependencies {
  handler: ReviewHandler;
  metrics: WebhookMetrics;
  logger: Logger;
  /** /readyz: lookups can answer and the server is not shutting down. */
  ready(): boolean;
}

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/** body-parser's error types (too large, bad JSON, aborted, bad charset) are the client's fault. */
function clientErrorBody(err: BodyParserError): FailureBody | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return failureBody(413, 'RequestEntityTooLarge', `request body larger than ${MAX_BODY_BYTES} bytes`);
    case 'entity.parse.failed':
      return failureBody(400, 'BadRequest', `request body is not valid JSON: ${err.message}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return failureBody(415, 'UnsupportedMediaType', err.message);
  }
  if (err.status !== undefined && err.status >= 400 && err.status < 500) return failureBody(err.status, 'BadRequest', err.message);
  return undefined;
}

function reviewRoute(endpoint: Endpoint, deps: AppDependencies) {
  return async (req: Request, res: Response): Promise<void> => {
    if (!req.is('application/json')) {
      res.status(415).json(failureBody(415, 'UnsupportedMediaType', `expected Content-Type application/json, got ${JSON.stringify(req.get('content-type') ?? '')}`));
      return;
    }
    const reply = await deps.handler.handle(endpoint, req.body);
    res.status(reply.status).json(reply.body);
  };
}

export function createApp(deps: AppDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const json = express.json({ limit: MAX_BODY_BYTES, strict: false, type: 'application/json' });
  app.post('/validate', json, reviewRoute('validate', deps));
  app.post('/mutate', json, reviewRoute('mutate', deps));
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  app.get('/readyz', (_req, res) => {
    const ready = deps.ready();
    res.status(ready ? 200 : 503).type('text/plain').send(ready ? 'ok' : 'not ready');
  });
  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  app.use((req, res) => {
    res.status(404).json(failureBody(404, 'NotFound', `no route for ${req.method} ${req.path}; POST /validate or /mutate`));
  });
  app.use((err: BodyParserError, req: Request, res: Response, _next: NextFunction) => {
    const body = clientErrorBody(err);
    if (body) {
      res.status(body.code).json(body);
      return;
    }
    deps.logger.error({ err, path: req.path }, 'unexpected error');
    res.status(500).json(failureBody(500, 'InternalError', 'internal error'));
  });
  return app;
}
