// What every workload of this library (Deployment, StatefulSet, DaemonSet) does with its Identity: the checks on
// its props, the labels of its object and of its pods, and the view of it that the checker reads.
import { ApiObject, ApiObjectMetadata, ApiObjectMetadataDefinition } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { AppValidation } from './app-validation';
import { WorkloadKind, WorkloadView } from './check/contract';
import { NO_SETTINGS } from './check/controller-labels';
import { Problems, constructPath } from './errors';
import { Identity } from './identity';
import { nameFromId } from './names';
import { isUnpatched, metadataView, podTemplateView } from './views';
import { workloadSpecView } from './workload-spec-view';

/**
 * The props every workload of this library has, besides those of its cdk8s-plus-27 kind.
 *
 * @internal
 */
export interface IdentityProps {
  readonly identity: Identity;
  readonly labels?: { [key: string]: string };
  readonly select?: boolean;
  readonly metadata?: ApiObjectMetadata;
  readonly podMetadata?: ApiObjectMetadata;
}

/**
 * A workload's identity, with its props checked: the labels of the object (identity plus `labels`) and of its pods.
 *
 * @internal
 */
export class WorkloadIdentity {
  /**
   * Checks the props at construction: an identity is required, `select: true` is refused (the identity is the
   * selector), and no label may contradict the identity.
   */
  public static of(scope: IConstruct, id: string, props: IdentityProps): WorkloadIdentity {
    const where = () => constructPath(scope, id);
    if (!props?.identity) {
      new Problems(where).required('identity', 'it is what the selector and the Services that select these pods are built from',
        "pass identity: Identity.of('my-app')").fail();
    }
    if (props.select === true) {
      new Problems(where).forbidden('select', `true is not supported: the selector is the identity ${JSON.stringify(props.identity.labels)}`,
        'leave select out, and narrow the identity with Identity.withLabels()').fail();
    }
    const identity = props.identity.labels;
    return new WorkloadIdentity(
      identity,
      mergeLabels(where, 'labels', identity, { ...props.labels, ...props.metadata?.labels }),
      mergeLabels(where, 'podMetadata.labels', identity, { ...props.labels, ...props.podMetadata?.labels }),
      props.podMetadata,
    );
  }

  private constructor(
    /** The identity's labels: the selector. */
    public readonly selector: { [key: string]: string },
    /** The labels of the workload object. */
    public readonly objectLabels: { [key: string]: string },
    /** The labels of its pods. */
    public readonly podLabels: { [key: string]: string },
    private readonly podMetadataProps: ApiObjectMetadata | undefined,
  ) {}

  /**
   * The workload's metadata: named from the construct id unless named, with the object labels.
   */
  public metadata(id: string, metadata: ApiObjectMetadata | undefined): ApiObjectMetadata {
    return { ...metadata, name: metadata?.name ?? nameFromId(id), labels: this.objectLabels };
  }

  /**
   * The pods' metadata: the pod labels and `podMetadata`, and no label derived from the construct path, so that
   * renaming the construct does not roll the pods.
   */
  public podMetadata(apiObject: ApiObject): ApiObjectMetadataDefinition {
    return new ApiObjectMetadataDefinition({ ...this.podMetadataProps, labels: this.podLabels, apiObject });
  }

  /**
   * Binds a workload of this library to the identity, at the end of its constructor: it selects its pods by the
   * identity, isolates them when asked, and registers with the app's validation.
   *
   * @param serviceName a StatefulSet's governing Service, for the validation
   */
  public attach(
    workload: kplus.Deployment | kplus.StatefulSet | kplus.DaemonSet, kind: WorkloadKind, isolate: boolean, serviceName?: () => string,
  ): void {
    workload.select(kplus.LabelSelector.of({ labels: this.selector }));
    if (isolate) workload.connections.isolate();
    const apiObject = ApiObject.of(workload);
    AppValidation._register(workload, apiObject, { view: () => workloadView(workload, apiObject, kind, serviceName?.()) });
  }

  /**
   * Selects the workload's pods by the identity (for NetworkPolicies, pod affinity and cdk8s-plus Services).
   */
  public podSelectorConfig(namespace: string | undefined): kplus.PodSelectorConfig {
    return {
      labelSelector: kplus.LabelSelector.of({ labels: this.selector }),
      namespaces: namespace ? { names: [namespace] } : undefined,
    };
  }
}

/**
 * What the checker reads of a workload of this library, from the same model its rendering reads. Undefined when
 * JSON patches could change the output: then the checker decodes the rendering.
 *
 * @internal
 */
function workloadView(
  workload: kplus.Workload, apiObject: ApiObject, kind: WorkloadKind, serviceName: string | undefined,
): WorkloadView | undefined {
  if (!isUnpatched(apiObject)) return undefined;
  const expressions = workload.matchExpressions;
  return {
    view: 'workload',
    apiVersion: apiObject.apiVersion,
    kind,
    metadata: metadataView(workload.metadata),
    selector: expressions.length > 0 ? { matchLabels: workload.matchLabels, matchExpressions: expressions } : { matchLabels: workload.matchLabels },
    template: podTemplateView(workload, 'spec.template'),
    serviceName,
    // cdk8s-plus StatefulSets have no volumeClaimTemplates
    volumeClaimNames: [],
    // StatefulSets of this library start their ordinals at 0, as cdk8s-plus renders them
    controller: NO_SETTINGS,
    spec: workloadSpecView(workload, kind),
  };
}

/**
 * Identity labels plus other labels; another value for an identity key would make the pods unselectable.
 */
function mergeLabels(
  where: () => string, field: string, identity: { [key: string]: string }, labels: { [key: string]: string },
): { [key: string]: string } {
  for (const key in labels) {
    if (identity[key] !== undefined && identity[key] !== labels[key]) {
      new Problems(where).invalid(`${field}[${key}]`, labels[key], `conflicts with the identity label '${key}: ${identity[key]}', which the selector matches`,
        'drop it from labels, or change the identity').fail();
    }
  }
  return { ...identity, ...labels };
}
