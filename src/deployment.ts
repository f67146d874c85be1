import { ApiObjectMetadataDefinition } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Protocol, ServiceType } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { ClusterIPService, ClusterIPServiceOptions } from './cluster-ip-service';
import { ContainerPort } from './container-port';
import { Problems } from './errors';
import { exposeViaClusterIP, exposeViaHeadlessService, exposeViaLoadBalancer, exposeViaNodePort } from './expose';
import { HeadlessService, HeadlessServiceOptions } from './headless-service';
import { Identity } from './identity';
import { LoadBalancerService, LoadBalancerServiceOptions } from './load-balancer-service';
import { NodePortService, NodePortServiceOptions } from './node-port-service';
import { ServicePortOptions } from './service-port';
import { WorkloadIdentity } from './workload-identity';

/**
 * Props of a `Deployment`: everything cdk8s-plus-27's `DeploymentProps` has (containers, probes, env, resources,
 * volumes, security context, strategy, …) plus the identity its selector is built from.
 */
export interface DeploymentProps extends kplus.DeploymentProps {
  /**
   * The labels that identify this Deployment's pods: its selector, and what Services select. Stable across
   * construct renames and moves. (The inherited `select` prop is not used: `select: true` fails, since the
   * identity is the selector; narrow it with `Identity.withLabels`.)
   */
  readonly identity: Identity;

  /**
   * Labels for the Deployment and its pods that are not part of the identity, such as version, environment or
   * tier. They never enter a selector, so they can change without orphaning pods.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * A Deployment whose selector is a small, readable identity instead of a label hashed from the construct path.
 *
 * It is a cdk8s-plus-27 `Deployment` in every other way. The selector, the pod labels and the selector of every
 * Service that uses this Deployment as its backend come from one `Identity`; other labels go on the object and its
 * pods but never into a selector.
 */
export class Deployment extends kplus.Deployment {
  /**
   * The identity this Deployment selects its pods by.
   */
  public readonly identity: Identity;

  /**
   * Whether the pods are isolated by a deny-all NetworkPolicy.
   */
  protected readonly isolate: boolean;

  private readonly workloadIdentity: WorkloadIdentity;
  private podMetadataDefinition?: ApiObjectMetadataDefinition;

  constructor(scope: Construct, id: string, props: DeploymentProps) {
    const identity = WorkloadIdentity.of(scope, id, props);
    super(scope, id, {
      ...props,
      select: false,
      isolate: false, // applied below, once the identity is known
      metadata: identity.metadata(id, props.metadata),
    });
    this.identity = props.identity;
    this.workloadIdentity = identity;
    this.isolate = props.isolate ?? false;
    identity.attach(this, 'Deployment', this.isolate);
  }

  /**
   * The metadata of the pods: the identity labels, `labels`, and `podMetadata`. Unlike cdk8s-plus, no label derived
   * from the construct path, so renaming the construct does not roll the pods.
   */
  public get podMetadata(): ApiObjectMetadataDefinition {
    this.podMetadataDefinition ??= this.workloadIdentity.podMetadata(this.apiObject);
    return this.podMetadataDefinition;
  }

  /**
   * Selects this Deployment's pods by its identity (used by NetworkPolicies, pod affinity and cdk8s-plus Services).
   */
  public toPodSelectorConfig(): kplus.PodSelectorConfig {
    return this.workloadIdentity.podSelectorConfig(this.metadata.namespace);
  }

  /**
   * Creates a ClusterIP Service in front of this Deployment, as a child construct with id `ClusterIPService`.
   *
   * @default - named like the Deployment, in its namespace, with one port per container port name
   */
  public exposeViaClusterIP(options: ClusterIPServiceOptions = {}): ClusterIPService {
    return exposeViaClusterIP(this, options);
  }

  /**
   * Creates a headless Service for this Deployment's pods, as a child construct with id `HeadlessService`.
   *
   * @default - named `<deployment>-headless`, in its namespace, with one port per container port name
   */
  public exposeViaHeadlessService(options: HeadlessServiceOptions = {}): HeadlessService {
    return exposeViaHeadlessService(this, options);
  }

  /**
   * Creates a NodePort Service in front of this Deployment, as a child construct with id `NodePortService`.
   *
   * @default - named like the Deployment, in its namespace, with one port per container port name
   */
  public exposeViaNodePort(options: NodePortServiceOptions = {}): NodePortService {
    return exposeViaNodePort(this, options);
  }

  /**
   * Creates a LoadBalancer Service in front of this Deployment, as a child construct with id `LoadBalancerService`.
   *
   * @default - named like the Deployment, in its namespace, with one port per container port name
   */
  public exposeViaLoadBalancer(options: LoadBalancerServiceOptions = {}): LoadBalancerService {
    return exposeViaLoadBalancer(this, options);
  }

  /**
   * The cdk8s-plus-27 way to expose a Deployment, kept for code written against cdk8s-plus: it creates this
   * library's Service of the requested type (ClusterIP, NodePort or LoadBalancer), which selects the identity and
   * targets the container ports by name. Each numeric `targetPort` must be a port a container declares. Prefer
   * `exposeViaClusterIP`, `exposeViaNodePort` or `exposeViaLoadBalancer`, which take every option of their type.
   *
   * @default - a ClusterIP Service named like the Deployment, with one port per container port
   */
  public exposeViaService(options: kplus.DeploymentExposeViaServiceOptions = {}): kplus.Service {
    const where = `[${this.node.path}] exposeViaService()`;
    const metadata = options.name !== undefined ? { name: options.name } : undefined;
    const ports = options.ports?.map((p, i) => this.portFor(where, i, p));
    switch (options.serviceType ?? ServiceType.CLUSTER_IP) {
      case ServiceType.CLUSTER_IP: return this.exposeViaClusterIP({ metadata, ports });
      case ServiceType.NODE_PORT: return this.exposeViaNodePort({ metadata, ports });
      case ServiceType.LOAD_BALANCER: return this.exposeViaLoadBalancer({ metadata, ports });
      default:
        return new Problems(where).forbidden('serviceType', `${options.serviceType} selects no pods`,
          'use new ExternalNameService(scope, id, { externalName }) for a DNS alias').fail();
    }
  }

  /**
   * A cdk8s-plus Service port as a port of ours: its numeric target must be a port a container declares.
   */
  private portFor(where: string, i: number, p: kplus.ServicePort): ServicePortOptions {
    const number = p.targetPort ?? p.port;
    const protocol = p.protocol ?? Protocol.TCP;
    const declared = this.containers.flatMap(c => c.ports).find(d => d.number === number && (d.protocol ?? Protocol.TCP) === protocol);
    if (!declared) {
      new Problems(where).invalid(`ports[${i}].targetPort`, number, `no container of this Deployment declares port ${number}/${protocol}`,
        'declare it in the container\'s ports, then target that ContainerPort with exposeViaClusterIP({ ports: [{ port, targetPort }] })').fail();
    }
    const factory = protocol === Protocol.UDP ? ContainerPort.udp : protocol === Protocol.SCTP ? ContainerPort.sctp : ContainerPort.tcp;
    const targetPort = declared instanceof ContainerPort
      ? declared
      : factory(number, { name: declared!.name, hostPort: declared!.hostPort, hostIp: declared!.hostIp });
    return { port: p.port, targetPort, name: p.name, ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}) };
  }
}
