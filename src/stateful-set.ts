import { ApiObjectMetadata, ApiObjectMetadataDefinition } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Backend } from './backend';
import { ClusterIPService, ClusterIPServiceOptions } from './cluster-ip-service';
import { DnsNameOptions } from './discovery';
import { Problems, constructPath } from './errors';
import { exposeViaClusterIP, exposeViaLoadBalancer, exposeViaNodePort } from './expose';
import { HeadlessService, HeadlessServiceOptions } from './headless-service';
import { Identity } from './identity';
import { LoadBalancerService, LoadBalancerServiceOptions } from './load-balancer-service';
import { nameFromId } from './names';
import { NodePortService, NodePortServiceOptions } from './node-port-service';
import { WorkloadIdentity } from './workload-identity';

/**
 * Props of a `StatefulSet`: everything cdk8s-plus-27's `StatefulSetProps` has except `service`, plus the identity
 * its selector is built from and the options of its governing headless Service.
 */
export interface StatefulSetProps extends kplus.StatefulSetProps {
  /**
   * The labels that identify this StatefulSet's pods: its selector, what its governing Service and other Services
   * select. Stable across construct renames and moves.
   */
  readonly identity: Identity;

  /**
   * Labels for the StatefulSet and its pods that are not part of the identity (version, environment, tier). They
   * never enter a selector.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * Options of the headless Service that governs the pods' DNS names (`spec.serviceName`). The StatefulSet creates
   * it, beside itself with construct id `<id>HeadlessService`, selecting its pods by the identity. (The inherited
   * `service` prop is refused: the governing Service is this one.)
   *
   * @default - named like the StatefulSet, in its namespace, with one port per container port name
   */
  readonly headlessService?: HeadlessServiceOptions;
}

/**
 * A StatefulSet whose selector is an identity, governed by a headless Service of this library: `spec.serviceName`
 * is that Service's name, so each pod has a stable DNS name (`db-0.db.data.svc.cluster.local`, `podDnsName(0)`).
 *
 * It is a cdk8s-plus-27 `StatefulSet` in every other way (containers, volumes, update strategy, pod management
 * policy), and a backend for any Service of this library.
 */
export class StatefulSet extends kplus.StatefulSet {
  /**
   * The identity this StatefulSet selects its pods by.
   */
  public readonly identity: Identity;

  /**
   * The headless Service that governs the pods' DNS names.
   */
  public readonly headlessService: HeadlessService;

  /**
   * Whether the pods are isolated by a deny-all NetworkPolicy.
   */
  protected readonly isolate: boolean;

  private readonly workloadIdentity: WorkloadIdentity;
  private podMetadataDefinition?: ApiObjectMetadataDefinition;

  constructor(scope: Construct, id: string, props: StatefulSetProps) {
    const identity = WorkloadIdentity.of(scope, id, props);
    if (props.service) {
      new Problems(() => constructPath(scope, id)).forbidden('service', 'the StatefulSet creates its governing HeadlessService, which selects its pods by identity',
        'leave service out, and set the Service\'s options with headlessService').fail();
    }
    const metadata = identity.metadata(id, props.metadata);
    const options = props.headlessService ?? {};
    // created before the StatefulSet (cdk8s-plus-27 takes its Service when it is constructed); the backend is
    // bound when the StatefulSet selects it
    const service = new HeadlessService(scope, `${id}HeadlessService`, {
      ...options,
      metadata: {
        ...options.metadata,
        name: options.metadata?.name ?? metadata.name ?? nameFromId(id),
        namespace: options.metadata?.namespace ?? metadata.namespace,
      },
      backend: Backend._governed(),
    });
    super(scope, id, { ...props, service, select: false, isolate: false, metadata });
    this.identity = props.identity;
    this.headlessService = service;
    this.workloadIdentity = identity;
    this.isolate = props.isolate ?? false;
    identity.attach(this, 'StatefulSet', this.isolate, () => this.headlessService.name);
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
   * Selects this StatefulSet's pods by its identity.
   */
  public toPodSelectorConfig(): kplus.PodSelectorConfig {
    return this.workloadIdentity.podSelectorConfig(this.metadata.namespace);
  }

  /**
   * The stable DNS name of one pod: `<statefulset>-<ordinal>.<governing service>.<namespace>.svc.<cluster domain>`.
   *
   * @param ordinal the pod's index, from 0
   */
  public podDnsName(ordinal: number, options: DnsNameOptions = {}): string {
    if (!Number.isInteger(ordinal) || ordinal < 0) {
      new Problems(`[${this.node.path}] podDnsName()`).invalid('ordinal', ordinal, 'must be a whole number from 0', 'pods are numbered 0 to replicas - 1').fail();
    }
    return `${this.name}-${ordinal}.${this.headlessService.dnsName(options)}`;
  }

  /**
   * Creates a ClusterIP Service in front of this StatefulSet (for clients that may reach any pod), as a child
   * construct with id `ClusterIPService`.
   *
   * @default - named like the StatefulSet with `-client` (the governing Service has its name), in its namespace, one
   * port per container port name
   */
  public exposeViaClusterIP(options: ClusterIPServiceOptions = {}): ClusterIPService {
    return exposeViaClusterIP(this, this.clientOptions(options));
  }

  /**
   * Creates a NodePort Service in front of this StatefulSet, as a child construct with id `NodePortService`.
   *
   * @default - named like the StatefulSet with `-client`, in its namespace, one port per container port name
   */
  public exposeViaNodePort(options: NodePortServiceOptions = {}): NodePortService {
    return exposeViaNodePort(this, this.clientOptions(options));
  }

  /**
   * Creates a LoadBalancer Service in front of this StatefulSet, as a child construct with id `LoadBalancerService`.
   *
   * @default - named like the StatefulSet with `-client`, in its namespace, one port per container port name
   */
  public exposeViaLoadBalancer(options: LoadBalancerServiceOptions = {}): LoadBalancerService {
    return exposeViaLoadBalancer(this, this.clientOptions(options));
  }

  /** Options named like the StatefulSet with `-client` unless they name the Service: the governing one has its name. */
  private clientOptions<T extends { readonly metadata?: ApiObjectMetadata }>(options: T): T {
    return { ...options, metadata: { ...options.metadata, name: options.metadata?.name ?? `${this.name}-client` } };
  }
}
