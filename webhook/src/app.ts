// The HTTP surface: POST /validate and /mutate (AdmissionReview JSON), /healthz, /readyz, /metrics.
// Every malformed request gets a 4xx meta/v1 Status naming the problem; nothing a client sends can
// make it answer 5xx.

import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { RequestListener } from 'node:http';
import type { Logger } from 'pino';
import type { WebhookMetrics } from './metrics.js';
import { failureBody } from './review-handler.js';
import type { ReviewHandler } from './review-handler.js';
import { reviewListener } from './review-route.js';

export interface AppDependencies {
  handler: ReviewHandler;
  metrics: WebhookMetrics;
  logger: Logger;
  /** /readyz: lookups can answer and the server is not shutting down. */
  ready(): boolean;
}

/** The server's request listener: reviews on their own hot path (review-route.ts), the rest on express. */
export function createRequestListener(deps: AppDependencies): RequestListener {
  return reviewListener(deps.handler, deps.logger, createApp(deps));
}

function createApp(deps: AppDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  app.get('/readyz', (_req, res) => {
    const ready = deps.ready();
    res
      .status(ready ? 200 : 503)
      .type('text/plain')
      .send(ready ? 'ok' : 'not ready');
  });
  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  app.use((req, res) => {
    res.status(404).json(failureBody(404, 'NotFound', `no route for ${req.method} ${req.path}; POST /validate or /mutate`));
  });
  app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
    deps.logger.error({ err, path: req.path }, 'unexpected error');
    res.status(500).json(failureBody(500, 'InternalError', 'internal error'));
  });
  return app;
}
