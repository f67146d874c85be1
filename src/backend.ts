import * as kplus from 'cdk8s-plus-27';
import { isQualifiedName, isValidLabelValue, sharedLabels } from './check';
import { ServiceReferences } from './check/contract';
import { Problems } from './errors';
import { selectedLabels, workloadReference } from './views';

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
 * Backend.manualEndpoints();                     // no selector: endpoints written as EndpointSlices
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
   *
   * @param workloads at least one workload
   */
  public static fromWorkloads(workloads: kplus.AbstractPod[]): Backend {
    if (workloads.length === 0) {
      new Problems('Backend.fromWorkloads()').required('workloads', 'a Service needs at least one backend workload to select pods from',
        'pass the workloads, or use Backend.externalPods(labels) for pods defined outside this app').fail();
    }
    return new Backend([...workloads], undefined);
  }

  /**
   * Escape hatch: pods that are not defined in this app (another repository, a Helm release, a legacy manifest),
   * selected by labels. The labels are typed here and nowhere else in the app, so nothing checks that they match
   * anything: the Service is marked with the annotation `cdk8s-services.io/backend: external`, which tells the
   * checker that selecting no pod in the manifests is intended.
   *
   * @param labels the pod labels to select; at least one, each a valid label
   */
  public static externalPods(labels: { [key: string]: string }): Backend {
    const problems = new Problems('Backend.externalPods()');
    if (Object.keys(labels).length === 0) {
      problems.required('labels', 'an empty selector would leave the Service without endpoints',
        'name the labels of the pods to select, such as { app: \'legacy\' }');
    }
    for (const [key, value] of Object.entries(labels)) {
      const keyProblems = isQualifiedName(key);
      if (keyProblems.length > 0) problems.invalid('labels', key, `label key ${keyProblems.join('; ')}`, 'use the key the pods carry');
      const valueProblems = typeof value === 'string' ? isValidLabelValue(value) : ['must be a string'];
      if (valueProblems.length > 0) problems.invalid(`labels[${key}]`, value, valueProblems.join('; '), 'use the value the pods carry');
    }
    problems.throwIfAny();
    return new Backend([], { ...labels });
  }

  /**
   * No selector: the Service's endpoints are written by hand, as EndpointSlices (`Service.addEndpoints`), as for a
   * database or a legacy backend outside the cluster reached by IP. The Service renders no selector, and the
   * cluster's EndpointSlice controller leaves its endpoints alone.
   */
  public static manualEndpoints(): Backend {
    const backend = new Backend([], undefined);
    backend.selectorless = true;
    return backend;
  }

  /**
   * The pods of the StatefulSet a governing headless Service is created for, bound when the StatefulSet selects it.
   *
   * @internal
   */
  public static _governed(): Backend {
    const backend = new Backend([], undefined);
    backend.pending = true;
    return backend;
  }

  /**
   * The workloads whose pods the Service selects (empty for `externalPods`).
   */
  public readonly workloads: kplus.AbstractPod[];

  /**
   * Whether the pods are defined outside this app (`externalPods`).
   */
  public readonly external: boolean;

  private selectorless = false;

  private readonly externalLabels?: { [key: string]: string };
  private pending = false;

  private constructor(workloads: kplus.AbstractPod[], externalLabels: { [key: string]: string } | undefined) {
    this.workloads = workloads;
    this.externalLabels = externalLabels;
    this.external = externalLabels !== undefined;
  }

  /**
   * Whether the endpoints are written by hand (`manualEndpoints`): the Service has no selector.
   */
  public get manual(): boolean {
    return this.selectorless;
  }

  /**
   * Binds the workload of a governed backend (`_governed`); false when the backend is not waiting for one.
   *
   * @internal
   */
  public _bind(workload: kplus.AbstractPod): boolean {
    if (!this.pending) return false;
    this.pending = false;
    this.workloads.push(workload);
    return true;
  }

  /**
   * The selector the Service renders: the labels every workload's selector has, with the same value.
   *
   * @internal
   */
  public _selector(): { [key: string]: string } {
    if (this.externalLabels) return { ...this.externalLabels };
    return sharedLabels(this.workloads.map(w => ({ selects: selectedLabels(w) })));
  }

  /**
   * What the construct-scope rules read of this backend, with the container port each Service port targets.
   *
   * @internal
   */
  public _references(targetPorts: ServiceReferences['targetPorts']): Omit<ServiceReferences, 'discoveryPorts'> {
    return { workloads: this.external ? [] : this.workloads.map(workloadReference), targetPorts };
  }
}
