// Walking a 1.37 Workload's template tree: composite templates nest composite and pod group templates
// (api-rules-1.37.md §4). Paths are the API server's (`spec.compositePodGroupTemplates[0].podGroupTemplates[1]`).

import type { CompositePodGroupTemplate, PodGroupTemplate137, WorkloadSpec137 } from '@kubectl-workload/api';
import { listOf } from '../../validation/index.js';

export const COMPOSITES_PATH = 'spec.compositePodGroupTemplates';
export const PG_TEMPLATES_PATH = 'spec.podGroupTemplates';
/** WorkloadMaxTreeDepth: a top-level composite template is depth 1. */
export const MAX_TREE_DEPTH = 4;

export interface Located<T> {
  path: string;
  template: T;
  /** 1 for a top-level composite template. */
  depth: number;
}

/** Every composite template, depth first, parents before children. */
export function composites(spec: WorkloadSpec137 | undefined): Array<Located<CompositePodGroupTemplate>> {
  const out: Array<Located<CompositePodGroupTemplate>> = [];
  const visit = (list: readonly CompositePodGroupTemplate[], path: string, depth: number): void =>
    list.forEach((template, i) => {
      const at = `${path}[${i}]`;
      out.push({ path: at, template, depth });
      visit(listOf(template.compositePodGroupTemplates), `${at}.compositePodGroupTemplates`, depth + 1);
    });
  visit(listOf(spec?.compositePodGroupTemplates), COMPOSITES_PATH, 1);
  return out;
}

/** Every pod group template: the top-level ones, then those under each composite template. */
export function podGroupTemplates(spec: WorkloadSpec137 | undefined): Array<Located<PodGroupTemplate137>> {
  const top = listOf(spec?.podGroupTemplates).map((template, i) => ({ path: `${PG_TEMPLATES_PATH}[${i}]`, template, depth: 0 }));
  const nested = composites(spec).flatMap(({ path, template, depth }) =>
    listOf(template.podGroupTemplates).map((child, i) => ({ path: `${path}.podGroupTemplates[${i}]`, template: child, depth: depth + 1 })),
  );
  return [...top, ...nested];
}
