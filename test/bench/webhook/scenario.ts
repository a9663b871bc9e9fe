// The webhook benchmarks' scenario: a snapshot with a Workload, its 64-pod gang PodGroup and the
// Job, PriorityClass and pods around it, and three realistic reviews against it: a Pod in the
// PodGroup (X-15..X-19 read the PodGroup and its 64 pods), a PodGroup created from the Workload's
// template (X-01..X-14 read the Workload), and that PodGroup's /mutate (filled from the template).

const NS = 'ml';

const workload = {
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'Workload',
  metadata: { name: 'training', namespace: NS, uid: 'w-uid' },
  spec: {
    controllerRef: { apiGroup: 'batch', kind: 'Job', name: 'training' },
    podGroupTemplates: [
      { name: 'driver', schedulingPolicy: { basic: {} } },
      {
        name: 'workers',
        schedulingPolicy: { gang: { minCount: 64 } },
        priorityClassName: 'training-high',
        priority: 1000,
        disruptionMode: 'PodGroup',
      },
    ],
  },
};
const groupSpec = {
  podGroupTemplateRef: { workload: { workloadName: 'training', podGroupTemplateName: 'workers' } },
  schedulingPolicy: { gang: { minCount: 64 } },
  priorityClassName: 'training-high',
  priority: 1000,
  disruptionMode: 'PodGroup',
};
const podGroup = {
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'PodGroup',
  metadata: { name: 'training-workers', namespace: NS },
  spec: groupSpec,
};
const pod = (i: number) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `training-${i}`, namespace: NS, labels: { app: 'training' } },
  spec: {
    schedulingGroup: { podGroupName: 'training-workers' },
    priorityClassName: 'training-high',
    priority: 1000,
    schedulerName: 'default-scheduler',
    containers: [
      {
        name: 'main',
        image: 'registry.example/trainer:1.0',
        resources: { requests: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': '1' } },
      },
    ],
  },
});
export const snapshot = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'training-high' }, value: 1000 },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'training', namespace: NS },
      spec: { parallelism: 64, completions: 64, completionMode: 'Indexed' },
    },
    workload,
    podGroup,
    ...Array.from({ length: 64 }, (_, i) => pod(i)),
  ],
};

export function review(object: object, name: string): string {
  const [group, version] = (object as { apiVersion: string }).apiVersion.includes('/')
    ? (object as { apiVersion: string }).apiVersion.split('/')
    : ['', 'v1'];
  return JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: '705ab4f5-6393-11e8-b7cc-42010a800002',
      kind: { group, version, kind: (object as { kind: string }).kind },
      operation: 'CREATE',
      name,
      namespace: NS,
      object,
      oldObject: null,
      dryRun: false,
      userInfo: {
        username: 'system:serviceaccount:kube-system:job-controller',
        groups: ['system:serviceaccounts', 'system:authenticated'],
      },
    },
  });
}

export const headers = { 'content-type': 'application/json' };
export const REQUESTS = [
  { method: 'POST', path: '/validate', headers, body: review(pod(64), 'training-64') },
  {
    method: 'POST',
    path: '/validate',
    headers,
    body: review({ ...podGroup, metadata: { name: 'training-workers-2', namespace: NS } }, 'training-workers-2'),
  },
  {
    method: 'POST',
    path: '/mutate',
    headers,
    body: review(
      {
        ...podGroup,
        metadata: { name: 'training-workers-3', namespace: NS },
        spec: { podGroupTemplateRef: groupSpec.podGroupTemplateRef },
      },
      'training-workers-3',
    ),
  },
];
