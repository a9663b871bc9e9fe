// The baseline for webhook-bench.ts: the same stack (node:https with a self-signed RSA 2048 / SHA-256
// certificate, express 5, express.json with the 3 MiB limit) answering every review allowed: true.
//   node bare-server.ts PORT
import { createServer } from 'node:https';
import express from 'express';
import { generate } from 'selfsigned';

const port = Number(process.argv[2]);
const pems = await generate([{ name: 'commonName', value: 'bare' }], { algorithm: 'sha256', keySize: 2048 });
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
const answer = (req: express.Request, res: express.Response): void => {
  const uid = (req.body as { request?: { uid?: string } } | undefined)?.request?.uid ?? '';
  res.json({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid, allowed: true } });
};
const json = express.json({ limit: 3 * 1024 * 1024, type: 'application/json' });
app.post('/validate', json, answer);
app.post('/mutate', json, answer);
createServer({ cert: pems.cert, key: pems.private, minVersion: 'TLSv1.2' }, app).listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${port}\n`);
});
