// What drawing the wiring of an input starts from: its objects decoded into the checker's views, in a fixed order
// (by kind, namespace and name, so that the same objects in any order give the same picture), the pod index the
// linkage rules select pods with, and the findings of the checker, looked up by object and field, which decide
// what is marked broken.
import { CheckInput, Finding, ResolvedOptions, RuleId, Severity, decodeManifest, resolveOptions, runChecks } from '../check';
import { WiringGraph, WiringMark, WiringNode, compare } from './wiring-graph';
import { checkedObject } from '../check/engine';
import { isObject } from '../check/json';
import { PodIndex } from '../check/pod-index';
import type { CheckedObject } from '../check/report';

/**
 * kubectl's short names of the kinds a picture shows; other kinds are shown by their kind in lower case.
 */
const SHORT_KINDS: Readonly<Record<string, string>> = {
  Ingress: 'ing',
  Service: 'svc',
  EndpointSlice: 'endpointslice',
  Deployment: 'deploy',
  StatefulSet: 'sts',
  DaemonSet: 'ds',
  ReplicaSet: 'rs',
  ReplicationController: 'rc',
  Job: 'job',
  CronJob: 'cj',
  Pod: 'po',
  NetworkPolicy: 'netpol',
};

/**
 * The objects of an input, the pod index over them, the checker's findings on them, and the graph being drawn.
 *
 * @internal
 */
export class WiringContext {
  /**
   * Decodes manifests, puts them in order, and checks them with the linkage rules.
   *
   * @param manifests parsed manifests; entries that are not objects with a string `kind` are passed over
   */
  public static fromManifests(manifests: readonly unknown[], defaultNamespace: string): WiringContext {
    const keyed = manifests
      .filter((m): m is Record<string, any> => isObject(m) && typeof m.kind === 'string')
      .map(manifest => ({ manifest, key: sortKey(manifest), json: JSON.stringify(manifest) ?? '' }))
      .sort((a, b) => compare(a.key, b.key) || compare(a.json, b.json));
    const options = resolveOptions({ defaultNamespace, linkage: true }, []);
    const inputs: CheckInput[] = keyed.map(({ manifest }, index) => {
      const decodeProblems: Array<[RuleId, string, string]> = [];
      const view = decodeManifest(manifest, (rule, field, message) => decodeProblems.push([rule, field, message]));
      return { index, view, decodeProblems };
    });
    return new WiringContext(inputs, options);
  }

  public readonly graph = new WiringGraph();
  /** The objects, in the order of their kind, namespace and name. */
  public readonly objects: readonly CheckedObject[];
  public readonly index: PodIndex;
  private readonly findingsOf = new Map<number, Finding[]>();

  private constructor(inputs: readonly CheckInput[], options: ResolvedOptions) {
    this.objects = inputs.map(input => checkedObject(input, options));
    this.index = new PodIndex(this.objects);
    for (const f of runChecks(inputs, options)) {
      const list = this.findingsOf.get(f.index);
      if (list) list.push(f); else this.findingsOf.set(f.index, [f]);
    }
  }

  /**
   * The most severe finding of these rules on a field of an object, if any; kept for the comments of the picture.
   */
  public finding(obj: CheckedObject, field: string, rules: readonly RuleId[]): Finding | undefined {
    return this.worst(obj, f => f.field === field && (rules as readonly string[]).includes(f.rule));
  }

  /**
   * The most severe finding of these rules on a field of an object or on a field inside it (`spec.podSelector`
   * covers `spec.podSelector.matchLabels`), if any; kept for the comments of the picture.
   */
  public findingUnder(obj: CheckedObject, field: string, rules: readonly RuleId[]): Finding | undefined {
    return this.worst(obj, f => (rules as readonly string[]).includes(f.rule) && (f.field === field || f.field.startsWith(`${field}.`) || f.field.startsWith(`${field}[`)));
  }

  private worst(obj: CheckedObject, wanted: (f: Finding) => boolean): Finding | undefined {
    const found = (this.findingsOf.get(obj.index) ?? []).filter(wanted);
    for (const f of found) {
      this.graph.note({ severity: f.severity, rule: f.rule, object: `${f.kind}/${obj.scope}/${f.name}`, field: f.field, message: f.message });
    }
    return found.find(f => f.severity === Severity.ERROR) ?? found[0];
  }

  /** The node of an object, in the namespace it lands in. */
  public nodeOf(obj: CheckedObject, notes: readonly string[] = []): WiringNode {
    const role = obj.view.view === 'service' ? 'service'
      : obj.view.view === 'endpointSlice' ? 'endpointSlice'
        : obj.kind === 'Ingress' ? 'ingress'
          : obj.kind === 'NetworkPolicy' ? 'networkPolicy' : 'workload';
    return this.graph.node(role, obj.scope, title(obj.kind, obj.name), notes);
  }

  /** The node of a Service of a namespace that the input does not hold, marked as missing. */
  public missingService(namespace: string, name: string, mark: WiringMark): WiringNode {
    const node = this.graph.node('service', namespace, title('Service', name));
    this.graph.mark(node, mark, 'not in the input');
    return node;
  }
}

/**
 * The first line of an object's label: its kind's short name and its name, such as `svc/api`.
 *
 * @internal
 */
export function title(kind: string, name: string): string {
  return `${SHORT_KINDS[kind] ?? kind.toLowerCase()}/${name}`;
}

/**
 * How a finding marks what it concerns: an error proves it broken, a warning leaves it unresolved.
 *
 * @internal
 */
export function markOf(finding: Finding): WiringMark {
  return finding.severity === Severity.ERROR ? 'dangling' : 'unresolved';
}

/** The order of the objects: kind, namespace as written, name. */
function sortKey(manifest: Record<string, any>): string {
  const meta = isObject(manifest.metadata) ? manifest.metadata : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return `${manifest.kind}\u0000${text(meta.namespace)}\u0000${text(meta.name)}`;
}
