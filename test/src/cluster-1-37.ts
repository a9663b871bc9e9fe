// Fixture objects as a Kubernetes 1.37 cluster holds them, for e2e tests against the test API server
// serving scheduling.k8s.io/v1beta1.

import type { KubeObject } from '@kubectl-workload/api';

/** A v1alpha2 scheduling object in v1beta1, its template reference as workloadRef; other objects as they are. */
export function asV1beta1(obj: KubeObject): KubeObject {
  if (obj.apiVersion !== 'scheduling.k8s.io/v1alpha2') return obj;
  const copy = structuredClone(obj) as KubeObject & { spec?: Record<string, unknown> };
  copy.apiVersion = 'scheduling.k8s.io/v1beta1';
  const ref = (copy.spec?.podGroupTemplateRef as { workload?: { workloadName?: string; podGroupTemplateName?: string } } | undefined)
    ?.workload;
  if (copy.spec && ref) {
    delete copy.spec.podGroupTemplateRef;
    copy.spec.workloadRef = { workloadName: ref.workloadName, templateName: ref.podGroupTemplateName };
  }
  return copy;
}
