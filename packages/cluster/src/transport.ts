// How a request reaches the API server on top of client-node's undici stack, where kubectl differs:
// - --request-timeout is the one timeout, connecting (TCP and TLS) included, and 0 means none at all;
//   undici would otherwise give up a connect after 10 s and a silent response after 300 s.
// - Ports on the WHATWG fetch "bad port" list (6666, 6000, 10080, ...) are fetch's browser rule, not
//   kubectl's: fetch refuses such a URL before dispatching, so the request is addressed to the
//   scheme's default port and the dispatcher sends it to the real origin.

import type { DispatcherOptions, KubeConfig } from '@kubernetes/client-node';
import { getGlobalDispatcher, type Dispatcher } from 'undici';
import type { ClientNode } from './client-node.js';

/** https://fetch.spec.whatwg.org/#bad-port, as undici enforces it. */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117,
  119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
  989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** A KubeConfig whose dispatchers connect within `timeoutMs` (0: wait as long as it takes). */
export function timedKubeConfig(k8s: ClientNode, timeoutMs: number): KubeConfig {
  class TimedKubeConfig extends k8s.KubeConfig {
    override createDispatcherOptions(...args: Parameters<KubeConfig['createDispatcherOptions']>): DispatcherOptions {
      const options = super.createDispatcherOptions(...args);
      const timeout = { timeout: timeoutMs };
      switch (options.type) {
        case 'none':
          return { type: 'agent', connect: timeout };
        case 'agent':
          return { ...options, connect: { ...options.connect, ...timeout } };
        case 'proxy':
          return { ...options, connect: { ...options.connect, ...timeout }, requestTls: { ...options.requestTls, ...timeout } };
        case 'socks':
          return options;
      }
    }
  }
  return new TimedKubeConfig();
}

/**
 * The URL fetch is given and the dispatcher that carries it to `url`: responses are awaited
 * without undici's own limits (the caller's abort signal is --request-timeout).
 */
export function route(url: URL, dispatcher: Dispatcher = getGlobalDispatcher()): { url: string; dispatcher: Dispatcher } {
  const origin = url.origin;
  const addressed = new URL(url);
  if (BAD_PORTS.has(Number(url.port))) addressed.port = '';
  return {
    url: addressed.toString(),
    dispatcher: dispatcher.compose(
      (dispatch) => (options, handler) => dispatch({ ...options, origin, headersTimeout: 0, bodyTimeout: 0 }, handler),
    ),
  };
}
