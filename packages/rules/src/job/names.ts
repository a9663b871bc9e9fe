// Names the v1.36 Job controller gives the Workload, its template and the PodGroup it creates for
// a gang-qualified Job (spec api-rules JOB-04, JOB-05, JOB-08).

import type { Job } from '@kubectl-workload/api';

/** DNS-1123 subdomain limit (validation.DNS1123SubdomainMaxLength). */
const SUBDOMAIN_MAX = 253;

/** k8s.io/apimachinery pkg/util/rand alphabet: no vowels, no digits that look like letters. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** FNV-1a, 32 bit, over the UTF-8 bytes of `text` (Go hash/fnv New32a). */
export function fnv32a(text: string): number {
  let hash = FNV32_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV32_PRIME) >>> 0;
  }
  return hash;
}

/** rand.SafeEncodeString: each character mapped through the alphabet by code point modulo 27. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const ch of text) out += SAFE_ALPHABET.charAt((ch.codePointAt(0) ?? 0) % SAFE_ALPHABET.length);
  return out;
}

/** The name suffix the controller derives from a hash: SafeEncodeString of its decimal form. */
function encodedHash(hash: number): string {
  return safeEncodeString(String(hash));
}

/**
 * What `hashutil.DeepHashObject(hasher, job.UID)` writes into the hasher: spew's `%#v` of a
 * `types.UID`, i.e. the type in parentheses followed by the bare string.
 * INFORMATIVE (api-rules §9): this rendering was not re-derived from the v1.36 sources, so concrete
 * Workload names are a best guess; the pattern `<job>-[456789bcdf]{1,10}` is certain.
 */
function uidHashInput(uid: string): string {
  return `(types.UID)${uid}`;
}

/**
 * JOB-04: `<job-name>-<h>`, h = SafeEncodeString(decimal FNV-32a of the Job UID), the job name cut
 * so the whole name fits 253. Without a UID (a manifest not yet created) the empty UID is hashed:
 * the API server assigns the UID, so only the pattern is meaningful then (see workloadNamePattern).
 */
export function workloadNameForJob(job: Job): string {
  const hash = encodedHash(fnv32a(uidHashInput(job.metadata?.uid ?? '')));
  const prefix = (job.metadata?.name ?? '').slice(0, SUBDOMAIN_MAX - hash.length - 1);
  return `${prefix}-${hash}`;
}

/** Whether `name` has the JOB-04 shape for a Job called `jobName`, whatever the Job's UID. */
export function isWorkloadNameForJob(name: string, jobName: string): boolean {
  const match = /^(.*)-([456789bcdf]{1,10})$/.exec(name);
  if (!match) return false;
  const [, prefix = '', hash = ''] = match;
  return prefix === jobName.slice(0, SUBDOMAIN_MAX - hash.length - 1);
}

/**
 * JOB-05: the single template `<job-name>-pgt-0`. The job name is NOT truncated upstream, so a name
 * longer than 57 characters yields an invalid (>63) DNS label — X-23 warns about it.
 */
export function podGroupTemplateNameForJob(job: Job): string {
  return `${job.metadata?.name ?? ''}-pgt-0`;
}

/**
 * JOB-08: `<workload>-<template>-<h2>`, h2 = SafeEncodeString(decimal FNV-32a over the bytes of
 * workloadName followed by templateName). When both parts do not fit in 253 - len(h2) - 2, a part
 * within half the room keeps its length and the other gets the rest; if both exceed half, the
 * workload part gets the odd extra character. Names are DNS names, so characters are bytes here.
 */
export function podGroupNameFor(workloadName: string, templateName: string): string {
  const hash = encodedHash(fnv32a(workloadName + templateName));
  const room = SUBDOMAIN_MAX - hash.length - 2;
  let wl = workloadName;
  let tpl = templateName;
  if (wl.length + tpl.length > room) {
    const half = Math.floor(room / 2);
    if (wl.length <= half) tpl = tpl.slice(0, room - wl.length);
    else if (tpl.length <= half) wl = wl.slice(0, room - tpl.length);
    else {
      wl = wl.slice(0, room - half);
      tpl = tpl.slice(0, half);
    }
  }
  return `${wl}-${tpl}-${hash}`;
}
