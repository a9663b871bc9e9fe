// The `convert` command's work, loaded only when the command runs (see ../convert.ts for its flags).

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect, loadClusterState, sourceFromOptions } from '@kubectl-workload/cluster';
import { exportCluster, type ClusterObjects } from '../../convert/cluster-export.js';
import {
  convertDocuments,
  ConvertInputError,
  parseInputs,
  asJsonDocument,
  toYamlStream,
  type ObjectReport,
} from '../../convert/convert-documents.js';
import { InputError, inputWarnings, readSources } from '../../input/sources.js';
import { EXIT_FINDINGS, EXIT_OK, UserError } from '../../exit.js';
import { renderDocument } from '../../output/document.js';
import type { ConvertArgs } from '../convert.js';

function reportLines(reports: readonly ObjectReport[]): string[] {
  const lines: string[] = [];
  for (const report of reports) {
    const object = `${report.kind} ${report.namespace ? `${report.namespace}/` : ''}${report.name}`;
    if (report.decisions.length) {
      lines.push(`${report.file}: ${object}: needs a decision, left as v1alpha2:`);
      for (const decision of report.decisions) lines.push(`  ✗ ${decision.field}: ${decision.message}`);
    } else {
      lines.push(`${report.file}: ${object}:`);
      for (const change of report.changes) lines.push(`  - ${change}`);
    }
  }
  const open = reports.filter((r) => r.decisions.length).length;
  lines.push(
    `converted ${reports.length - open} of ${reports.length} v1alpha2 objects${open ? `; ${open} need${open === 1 ? 's' : ''} a decision` : ''}`,
  );
  return lines;
}

function exitCodeOf(reports: readonly ObjectReport[]): number {
  return reports.some((r) => r.decisions.length) ? EXIT_FINDINGS : EXIT_OK;
}

async function convertFiles(args: ConvertArgs): Promise<void> {
  if (args.filename.length === 0) throw new UserError('no input: give -f FILE|DIR|- (or --from-cluster to read a cluster)');
  let converted;
  const charts: string[] = [];
  try {
    const sources = await readSources(args.filename, process.stdin, { charts });
    for (const warning of inputWarnings(sources, charts, 'convert')) process.stderr.write(`warning: ${warning}\n`);
    converted = convertDocuments(parseInputs(sources), args.to);
  } catch (err) {
    if (err instanceof ConvertInputError || err instanceof InputError) throw new UserError(err.message);
    throw err;
  }
  process.stdout.write(
    args.output === 'json' ? renderDocument(asJsonDocument(converted.documents), 'json') : toYamlStream(converted.documents),
  );
  process.stderr.write(reportLines(converted.reports).join('\n') + '\n');
  process.exitCode = exitCodeOf(converted.reports);
}

async function clusterObjects(args: ConvertArgs): Promise<ClusterObjects> {
  // An upgrade concerns the whole cluster: every namespace unless -n names one.
  const options = { ...args, allNamespaces: args.allNamespaces ?? args.namespace === undefined };
  if (args.snapshot !== undefined) return loadClusterState(await sourceFromOptions(options));
  const client = await connect(options);
  const [workloads, podGroups, priorityClasses] = await Promise.all([
    client.list('Workload'),
    client.list('PodGroup'),
    client.list('PriorityClass'),
  ]);
  return { workloads, podGroups, priorityClasses };
}

async function convertCluster(args: ConvertArgs): Promise<void> {
  const dir = args.outputDir;
  if (dir === undefined) throw new UserError('--from-cluster needs --output-dir DIR for the 1.37 manifests');
  if (args.filename.length) throw new UserError('--from-cluster reads the cluster: give either -f or --from-cluster, not both');
  const result = exportCluster(await clusterObjects(args), args.to);
  await mkdir(dir, { recursive: true });
  for (const file of result.files) await writeFile(join(dir, file.name), file.text);
  const out: string[] = [];
  if (result.reports.length === 0) out.push('No scheduling.k8s.io/v1alpha2 Workloads or PodGroups found: nothing to delete or recreate.');
  else {
    out.push(`Delete these ${result.reports.length} v1alpha2 objects before upgrading to 1.37 (it cannot read them: MIG-01, MIG-02):`);
    out.push(...result.deleteCommands.map((line) => `  ${line}`));
    out.push('', `Wrote the 1.37 manifests (${args.to}) to ${dir}, in the order to create them:`);
    out.push(...result.files.map((file) => `  ${join(dir, file.name)} (${file.count} objects)`));
  }
  if (result.jobOwned.length) {
    out.push('', 'Owned by a Job: the 1.37 Job controller recreates these itself, but only for Jobs that have not started (MIG-06):');
    out.push(...result.jobOwned.map((name) => `  ${name}`));
  }
  out.push('', 'Checklist:', ...result.checklist.map((step, i) => `  ${i + 1}. ${step}`));
  process.stdout.write(out.join('\n') + '\n');
  if (result.reports.length) process.stderr.write(reportLines(result.reports).join('\n') + '\n');
  process.exitCode = exitCodeOf(result.reports);
}

export async function runConvert(args: ConvertArgs): Promise<void> {
  await (args.fromCluster ? convertCluster(args) : convertFiles(args));
}
