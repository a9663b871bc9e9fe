// @kubernetes/client-node is large (hundreds of modules): load it on first use, so importing this
// package (for the flag builders) costs the plugin's fast commands nothing.

export type ClientNode = typeof import('@kubernetes/client-node');

let loading: Promise<ClientNode> | undefined;

export function loadClientNode(): Promise<ClientNode> {
  loading ??= import('@kubernetes/client-node');
  return loading;
}
