import { Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Problems, constructPath } from './errors';
import { NetworkPeer, podPeer, podSelectorOf, selectsEverything } from './network-peer';
import type { Service } from './service';
import type { ServicePort } from './service-port';

/**
 * Options of a connection allowed to a Service's pods (`allowFrom`).
 */
export interface AllowTrafficOptions {
  /**
   * The Service ports to allow. The policy allows the container port each one targets, by name when it targets a
   * name, with its protocol.
   *
   * @default - every port of the Service
   */
  readonly ports?: ServicePort[];

  /**
   * Whether the peer's pods also get an egress policy that lets them send this traffic: for a client whose
   * namespace denies egress (`DefaultDenyPolicy`). Only a workload peer has pods of this app to put it on.
   *
   * Leave it off where egress is not denied: an egress policy isolates the pods it selects, so they could then
   * send nothing but what egress policies allow.
   *
   * @default false
   */
  readonly egress?: boolean;
}

/**
 * Props of an `AllowTraffic`.
 */
export interface AllowTrafficProps extends AllowTrafficOptions {
  /**
   * The Service whose pods receive the traffic: a Service with a selector (its backend's pods). An ExternalName
   * Service or one without a selector has no pods to select, and fails at once.
   */
  readonly service: Service;

  /**
   * Where the traffic comes from.
   */
  readonly from: NetworkPeer;
}

/**
 * One allowed connection, from a peer to the pods behind a Service, as `networking.k8s.io/v1` NetworkPolicies:
 *
 * - `<service>-from-<peer>` on the Service's pods (selected as the Service selects them), allowing ingress from the
 *   peer on the **container** ports the Service ports target. A NetworkPolicy acts on pod ports, after the Service
 *   has translated its port: allowing Service port 80 where the container listens on 8080 would allow nothing. A
 *   port that targets a name stays a name, so pods of two versions that declare it at different numbers are both
 *   allowed; UDP stays UDP and SCTP stays SCTP.
 * - with `egress`, for a workload peer, `<peer>-to-<service>` on the peer's pods, allowing egress to those pods on
 *   the same ports.
 *
 * Usually created by a Service's `allowFrom`.
 */
export class AllowTraffic extends Construct {
  /**
   * The policy on the Service's pods.
   */
  public readonly ingressPolicy: k8s.KubeNetworkPolicy;

  /**
   * The policy on the peer's pods.
   *
   * @default - none: the peer is not a workload, or `egress` is false
   */
  public readonly egressPolicy?: k8s.KubeNetworkPolicy;

  private readonly service: Service;
  private readonly ports?: ServicePort[];

  constructor(scope: Construct, id: string, props: AllowTrafficProps) {
    // checked before the construct joins the tree, so a failed call leaves nothing behind
    checkProps(scope, id, props);
    super(scope, id);
    const { service, from } = props;
    this.service = service;
    this.ports = props.ports ? [...props.ports] : undefined;

    // a Service or a client without a namespace lands in the namespace it is applied to; the policies assume the same
    // one for both (a namespace selector is written only when both namespaces are known and differ)
    const namespace = service.metadata.namespace;
    this.ingressPolicy = new k8s.KubeNetworkPolicy(this, 'Ingress', {
      metadata: { name: `${service.name}-from-${from._nameIn(namespace)}`, namespace },
      spec: {
        // the Service's selector and its ports are final only when the app is synthesized
        podSelector: Lazy.any({ produce: () => ({ matchLabels: this.serviceSelector() }) }),
        policyTypes: ['Ingress'],
        ingress: [{
          from: [Lazy.any({ produce: () => from._toKube(namespace) })],
          ports: Lazy.any({ produce: () => this.policyPorts() }),
        }],
      },
    });
    const workload = from._workload;
    if (workload && props.egress === true) {
      const clientNamespace = workload.metadata.namespace;
      this.egressPolicy = new k8s.KubeNetworkPolicy(this, 'Egress', {
        metadata: { name: `${from._nameIn(clientNamespace)}-to-${service.name}`, namespace: clientNamespace },
        spec: {
          podSelector: Lazy.any({ produce: () => podSelectorOf(workload) }),
          policyTypes: ['Egress'],
          egress: [{
            to: [Lazy.any({ produce: () => podPeer({ matchLabels: this.serviceSelector() }, namespace, clientNamespace) })],
            ports: Lazy.any({ produce: () => this.policyPorts() }),
          }],
        },
      });
    }
    this.node.addValidation({ validate: () => this.validateSelection(from) });
  }

  /**
   * What synth refuses: a selector that selects by nothing would apply the policy to, or allow, every pod of the
   * namespace; a Service without ports would render a rule without ports, which allows every port.
   */
  private validateSelection(from: NetworkPeer): string[] {
    const problems: string[] = [];
    if (selectsEverything({ matchLabels: this.serviceSelector() })) {
      problems.push(`service: the Service ${this.service.node.path} selects no labels, so the policy would apply to every pod of the namespace; give its backend workloads an identity`);
    }
    if (from._workload && selectsEverything(podSelectorOf(from._workload))) {
      problems.push(`from: the workload ${from._workload.node.path} selects no labels, so the policy would allow every pod of its namespace; give it an identity, or allow NetworkPeer.namespace()`);
    }
    if (this.policyPorts().length === 0) {
      problems.push(`ports: the Service ${this.service.node.path} has no ports, and a rule without ports allows every port; give the Service its ports`);
    }
    return problems;
  }

  private serviceSelector(): { [key: string]: string } {
    return this.service.backend!._selector();
  }

  /**
   * The container port behind each Service port: its target's name, or its target's number, or (no target) the
   * Service port's own number, as Kubernetes defaults targetPort.
   */
  private policyPorts(): k8s.NetworkPolicyPort[] {
    const seen = new Set<string>();
    const ports: k8s.NetworkPolicyPort[] = [];
    for (const p of this.ports ?? this.service.servicePorts) {
      const target = p.targetPort?.toPortTarget();
      const port = target?.name !== undefined ? k8s.IntOrString.fromString(target.name) : k8s.IntOrString.fromNumber(target?.number ?? p.port);
      const key = `${port.value}/${p.protocol}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ports.push({ port, protocol: p.protocol });
    }
    return ports;
  }
}

/**
 * The facts a connection needs: a Service with pods, its own ports, and pods to put an egress policy on.
 */
function checkProps(scope: Construct, id: string, props: AllowTrafficProps): void {
  const { service, from } = props;
  const problems = new Problems(constructPath(scope, id));
  const backend = service.backend;
  if (backend === undefined) {
    problems.invalid('service', service.node.path, 'an ExternalName Service has no pods for a NetworkPolicy to select',
      'allow egress to the external host from the clients instead');
  } else if (backend.manual) {
    problems.invalid('service', service.node.path, 'a Service without a selector has no pods for a NetworkPolicy to select',
      'allow egress to its endpoints\' addresses from the clients (NetworkPeer.ipBlock)');
  }
  if (props.ports !== undefined && props.ports.length === 0) {
    problems.invalid('ports', [], 'a rule without ports allows every port', 'pass at least one port, or leave ports unset for all of the Service\'s ports');
  }
  for (const [i, port] of (props.ports ?? []).entries()) {
    if (port.service !== service) {
      problems.invalid(`ports[${i}]`, port.toString(), `not a port of ${service.node.path}`, 'pass ports this Service returned (servicePorts, findPort)');
    }
  }
  if (props.egress === true && from._workload === undefined) {
    problems.invalid('egress', true, `the peer (${from._key}) is not a workload of this app, so there are no pods to put an egress policy on`, 'leave egress unset');
  }
  problems.throwIfAny();
}
