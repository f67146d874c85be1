// What the linkage rules read of a pod template, worked out once per object: the labels its pods carry and the
// ports its containers declare.
import type { PodTemplateView } from './contract';
import { isObject } from './json';

/**
 * A container port as a pod template declares it, with the container that declares it.
 *
 * @internal
 */
export interface DeclaredPort {
  readonly name?: string;
  readonly containerPort: unknown;
  /** The protocol, defaulted to TCP. */
  readonly protocol: string;
  readonly container: string;
}

/**
 * The labels and declared ports of a pod template.
 *
 * @internal
 */
export interface PodFacts {
  /** The template's labels whose values are strings. */
  readonly labels: Record<string, string>;
  /** The ports its containers declare (init containers serve no traffic). */
  readonly ports: readonly DeclaredPort[];
}

/**
 * The labels and declared ports of a pod template.
 *
 * @internal
 */
export function podFacts(template: PodTemplateView): PodFacts {
  const labels: Record<string, string> = {};
  if (isObject(template.labels)) {
    for (const k in template.labels) {
      const v = template.labels[k];
      if (typeof v === 'string') labels[k] = v;
    }
  }
  const ports: DeclaredPort[] = [];
  for (const c of template.spec.containers) {
    if (!c) continue;
    for (const p of c.ports) {
      if (!p) continue;
      ports.push({
        name: typeof p.name === 'string' && p.name !== '' ? p.name : undefined,
        containerPort: p.containerPort,
        protocol: typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP',
        container: typeof c.name === 'string' ? c.name : '',
      });
    }
  }
  return { labels, ports };
}
