// @kubernetes/client-node is large (hundreds of modules): load it on first use, so importing this
// package (for the flag builders) costs the plugin's fast commands nothing.

import type * as ClientNodeModule from '@kubernetes/client-node';

export type ClientNode = typeof ClientNodeModule;

let loading: Promise<ClientNode> | undefined;

export function loadClientNode(): Promise<ClientNode> {
  loading ??= import('@kubernetes/client-node');
  return loading;
}
