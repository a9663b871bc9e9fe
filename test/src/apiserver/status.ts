// metav1.Status error bodies with the reasons and message texts of the real API server.

import { qualifiedName, type ServedResource } from './resources.js';

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string };
  code: number;
}

export function status(code: number, reason: string, message: string, details?: StatusBody['details']): StatusBody {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

export const unauthorized = (): StatusBody => status(401, 'Unauthorized', 'Unauthorized');

/** What the server says for a path no installed API serves (e.g. a group-version that is off). */
export const pathNotFound = (): StatusBody => status(404, 'NotFound', 'the server could not find the requested resource', {});

export function notFound(resource: ServedResource, name: string): StatusBody {
  return status(404, 'NotFound', `${qualifiedName(resource)} "${name}" not found`, {
    name,
    group: resource.group,
    kind: resource.resource,
  });
}

/** `podgroups.scheduling.k8s.io is forbidden: User "x" cannot list resource "podgroups" in API group "scheduling.k8s.io" in the namespace "ns"` */
export function forbidden(resource: ServedResource, verb: string, user: string, namespace: string | undefined, name?: string): StatusBody {
  const subject = name ? `${qualifiedName(resource)} "${name}"` : qualifiedName(resource);
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const message = `${subject} is forbidden: User "${user}" cannot ${verb} resource "${resource.resource}" in API group "${resource.group}" ${scope}`;
  return status(403, 'Forbidden', message, { ...(name ? { name } : {}), group: resource.group, kind: resource.resource });
}

export const badRequest = (message: string): StatusBody => status(400, 'BadRequest', message);

export const methodNotAllowed = (): StatusBody =>
  status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
