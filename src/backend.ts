import * as kplus from 'cdk8s-plus-27';

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
   * expressions a Service cannot carry.
   *
   * @param namespace the Service's namespace
   * @internal
   */
  public _validate(namespace: string | undefined): string[] {
    const errors: string[] = [];
    const rule = '[service-backend]';
    if (this.external) {
      if (Object.keys(this.externalLabels!).length === 0) {
        errors.push(`spec.selector: Required value: Backend.externalPods() needs at least one label; an empty selector selects no pods ${rule}`);
      }
      return errors;
    }
    if (this.workloads.length === 0) {
      errors.push(`spec.selector: Required value: Backend.fromWorkloads() needs at least one workload ${rule}`);
      return errors;
    }
    for (const w of this.workloads) {
      const ns = w.metadata.namespace;
      if ((ns ?? '') !== (namespace ?? '')) {
        errors.push(`spec.selector: backend ${w.node.path} is in namespace '${ns ?? '(none)'}' but the Service is in '${namespace ?? '(none)'}'; a Service only selects pods in its own namespace: put both in one namespace ${rule}`);
      }
      const expressions = isWorkload(w) ? (w as kplus.Workload).matchExpressions : [];
      if (expressions.length > 0) {
        errors.push(`spec.selector: backend ${w.node.path} selects its pods with matchExpressions, which a Service selector (a plain label map) cannot express; select the workload's pods with matchLabels only ${rule}`);
      }
    }
    if (Object.keys(this._selector()).length === 0) {
      const paths = this.workloads.map(w => w.node.path).join(', ');
      errors.push(`spec.selector: Invalid value: {}: the backends ${paths} share no selector label, so the Service would select nothing; give them one identity (Identity.of(...), narrowed per workload with withLabels) ${rule}`);
    }
    return errors;
  }
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
