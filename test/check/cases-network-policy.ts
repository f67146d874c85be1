// Conformance cases for networking.k8s.io/v1 NetworkPolicies: `ValidateNetworkPolicy` after defaulting (k8s.io/kubernetes
// pkg/apis/networking/validation/validation.go and pkg/apis/networking/v1/defaults.go, 1.27), and the linkage of a
// policy with the pods it selects and the ports they declare.
import { Case, app, bad, container, deployment, inNamespace, ok, service } from './cases-builders';

const OURS = 'cdk8s-services';
const QUALIFIED = 'name part must consist of alphanumeric characters';

/** A NetworkPolicy `web` selecting the base pods (`app: web`), with `spec` fields added. */
function policy(spec: object = {}, metadata: object = {}): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web', ...metadata }, spec: { podSelector: { matchLabels: { app: 'web' } }, ...spec } };
}

/** The base Service and Deployment (pods `app: web`, declaring `http` 8080/TCP), and the policy. */
function withApp(spec: object = {}): unknown[] {
  return [...app(), policy(spec)];
}

/** The base app and a policy whose one ingress rule allows these ports from the base pods. */
function ports(...list: object[]): unknown[] {
  return withApp({ ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: list }] });
}

/** The base app and a policy whose one ingress rule allows traffic from this peer. */
function from(peer: object): unknown[] {
  return withApp({ ingress: [{ from: [peer] }] });
}

/** The base app and a policy whose one egress rule allows traffic to this peer. */
function to(peer: object): unknown[] {
  return withApp({ egress: [{ to: [peer] }] });
}

/** The base Deployment with one container declaring `http` 8080/TCP and these ports, the base Service, and the policy. */
function declaring(declared: object[], spec: object): unknown[] {
  const all = [{ name: 'http', containerPort: 8080 }, ...declared];
  return [service(), deployment({ spec: { template: { spec: { containers: [container(all)] } } } }), policy(spec)];
}

export const NETWORK_POLICY_CASES: Case[] = [
  // apiVersion and metadata
  ok('ValidateNetworkPolicy', 'object-api-version', 'networking.k8s.io/v1 NetworkPolicy', withApp()),
  bad('k8s.io/kubernetes pkg/controlplane/instance.go (served group versions)', 'object-api-version', 'extensions/v1beta1 NetworkPolicy', 'apiVersion',
    'Kubernetes 1.27 serves it as networking.k8s.io/v1', [{ ...policy(), apiVersion: 'extensions/v1beta1' }]),
  bad('ValidateNetworkPolicy (ValidateNetworkPolicyName)', 'object-name', 'NetworkPolicy name is a DNS-1123 subdomain', 'metadata.name',
    'a lowercase RFC 1123 subdomain', [...app(), policy({}, { name: 'Allow_web' })]),

  // ValidateNetworkPolicySpec: podSelector
  ok('ValidateNetworkPolicySpec', 'network-policy-spec', 'empty podSelector selects every pod (deny all ingress)', [...app(), policy({ podSelector: {} })]),
  ok('ValidateNetworkPolicySpec', 'network-policy-spec', 'podSelector omitted is empty', [...app(), policy({ podSelector: undefined })]),
  bad('ValidateNetworkPolicySpec (ValidateLabelSelector)', 'network-policy-spec', 'podSelector label key with two slashes', 'spec.podSelector.matchLabels',
    'a qualified name must consist of', withApp({ podSelector: { matchLabels: { 'a/b/c': 'web' } } })),
  bad('ValidateNetworkPolicySpec (ValidateLabelSelectorRequirement)', 'network-policy-spec', 'podSelector expression In without values',
    'spec.podSelector.matchExpressions[0].values', "must be specified when `operator` is 'In' or 'NotIn'",
    withApp({ podSelector: { matchExpressions: [{ key: 'app', operator: 'In' }] } })),
  bad('ValidateNetworkPolicySpec (ValidateLabelSelectorRequirement)', 'network-policy-spec', 'podSelector expression with an unknown operator',
    'spec.podSelector.matchExpressions[0].operator', 'Invalid value: "Equals": not a valid selector operator',
    withApp({ podSelector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] } })),
  bad('ValidateNetworkPolicySpec (ValidateLabelSelectorRequirement, 1.26+)', 'network-policy-spec', 'podSelector expression value that is no label value',
    'spec.podSelector.matchExpressions[0].values[0]', 'a valid label must be an empty string', withApp({ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web app'] }] } })),
  // policyTypes
  ok('ValidateNetworkPolicySpec', 'network-policy-spec', 'policyTypes Ingress and Egress', withApp({ policyTypes: ['Ingress', 'Egress'] })),
  ok('ValidateNetworkPolicySpec', 'network-policy-spec', 'policyTypes with a duplicate is accepted', withApp({ policyTypes: ['Ingress', 'Ingress'] })),
  bad('ValidateNetworkPolicySpec', 'network-policy-spec', 'unknown policyType', 'spec.policyTypes[0]', 'Unsupported value: "ingress": supported values: "Ingress", "Egress"',
    withApp({ policyTypes: ['ingress'] })),
  bad('ValidateNetworkPolicySpec', 'network-policy-spec', 'three policyTypes', 'spec.policyTypes', 'may not specify more than two policyTypes',
    withApp({ policyTypes: ['Ingress', 'Egress', 'Ingress'] })),

  // ValidateNetworkPolicyPort
  ok('ValidateNetworkPolicyPort (SetDefaults_NetworkPolicyPort)', 'network-policy-port', 'protocol omitted defaults to TCP', ports({ port: 8080 })),
  ok('ValidateNetworkPolicyPort', 'network-policy-port', 'named port', ports({ port: 'http' })),
  ok('ValidateNetworkPolicyPort', 'network-policy-port', 'no port: every port of the protocol', ports({ protocol: 'TCP' })),
  bad('ValidateNetworkPolicyPort', 'network-policy-port', 'protocol ICMP', 'spec.ingress[0].ports[0].protocol', 'Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
    ports({ protocol: 'ICMP', port: 8080 })),
  bad('ValidateNetworkPolicyPort', 'network-policy-port', 'lowercase protocol', 'spec.ingress[0].ports[0].protocol', 'Unsupported value: "tcp"', ports({ protocol: 'tcp', port: 8080 })),
  bad('ValidateNetworkPolicyPort (IsValidPortNum)', 'network-policy-port', 'port 0', 'spec.ingress[0].ports[0].port', 'Invalid value: 0: must be between 1 and 65535, inclusive',
    ports({ port: 0 })),
  bad('ValidateNetworkPolicyPort (IsValidPortNum)', 'network-policy-port', 'port 65536', 'spec.ingress[0].ports[0].port', 'Invalid value: 65536: must be between 1 and 65535',
    ports({ port: 65536 })),
  bad('ValidateNetworkPolicyPort (IsValidPortName)', 'network-policy-port', 'port as a quoted number is a port name without a letter', 'spec.ingress[0].ports[0].port',
    'must contain at least one letter (a-z)', ports({ port: '8080' })),
  bad('ValidateNetworkPolicyPort (IsValidPortName)', 'network-policy-port', 'port name of 16 characters', 'spec.ingress[0].ports[0].port', 'must be no more than 15 characters',
    ports({ port: 'abcdefghijklmnop' })),
  ok('ValidateNetworkPolicyPort', 'network-policy-port', 'endPort equal to port', ports({ port: 8080, endPort: 8080 })),
  ok('ValidateNetworkPolicyPort', 'network-policy-port', 'endPort range 8000-8090', ports({ port: 8000, endPort: 8090 })),
  bad('ValidateNetworkPolicyPort', 'network-policy-port', 'endPort below port (the API server shows the port)', 'spec.ingress[0].ports[0].endPort',
    'Invalid value: 8080: must be greater than or equal to `port`', ports({ port: 8080, endPort: 8000 })),
  bad('ValidateNetworkPolicyPort', 'network-policy-port', 'endPort 65536', 'spec.ingress[0].ports[0].endPort', 'Invalid value: 65536: must be between 1 and 65535',
    ports({ port: 8080, endPort: 65536 })),
  bad('ValidateNetworkPolicyPort', 'network-policy-port', 'endPort with a named port', 'spec.ingress[0].ports[0].endPort', 'may not be specified when `port` is non-numeric',
    ports({ port: 'http', endPort: 8090 })),
  bad('ValidateNetworkPolicyPort', 'network-policy-port', 'endPort without port', 'spec.ingress[0].ports[0].endPort', 'may not be specified when `port` is not specified',
    ports({ endPort: 8090 })),
  bad('ValidateNetworkPolicyPort', 'network-policy-port', 'egress port protocol ICMP', 'spec.egress[0].ports[0].protocol', 'Unsupported value: "ICMP"',
    withApp({ egress: [{ ports: [{ protocol: 'ICMP' }] }] })),

  // ValidateNetworkPolicyPeer and ValidateIPBlock
  ok('ValidateNetworkPolicyPeer', 'network-policy-peer', 'podSelector and namespaceSelector together (both must match)',
    from({ podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: { matchLabels: { team: 'shop' } } })),
  ok('ValidateNetworkPolicyPeer', 'network-policy-peer', 'empty namespaceSelector: every namespace', from({ namespaceSelector: {} })),
  bad('ValidateNetworkPolicyPeer', 'network-policy-peer', 'empty peer', 'spec.ingress[0].from[0]', 'Required value: must specify a peer', from({})),
  bad('ValidateNetworkPolicyPeer', 'network-policy-peer', 'ipBlock with a podSelector', 'spec.ingress[0].from[0]', 'Forbidden: may not specify both ipBlock and another peer',
    from({ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: { matchLabels: { app: 'web' } } })),
  bad('ValidateNetworkPolicyPeer (ValidateLabelSelector)', 'network-policy-peer', 'peer namespaceSelector with a bad key', 'spec.egress[0].to[0].namespaceSelector.matchLabels',
    QUALIFIED, to({ namespaceSelector: { matchLabels: { '-team': 'shop' } } })),
  ok('ValidateIPBlock', 'network-policy-peer', 'ipBlock with except inside', to({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.4/32'] } })),
  ok('ValidateIPBlock (ParseCIDRSloppy)', 'network-policy-peer', 'ipBlock cidr with host bits set', to({ ipBlock: { cidr: '10.0.0.1/8' } })),
  ok('ValidateIPBlock', 'network-policy-peer', 'IPv6 ipBlock', to({ ipBlock: { cidr: 'fd00::/8', except: ['fd00:1::/32'] } })),
  bad('ValidateIPBlock', 'network-policy-peer', 'ipBlock without cidr', 'spec.egress[0].to[0].ipBlock.cidr', 'Required value', to({ ipBlock: { except: ['10.1.0.0/16'] } })),
  bad('ValidateIPBlock', 'network-policy-peer', 'ipBlock cidr that is an address', 'spec.ingress[0].from[0].ipBlock.cidr', 'Invalid value: "10.0.0.0": not a valid CIDR',
    from({ ipBlock: { cidr: '10.0.0.0' } })),
  bad('ValidateIPBlock', 'network-policy-peer', 'except equal to cidr', 'spec.egress[0].to[0].ipBlock.except[0]', 'must be a strict subset of `cidr`',
    to({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/8'] } })),
  bad('ValidateIPBlock', 'network-policy-peer', 'except outside cidr', 'spec.egress[0].to[0].ipBlock.except[1]', 'Invalid value: "192.168.0.0/16": must be a strict subset of `cidr`',
    to({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '192.168.0.0/16'] } })),
  bad('ValidateIPBlock', 'network-policy-peer', 'except that is no CIDR', 'spec.egress[0].to[0].ipBlock.except[0]', 'not a valid CIDR',
    to({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0'] } })),

  // linkage: the policy selects pods
  ok(OURS, 'network-policy-selects-nothing', 'podSelector matches the Deployment', withApp()),
  ok(OURS, 'network-policy-selects-nothing', 'podSelector by expression matches the Deployment',
    withApp({ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] } })),
  bad(OURS, 'network-policy-selects-nothing', 'podSelector matches no pod of the namespace', 'spec.podSelector', 'matches no pod template in namespace "default"',
    withApp({ podSelector: { matchLabels: { app: 'api' } } })),
  bad(OURS, 'network-policy-selects-nothing', 'podSelector matches pods of another namespace only', 'spec.podSelector',
    'but a NetworkPolicy only selects pods in its own namespace', [...inNamespace('shop', app()), deployment({ metadata: { name: 'db' }, spec: { selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } } } } }), policy()]),
  ok(OURS, 'network-policy-pods-elsewhere', 'podSelector where the namespace has no workload is accepted, with a warning', [policy()], { warns: true }),
  bad(OURS, 'network-policy-pods-elsewhere', 'podSelector where the namespace has no workload', 'spec.podSelector', 'these manifests have no workload in namespace "default"', [policy()]),
  ok(OURS, 'network-policy-pods-elsewhere', 'empty podSelector in a namespace without workloads (a default deny)', [policy({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] })]),

  // linkage: peers select pods
  ok(OURS, 'network-policy-peer-selects-nothing', 'peer podSelector matches the Deployment', from({ podSelector: { matchLabels: { app: 'web' } } })),
  ok(OURS, 'network-policy-peer-selects-nothing', 'peer podSelector in a namespace the input does not hold',
    from({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { app: 'prometheus' } } })),
  ok(OURS, 'network-policy-peer-selects-nothing', 'peer podSelector with a namespaceSelector by other labels is not checked',
    from({ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'nobody' } } })),
  ok(OURS, 'network-policy-peer-selects-nothing', 'peer podSelector matching nothing is accepted, with a warning', from({ podSelector: { matchLabels: { app: 'client' } } }), { warns: true }),
  bad(OURS, 'network-policy-peer-selects-nothing', 'peer podSelector matches no pod of the namespace', 'spec.ingress[0].from[0].podSelector',
    'matches no pod template in namespace "default"', from({ podSelector: { matchLabels: { app: 'client' } } })),
  bad(OURS, 'network-policy-peer-selects-nothing', 'egress peer in a namespace named by kubernetes.io/metadata.name', 'spec.egress[0].to[0].podSelector',
    'matches no pod template in namespace "shop"', [...withApp({ egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'db' } } }] }] }),
      ...inNamespace('shop', app())]),

  // linkage: named ports resolve against the selected pods' container ports
  ok(OURS, 'network-policy-port-name', 'named port declared by the selected pods', ports({ port: 'http' })),
  ok(OURS, 'network-policy-port-name', 'named port on a namespace-wide policy (podSelector {} also selects pods of other manifests)',
    withApp({ podSelector: {}, ingress: [{ ports: [{ port: 'metrics' }] }] })),
  bad(OURS, 'network-policy-port-name', 'named port no selected pod declares', 'spec.ingress[0].ports[0].port',
    'named port "htttp" is not declared by any pod this policy selects (Deployment "web" declares http 8080/TCP)', ports({ port: 'htttp' })),
  bad(OURS, 'network-policy-port-name', 'named port declared over TCP, allowed over UDP', 'spec.ingress[0].ports[0].port', 'with protocol TCP, not UDP',
    ports({ port: 'http', protocol: 'UDP' })),
  ok(OURS, 'network-policy-port-name', 'named UDP port declared over UDP', declaring([{ name: 'dns', containerPort: 5353, protocol: 'UDP' }],
    { ingress: [{ ports: [{ port: 'dns', protocol: 'UDP' }] }] })),
  ok(OURS, 'network-policy-port-name', 'named SCTP port declared over SCTP', declaring([{ name: 'sig', containerPort: 3868, protocol: 'SCTP' }],
    { ingress: [{ ports: [{ port: 'sig', protocol: 'SCTP' }] }] })),
  ok(OURS, 'network-policy-port-name', 'named port of an egress rule belongs to the destination, not checked', withApp({ egress: [{ ports: [{ port: 'dns', protocol: 'UDP' }] }] })),
  ok(OURS, 'network-policy-port-name', 'ingress rules of an Egress-only policy are not checked', withApp({ policyTypes: ['Egress'], ingress: [{ ports: [{ port: 'htttp' }] }] })),
  ok(OURS, 'network-policy-port-name', 'named port where a custom resource may create the pods is not checked',
    [...ports({ port: 'metrics' }), { apiVersion: 'example.com/v1', kind: 'WebCluster', metadata: { name: 'web' }, spec: {} }]),
  ok(OURS, 'network-policy-port-name', 'named port declared by one of the selected workloads', [...ports({ port: 'metrics' }),
    deployment({ metadata: { name: 'exporter' }, spec: { template: { spec: { containers: [container([{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9100 }])] } } } })]),

  // linkage: numbered ports are container ports
  ok(OURS, 'network-policy-port-number', 'numbered port declared by the selected pods', ports({ port: 8080 })),
  ok(OURS, 'network-policy-port-number', 'endPort range covering the declared port', ports({ port: 8000, endPort: 8080 })),
  ok(OURS, 'network-policy-port-number', 'UDP port declared over UDP', declaring([{ name: 'dns', containerPort: 5353, protocol: 'UDP' }], { ingress: [{ ports: [{ port: 5353, protocol: 'UDP' }] }] })),
  ok(OURS, 'network-policy-port-number', 'Service port instead of container port is accepted, with a warning', ports({ port: 80 }), { warns: true }),
  bad(OURS, 'network-policy-port-number', 'Service port instead of container port (named targetPort)', 'spec.ingress[0].ports[0].port',
    '80 is the port of Service "web", whose pods listen on 8080 (targetPort http); a NetworkPolicy allows pod ports, so allow 8080', ports({ port: 80 })),
  bad(OURS, 'network-policy-port-number', 'Service port instead of container port (numbered targetPort)', 'spec.ingress[0].ports[0].port',
    '443 is the port of Service "web", whose pods listen on 8443 (targetPort 8443)',
    [service({ spec: { ports: [{ name: 'https', port: 443, targetPort: 8443 }] } }),
      deployment({ spec: { template: { spec: { containers: [container([{ name: 'https', containerPort: 8443 }])] } } } }),
      policy({ ingress: [{ ports: [{ port: 443 }] }] })]),
  bad(OURS, 'network-policy-port-number', 'port undeclared by the selected pods', 'spec.ingress[0].ports[0].port',
    'port 9090/TCP is not declared as a containerPort by the pods this policy selects (Deployment "web" declares http 8080/TCP)', ports({ port: 9090 })),
  bad(OURS, 'network-policy-port-number', 'port declared over TCP, allowed over UDP', 'spec.ingress[0].ports[0].port', 'port 8080/UDP is not declared',
    ports({ port: 8080, protocol: 'UDP' })),
  bad(OURS, 'network-policy-port-number', 'SCTP port declared over TCP', 'spec.ingress[0].ports[0].port', 'port 3868/SCTP is not declared',
    declaring([{ name: 'sig', containerPort: 3868 }], { ingress: [{ ports: [{ port: 3868, protocol: 'SCTP' }] }] })),
  bad(OURS, 'network-policy-port-number', 'endPort range missing the declared port', 'spec.ingress[0].ports[0].port', 'ports 9000-9100/TCP are not declared',
    ports({ port: 9000, endPort: 9100 })),
  ok(OURS, 'network-policy-port-number', 'linkage: false turns the check off', ports({ port: 80 }), { options: { linkage: false } }),
];
