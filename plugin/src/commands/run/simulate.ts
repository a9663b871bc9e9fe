// The `simulate` command's work, loaded only when the command runs (see ../simulate.ts for its flags).

import { writeFile } from 'node:fs/promises';
import type { KubeObject } from '@kubectl-workload/api';
import { stateObjects } from '@kubectl-workload/cluster';
import { InvalidObjectError, NodeError, RequestsError } from '@kubectl-workload/simulator';
import { EXIT_FINDINGS, UserError } from '../../exit.js';
import { renderDocument } from '../../output/document.js';
import {
  runSimulateCommand,
  SimulateInputError,
  type ReportSelection,
  type SimulateOptions,
  type SimulateRun,
} from '../../simulate/report.js';
import { renderText } from '../../simulate/text.js';
import { applySimulation, asList } from '../../simulate/write-snapshot.js';
import { loadClusterView } from '../../status/cluster-view.js';
import { admissionRejections } from '../../whatif/admission.js';
import { readWhatIfManifests, withWhatIf } from '../../whatif/read.js';
import { reportSelection } from '../../whatif/selection.js';
import { synthesizeWhatIf } from '../../whatif/synthesize.js';
import { renderVerdicts, whatIfVerdict } from '../../whatif/verdict.js';
import { readSchedulerConfig, runGates, runKubeVersion } from '../../simulate/setup.js';
import type { SimulateArgs } from '../simulate.js';
import { asJson, renderPicture } from '../../picture/page.js';
import type { SimulationDocument } from '../../picture/model.js';

/** `--pod-group NAME` in the namespace of -n (else the context's), or `NAMESPACE/NAME` as given. */
function qualified(podGroup: string | undefined, namespace: string): { podGroup?: string } {
  if (podGroup === undefined) return {};
  return { podGroup: podGroup.includes('/') ? podGroup : `${namespace}/${podGroup}` };
}

function simulate(
  objects: KubeObject[],
  args: SimulateArgs,
  setup: Pick<SimulateOptions, 'gates' | 'schedulerConfig' | 'kubeVersion'>,
  source: string,
  now: string,
  include: ReportSelection | undefined,
  namespace: string,
): SimulateRun {
  try {
    return runSimulateCommand(objects, {
      now,
      preemption: args.preemption,
      ...(args.output === 'html' ? { picture: args['html-group-by'] ? { groupBy: args['html-group-by'] } : {} } : {}),
      ...setup,
      ...qualified(args['pod-group'], namespace),
      ...(include ? { include } : {}),
    });
  } catch (err) {
    if (err instanceof SimulateInputError) throw new UserError(err.message);
    if (err instanceof RequestsError || err instanceof NodeError || err instanceof InvalidObjectError)
      throw new UserError(`${source}: ${err.message}`);
    throw err;
  }
}

export async function runSimulate(args: SimulateArgs): Promise<void> {
  const manifests = args.filename.length ? await readWhatIfManifests(args.filename) : undefined;
  const config = await readSchedulerConfig(args['scheduler-config']);
  // The whole cluster: nodes carry pods of every namespace. `-n` only narrows what is reported.
  const view = await loadClusterView({ ...args, allNamespaces: true });
  const now = new Date().toISOString();
  const kubeVersion = await runKubeVersion(args['kube-version'], view.source, view.state);
  const rejected = manifests ? await admissionRejections(manifests, stateObjects(view.state), kubeVersion) : [];
  if (rejected.length) {
    throw new UserError(
      `the API server would reject what -f describes, so it was not simulated:\n${rejected.map((line) => `  ${line}`).join('\n')}`,
    );
  }
  const setup = {
    kubeVersion,
    gates: await runGates(args['feature-gates'], view.source, view.state, kubeVersion),
    ...(config ? { schedulerConfig: config } : {}),
  };
  const whatIf =
    manifests &&
    synthesizeWhatIf(manifests, view.namespace, now, {
      gates: setup.gates,
      kubeVersion,
      workloads: view.state.workloads,
    });
  const objects = whatIf ? withWhatIf(view.state, whatIf) : stateObjects(view.state);
  const narrowed = args.namespace !== undefined && !args.allNamespaces ? args.namespace : undefined;
  const include = reportSelection({ namespace: narrowed, whatIf: args['show-all'] ? undefined : whatIf });
  const source = 'client' in view.source ? `the cluster at ${view.source.client.server}` : view.source.snapshot;
  const run = simulate(objects, args, setup, source, now, include, view.namespace);
  const verdicts = whatIf?.units.map((unit) => whatIfVerdict(unit, run.result));
  if (args['write-snapshot'] !== undefined) {
    const out = args['write-snapshot'];
    const list = asList(applySimulation(objects, run.result, run.simulation));
    const text = renderDocument(list, out.endsWith('.json') ? 'json' : 'yaml');
    try {
      await writeFile(out, text);
    } catch (err) {
      throw new UserError(`cannot write --write-snapshot "${out}": ${(err as Error).message}`);
    }
  }
  // The verdicts come right after the header fields: the answer first.
  const { kind, schedulerVersion, mode, ...rest } = run.report;
  const report = verdicts ? { kind, schedulerVersion, mode, whatIf: verdicts, ...rest } : run.report;
  const { output } = args;
  process.stdout.write(
    output === 'text' || output === 'wide'
      ? `${verdicts ? renderVerdicts(verdicts) : ''}${renderText(run.report, { wide: output === 'wide' })}`
      : output === 'html'
        ? renderPicture(asJson(report) as SimulationDocument)
        : renderDocument(report, output),
  );
  if (verdicts?.some((v) => v.fits === false)) process.exitCode = EXIT_FINDINGS;
}
