import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { ReferenceProblem } from './app-validation';

/**
 * The pods a Service sends traffic to.
 *
 * A backend is an object reference, never a label map typed a second time: the Service's selector is read from the
 * workloads at synth, so it cannot drift from their pod labels.
 *
 * @example
 *
 * Backend.fromWorkload(deployment);              // one workload: our Deployment or any cdk8s-plus-27 workload
 * Backend.fromWorkloads([stable, canary]);       // several workloads that share an identity
 * Backend.externalPods({ app: 'legacy' });       // escape hatch: pods defined outside this app
 */
export class Backend {
  /**
   * The pods of one workload: a `Deployment` of this library, or any cdk8s-plus-27 workload (Deployment,
   * StatefulSet, DaemonSet) or Pod. The Service selects what the workload selects (for a Pod, its labels).
   */
  public static fromWorkload(workload: kplus.AbstractPod): Backend {
    return new Backend([workload], undefined);
  }

  /**
   * The pods of several workloads that share an identity, such as a stable and a canary Deployment. The Service
   * selects the labels all their selectors have in common, which must not be empty.
   */
  public static fromWorkloads(workloads: kplus.AbstractPod[]): Backend {
    return new Backend([...workloads], undefined);
  }

  /**
   * Escape hatch: pods that are not defined in this app (another repository, a Helm release, a legacy manifest),
   * selected by labels. The labels are typed here and nowhere else in the app, so nothing checks that they match
   * anything: the Service is marked with the annotation `cdk8s-services.io/backend: external`, which tells the
   * checker that selecting no pod in the manifests is intended.
   *
   * @param labels the pod labels to select; at least one
   */
  public static externalPods(labels: { [key: string]: string }): Backend {
    return new Backend([], { ...labels });
  }

  /**
   * The workloads whose pods the Service selects (empty for `externalPods`).
   */
  public readonly workloads: kplus.AbstractPod[];

  /**
   * Whether the pods are defined outside this app (`externalPods`).
   */
  public readonly external: boolean;

  private readonly externalLabels?: { [key: string]: string };

  private constructor(workloads: kplus.AbstractPod[], externalLabels: { [key: string]: string } | undefined) {
    this.workloads = workloads;
    this.externalLabels = externalLabels;
    this.external = externalLabels !== undefined;
  }

  /**
   * The selector the Service renders: the labels every workload's selector has, with the same value.
   *
   * @internal
   */
  public _selector(): { [key: string]: string } {
    if (this.externalLabels) return { ...this.externalLabels };
    const [first, ...rest] = this.workloads.map(selectedLabels);
    if (!first) return {};
    const common: { [key: string]: string } = {};
    for (const [key, value] of Object.entries(first)) {
      if (rest.every(labels => labels[key] === value)) common[key] = value;
    }
    return common;
  }

  /**
   * Problems only the object references can show: an empty selection, workloads in another namespace, selector
   * expressions a Service cannot carry, and workloads that the shared labels select without being named.
   *
   * @param namespace the Service's namespace
   * @internal
   */
  public _validate(namespace: string | undefined): ReferenceProblem[] {
    const problems: ReferenceProblem[] = [];
    const problem = (message: string) => problems.push({ rule: 'service-backend', field: 'spec.selector', message });
    if (this.external) {
      if (Object.keys(this.externalLabels!).length === 0) {
        problem('Required value: Backend.externalPods() needs at least one label; an empty selector selects no pods');
      }
      return problems;
    }
    if (this.workloads.length === 0) {
      problem('Required value: Backend.fromWorkloads() needs at least one workload');
      return problems;
    }
    for (const w of this.workloads) {
      const ns = w.metadata.namespace;
      if ((ns ?? '') !== (namespace ?? '')) {
        problem(`backend ${w.node.path} is in namespace '${ns ?? '(none)'}' but the Service is in '${namespace ?? '(none)'}'; a Service only selects pods in its own namespace: put both in one namespace`);
      }
      const expressions = isWorkload(w) ? (w as kplus.Workload).matchExpressions : [];
      if (expressions.length > 0) {
        problem(`backend ${w.node.path} selects its pods with matchExpressions, which a Service selector (a plain label map) cannot express; select the workload's pods with matchLabels only`);
      }
    }
    const selector = this._selector();
    if (Object.keys(selector).length === 0) {
      const paths = this.workloads.map(w => w.node.path).join(', ');
      problem(`Invalid value: {}: the backends ${paths} share no selector label, so the Service would select nothing; give them one identity (Identity.of(...), narrowed per workload with withLabels)`);
    } else if (this.workloads.length > 1) {
      // the labels several workloads share may also be carried by pods of a workload that was not named
      const named = new Set<IConstruct>(this.workloads);
      for (const c of this.workloads[0].node.root.node.findAll()) {
        if (named.has(c) || !isPodCarrier(c) || (c.metadata.namespace ?? '') !== (namespace ?? '')) continue;
        const labels: { [key: string]: string } = c.podMetadata.toJson().labels ?? {};
        if (Object.entries(selector).every(([k, v]) => labels[k] === v)) {
          problem(`the labels ${JSON.stringify(selector)} that the backends share also select the pods of ${c.node.path}, which is not a backend; add it to Backend.fromWorkloads, or give it another identity`);
        }
      }
    }
    return problems;
  }
}

/**
 * A construct whose pods a Service could select: a cdk8s-plus-27 workload or Pod, or our Deployment.
 */
function isPodCarrier(c: IConstruct): c is kplus.AbstractPod {
  return c instanceof kplus.AbstractPod || ('podMetadata' in c && 'containers' in c && 'metadata' in c);
}

function isWorkload(pod: kplus.AbstractPod): boolean {
  return 'matchLabels' in pod && 'matchExpressions' in pod;
}

/**
 * What a workload selects: its selector's labels, or a Pod's own labels.
 */
function selectedLabels(pod: kplus.AbstractPod): { [key: string]: string } {
  if (isWorkload(pod)) return (pod as kplus.Workload).matchLabels;
  return { ...(pod.podMetadata.toJson().labels ?? {}) };
}
