// The `explain` command's work, loaded only when the command runs (see ../explain.ts for its flags).

import { RequestsError, NodeError } from '@kubectl-workload/simulator';
import { explain } from '../../explain/chain.js';
import { eventsOf } from '../../explain/events.js';
import { explainDocument, renderExplainText } from '../../explain/render.js';
import { resolveTarget } from '../../explain/target.js';
import { EXIT_FINDINGS, EXIT_OK, UserError } from '../../exit.js';
import { colorEnabled, paletteFor } from '../../output/color.js';
import { renderDocument } from '../../output/document.js';
import { loadClusterView } from '../../status/cluster-view.js';
import { readSchedulerConfig, runGates, runKubeVersion } from '../../simulate/setup.js';
import type { ExplainArgs } from '../explain.js';
import { writeFile } from 'node:fs/promises';
import { asJson, renderPicture } from '../../picture/page.js';
import type { ExplanationDocument } from '../../picture/model.js';

async function writePicture(file: string, document: object): Promise<void> {
  const json = asJson(document) as ExplanationDocument;
  try {
    await writeFile(file, renderPicture(json));
  } catch (err) {
    throw new UserError(`--html ${file}: ${(err as Error).message}`);
  }
}

export async function runExplain(args: ExplainArgs): Promise<void> {
  // The whole cluster: nodes carry pods of every namespace, and the simulation must see them all.
  const view = await loadClusterView({ ...args, allNamespaces: true, withEvents: true, withKueue: true });
  const config = await readSchedulerConfig(args['scheduler-config']);
  const kubeVersion = await runKubeVersion(args['kube-version'], view.source, view.state);
  const gates = await runGates(args['feature-gates'], view.source, view.state, kubeVersion);
  const target = resolveTarget(args.target, args.allNamespaces ? undefined : view.namespace, view.state);
  const { events, warning } = eventsOf(view.state, target.ref.namespace);
  if (warning) process.stderr.write(`warning: ${warning}\n`);
  let diagnosis;
  try {
    diagnosis = explain(target, {
      state: view.state,
      events,
      now: new Date().toISOString(),
      preemption: args.preemption,
      setup: { gates, kubeVersion, ...(config ? { config } : {}), ...(args['html-group-by'] ? { groupBy: args['html-group-by'] } : {}) },
    });
  } catch (err) {
    if (err instanceof RequestsError || err instanceof NodeError) throw new UserError(err.message);
    throw err;
  }
  process.stdout.write(
    args.output === 'text' || args.output === 'wide'
      ? renderExplainText(diagnosis, paletteFor(colorEnabled(process.stdout)), { wide: args.output === 'wide' || args['show-all'] })
      : renderDocument(explainDocument(diagnosis), args.output),
  );
  if (args.html) await writePicture(args.html, explainDocument(diagnosis));
  process.exitCode = diagnosis.broken ? EXIT_FINDINGS : EXIT_OK;
}
