import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { isDns1123Label } from './check';
import { Problems, constructPath } from './errors';
import { namespaceSelector } from './network-peer';

/**
 * Props of a `DefaultDenyPolicy`.
 */
export interface DefaultDenyPolicyProps {
  /**
   * The namespace whose pods the policy isolates.
   *
   * @default - the chart's namespace; none when the chart has none (the namespace the manifests are applied to)
   */
  readonly namespace?: string;

  /**
   * Whether egress is denied too. Clients then need an egress policy for each connection (`allowFrom` writes them
   * for workload peers), and DNS is allowed separately (`allowDns`).
   *
   * @default true
   */
  readonly egress?: boolean;

  /**
   * Whether pods may still resolve names when egress is denied: egress to the cluster DNS (pods labelled
   * `k8s-app: kube-dns` in `kube-system`, as kubeadm, kops, EKS, GKE and AKS label CoreDNS) on UDP and TCP 53.
   * Without it, every Service name lookup times out.
   *
   * @default - true when egress is denied
   */
  readonly allowDns?: boolean;
}

/**
 * The labels of the cluster DNS pods, and their namespace: the kube-dns Service of kubeadm-built and managed
 * clusters selects these.
 */
const CLUSTER_DNS = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };

/**
 * A namespace's default-deny NetworkPolicy: no pod of the namespace receives (and, by default, sends) traffic that
 * another policy does not allow, as the Kubernetes documentation's "default deny all ingress and all egress
 * traffic" policy. With egress denied, a second policy lets every pod reach the cluster DNS on UDP and TCP 53.
 *
 * Renders `default-deny` (and `allow-dns`) in the namespace.
 */
export class DefaultDenyPolicy extends Construct {
  /**
   * The default-deny policy.
   */
  public readonly denyPolicy: k8s.KubeNetworkPolicy;

  /**
   * The policy that lets pods reach the cluster DNS.
   *
   * @default - none: egress is not denied, or `allowDns` is false
   */
  public readonly dnsPolicy?: k8s.KubeNetworkPolicy;

  constructor(scope: Construct, id: string, props: DefaultDenyPolicyProps = {}) {
    // checked before the construct joins the tree, so a failed call leaves nothing behind
    checkProps(scope, id, props);
    super(scope, id);
    const namespace = props.namespace;
    const egress = props.egress ?? true;
    this.denyPolicy = new k8s.KubeNetworkPolicy(this, 'Resource', {
      metadata: { name: 'default-deny', namespace },
      // an empty podSelector selects every pod of the namespace; policy types with no rules allow nothing
      spec: { podSelector: {}, policyTypes: egress ? ['Ingress', 'Egress'] : ['Ingress'] },
    });
    if (egress && props.allowDns !== false) {
      this.dnsPolicy = new k8s.KubeNetworkPolicy(this, 'Dns', {
        metadata: { name: 'allow-dns', namespace },
        spec: {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [{
            to: [{ namespaceSelector: namespaceSelector(CLUSTER_DNS.namespace), podSelector: { matchLabels: { ...CLUSTER_DNS.labels } } }],
            ports: [
              { port: k8s.IntOrString.fromNumber(53), protocol: 'UDP' },
              { port: k8s.IntOrString.fromNumber(53), protocol: 'TCP' },
            ],
          }],
        },
      });
    }
  }
}

function checkProps(scope: Construct, id: string, props: DefaultDenyPolicyProps): void {
  const problems = new Problems(constructPath(scope, id));
  if (props.namespace !== undefined) {
    for (const msg of isDns1123Label(props.namespace)) problems.invalid('namespace', props.namespace, msg, 'pass a namespace name, such as \'shop\'');
  }
  if (props.allowDns === true && props.egress === false) {
    problems.invalid('allowDns', true, 'egress is not denied, so DNS needs no policy', 'leave allowDns unset, or deny egress');
  }
  problems.throwIfAny();
}
