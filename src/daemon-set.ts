import { ApiObjectMetadataDefinition } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { ClusterIPService, ClusterIPServiceOptions } from './cluster-ip-service';
import { exposeViaClusterIP, exposeViaHeadlessService, exposeViaLoadBalancer, exposeViaNodePort } from './expose';
import { HeadlessService, HeadlessServiceOptions } from './headless-service';
import { Identity } from './identity';
import { LoadBalancerService, LoadBalancerServiceOptions } from './load-balancer-service';
import { NodePortService, NodePortServiceOptions } from './node-port-service';
import { WorkloadIdentity } from './workload-identity';

/**
 * Props of a `DaemonSet`: everything cdk8s-plus-27's `DaemonSetProps` has, plus the identity its selector is built
 * from.
 */
export interface DaemonSetProps extends kplus.DaemonSetProps {
  /**
   * The labels that identify this DaemonSet's pods: its selector, and what Services select. Stable across
   * construct renames and moves.
   */
  readonly identity: Identity;

  /**
   * Labels for the DaemonSet and its pods that are not part of the identity (version, environment, tier). They
   * never enter a selector.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * A DaemonSet (a pod on every node) whose selector is an identity instead of a label hashed from the construct
 * path. It is a cdk8s-plus-27 `DaemonSet` in every other way, and a backend for any Service of this library.
 */
export class DaemonSet extends kplus.DaemonSet {
  /**
   * The identity this DaemonSet selects its pods by.
   */
  public readonly identity: Identity;

  /**
   * Whether the pods are isolated by a deny-all NetworkPolicy.
   */
  protected readonly isolate: boolean;

  private readonly workloadIdentity: WorkloadIdentity;
  private podMetadataDefinition?: ApiObjectMetadataDefinition;

  constructor(scope: Construct, id: string, props: DaemonSetProps) {
    const identity = WorkloadIdentity.of(scope, id, props);
    super(scope, id, { ...props, select: false, isolate: false, metadata: identity.metadata(id, props.metadata) });
    this.identity = props.identity;
    this.workloadIdentity = identity;
    this.isolate = props.isolate ?? false;
    identity.attach(this, 'DaemonSet', this.isolate);
  }

  /**
   * The metadata of the pods: the identity labels, `labels`, and `podMetadata`; no label derived from the
   * construct path.
   */
  public get podMetadata(): ApiObjectMetadataDefinition {
    this.podMetadataDefinition ??= this.workloadIdentity.podMetadata(this.apiObject);
    return this.podMetadataDefinition;
  }

  /**
   * Selects this DaemonSet's pods by its identity.
   */
  public toPodSelectorConfig(): kplus.PodSelectorConfig {
    return this.workloadIdentity.podSelectorConfig(this.metadata.namespace);
  }

  /**
   * Creates a ClusterIP Service in front of this DaemonSet, as a child construct with id `ClusterIPService`.
   *
   * @default - named like the DaemonSet, in its namespace, with one port per container port name
   */
  public exposeViaClusterIP(options: ClusterIPServiceOptions = {}): ClusterIPService {
    return exposeViaClusterIP(this, options);
  }

  /**
   * Creates a headless Service for this DaemonSet's pods, as a child construct with id `HeadlessService`.
   *
   * @default - named `<daemonset>-headless`, in its namespace, with one port per container port name
   */
  public exposeViaHeadlessService(options: HeadlessServiceOptions = {}): HeadlessService {
    return exposeViaHeadlessService(this, options);
  }

  /**
   * Creates a NodePort Service in front of this DaemonSet, as a child construct with id `NodePortService`.
   *
   * @default - named like the DaemonSet, in its namespace, with one port per container port name
   */
  public exposeViaNodePort(options: NodePortServiceOptions = {}): NodePortService {
    return exposeViaNodePort(this, options);
  }

  /**
   * Creates a LoadBalancer Service in front of this DaemonSet, as a child construct with id `LoadBalancerService`.
   *
   * @default - named like the DaemonSet, in its namespace, with one port per container port name
   */
  public exposeViaLoadBalancer(options: LoadBalancerServiceOptions = {}): LoadBalancerService {
    return exposeViaLoadBalancer(this, options);
  }
}
