// A keep-alive HTTPS client that trusts one server certificate: what tests use to talk to the webhook.

import { Agent, request } from 'node:https';

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export class HttpsClient {
  readonly agent: Agent;

  constructor(
    readonly baseUrl: string,
    ca: string,
    maxSockets = 8,
  ) {
    this.agent = new Agent({ keepAlive: true, ca, maxSockets });
  }

  send(method: string, path: string, body?: string | Buffer, contentType = 'application/json'): Promise<HttpReply> {
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(path, this.baseUrl),
        {
          method,
          agent: this.agent,
          headers: body === undefined ? {} : { 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** POSTs a JSON body and parses the JSON reply. */
  async post<T = unknown>(path: string, body: unknown): Promise<{ status: number; json: T }> {
    const reply = await this.send('POST', path, JSON.stringify(body));
    return { status: reply.status, json: JSON.parse(reply.text) as T };
  }

  close(): void {
    this.agent.destroy();
  }
}
