// `ValidateNetworkPolicy` (create) for one networking.k8s.io/v1 NetworkPolicy: metadata, `spec.podSelector`, the
// ports and peers of each ingress and egress rule, and `spec.policyTypes`. Defaulting comes first, as in the API
// server: `policyTypes` defaults to Ingress (plus Egress when there are egress rules) and a port's protocol to TCP.
import { NetworkPolicyPeerView, NetworkPolicyPortView, NetworkPolicyView, forbidden, invalid, notSupported, required } from './contract';
import { Severity } from './finding';
import { asArray, isObject } from './json';
import { checkObjectMeta, subdomainName } from './metadata-rules';
import { POLICY_PEER_FIELDS, effectivePolicyTypes, policyPortProtocol } from './networking-views';
import type { RuleId } from './registry';
import type { CheckedObject, ObjectRef, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { SELECTOR_OPERATORS } from './selectors';
import { cidrContains, isCidr, isInteger, isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum } from './validators';

const { NETWORKING, META } = SOURCES;
const E = Severity.ERROR;
const M = RuleScope.MANIFEST;

/**
 * The rules of this family.
 *
 * @internal
 */
export const NETWORK_POLICY_RULES = {
  'network-policy-spec': rule(E, M, 'spec.podSelector is a valid label selector, and spec.policyTypes (defaulted to Ingress, plus Egress when there are egress rules) lists at most two values, each Ingress or Egress', `${NETWORKING} ValidateNetworkPolicySpec; ${META} ValidateLabelSelector`),
  'network-policy-port': rule(E, M, 'each port of an ingress or egress rule has protocol TCP, UDP or SCTP (default TCP), a port that is a number 1-65535 or an IANA_SVC_NAME (a container port name), and an endPort only with a numeric port, 1-65535 and not below it', `${NETWORKING} ValidateNetworkPolicyPort`),
  'network-policy-peer': rule(E, M, 'each peer (from, to) has a podSelector and/or a namespaceSelector (valid label selectors), or an ipBlock alone, whose cidr is a CIDR and whose except entries are CIDRs strictly inside it', `${NETWORKING} ValidateNetworkPolicyPeer, ValidateIPBlock`),
};

/** The protocols of a NetworkPolicy port, in the order the API server lists them. */
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
/** The policy types, in the order the API server lists them. */
const POLICY_TYPES = ['Ingress', 'Egress'];
/** The operators of a label selector expression. */

/**
 * `ValidateNetworkPolicy` for one NetworkPolicy.
 *
 * @internal
 */
export function checkNetworkPolicy(obj: CheckedObject<NetworkPolicyView>, report: Report): void {
  checkObjectMeta(obj, report, subdomainName);
  const spec = obj.view.spec;
  if (!spec) return;
  checkLabelSelector(obj, report, 'network-policy-spec', spec.podSelector, 'spec.podSelector');
  for (const direction of ['ingress', 'egress'] as const) {
    const peersField = POLICY_PEER_FIELDS[direction];
    spec[direction]?.forEach((r, i) => {
      if (!r) return;
      const at = `spec.${direction}[${i}]`;
      r.ports?.forEach((p, j) => {
        if (p) checkPort(obj, report, p, `${at}.ports[${j}]`);
      });
      r.peers?.forEach((p, j) => {
        if (p) checkPeer(obj, report, p, `${at}.${peersField}[${j}]`);
      });
    });
  }
  checkPolicyTypes(obj, report, spec.policyTypes, effectivePolicyTypes(spec));
}

/** The policyTypes part of `ValidateNetworkPolicySpec`, on the defaulted list. */
function checkPolicyTypes(obj: CheckedObject, report: Report, written: unknown, types: readonly unknown[]): void {
  if (written !== undefined && written !== null && !Array.isArray(written)) {
    report.add(obj, 'network-policy-spec', 'spec.policyTypes', invalid(written, 'must be a list of Ingress and/or Egress'));
    return;
  }
  if (types.length > POLICY_TYPES.length) {
    report.add(obj, 'network-policy-spec', 'spec.policyTypes', invalid(types, 'may not specify more than two policyTypes'));
    return;
  }
  types.forEach((t, i) => {
    if (typeof t !== 'string' || !POLICY_TYPES.includes(t)) report.add(obj, 'network-policy-spec', `spec.policyTypes[${i}]`, notSupported(t, POLICY_TYPES));
  });
}

/** `ValidateNetworkPolicyPort`, after the protocol's defaulting. */
function checkPort(obj: CheckedObject, report: Report, p: NetworkPolicyPortView, at: string): void {
  const protocol = policyPortProtocol(p);
  if (typeof protocol !== 'string' || !PROTOCOLS.includes(protocol)) report.add(obj, 'network-policy-port', `${at}.protocol`, notSupported(protocol, PROTOCOLS));
  const { port, endPort } = p;
  const hasEndPort = endPort !== undefined && endPort !== null;
  if (hasEndPort && !isInteger(endPort)) {
    report.add(obj, 'network-policy-port', `${at}.endPort`, invalid(endPort, 'must be an integer'));
    return;
  }
  if (port === undefined || port === null) {
    if (hasEndPort) report.add(obj, 'network-policy-port', `${at}.endPort`, invalid(endPort, 'may not be specified when `port` is not specified'));
    return;
  }
  if (typeof port === 'number') {
    for (const msg of isValidPortNum(port)) report.add(obj, 'network-policy-port', `${at}.port`, invalid(port, msg));
    if (hasEndPort) {
      const end = endPort as number;
      // the API server reports the port, not the endPort, as the bad value
      if (end < port) report.add(obj, 'network-policy-port', `${at}.endPort`, invalid(port, 'must be greater than or equal to `port`'));
      for (const msg of isValidPortNum(end)) report.add(obj, 'network-policy-port', `${at}.endPort`, invalid(end, msg));
    }
    return;
  }
  if (typeof port !== 'string') {
    report.add(obj, 'network-policy-port', `${at}.port`, invalid(port, 'must be a port number or a container port name'));
    return;
  }
  if (hasEndPort) report.add(obj, 'network-policy-port', `${at}.endPort`, invalid(endPort, 'may not be specified when `port` is non-numeric'));
  for (const msg of isValidPortName(port)) report.add(obj, 'network-policy-port', `${at}.port`, invalid(port, msg));
}

/** `ValidateNetworkPolicyPeer`: selectors, or an ipBlock alone. */
function checkPeer(obj: CheckedObject, report: Report, peer: NetworkPolicyPeerView, at: string): void {
  let peers = 0;
  if (peer.podSelector !== undefined && peer.podSelector !== null) {
    peers++;
    checkLabelSelector(obj, report, 'network-policy-peer', peer.podSelector, `${at}.podSelector`);
  }
  if (peer.namespaceSelector !== undefined && peer.namespaceSelector !== null) {
    peers++;
    checkLabelSelector(obj, report, 'network-policy-peer', peer.namespaceSelector, `${at}.namespaceSelector`);
  }
  if (peer.ipBlock) {
    peers++;
    checkIPBlock(obj, report, peer.ipBlock.cidr, peer.ipBlock.except, `${at}.ipBlock`);
  }
  if (peers === 0) {
    report.add(obj, 'network-policy-peer', at, required('must specify a peer'));
  } else if (peers > 1 && peer.ipBlock) {
    report.add(obj, 'network-policy-peer', at, forbidden('may not specify both ipBlock and another peer'));
  }
}

/** `ValidateIPBlock`: a CIDR, and except entries strictly inside it (the first bad entry ends the check). */
function checkIPBlock(obj: CheckedObject, report: Report, cidr: unknown, except: unknown, at: string): void {
  if (cidr === undefined || cidr === null || cidr === '') {
    report.add(obj, 'network-policy-peer', `${at}.cidr`, required());
    return;
  }
  if (typeof cidr !== 'string' || !isCidr(cidr)) {
    report.add(obj, 'network-policy-peer', `${at}.cidr`, invalid(cidr, 'not a valid CIDR'));
    return;
  }
  if (except !== undefined && except !== null && !Array.isArray(except)) {
    report.add(obj, 'network-policy-peer', `${at}.except`, invalid(except, 'must be a list of CIDRs'));
    return;
  }
  const cidrBits = prefixLength(cidr);
  for (const [i, entry] of asArray(except).entries()) {
    const path = `${at}.except[${i}]`;
    if (typeof entry !== 'string' || !isCidr(entry)) {
      report.add(obj, 'network-policy-peer', path, invalid(entry, 'not a valid CIDR'));
      return;
    }
    // Go checks that cidr contains the except network's (masked) address, and that the except prefix is longer
    if (!cidrContains(cidr, entry.slice(0, entry.indexOf('/'))) || cidrBits >= prefixLength(entry)) {
      report.add(obj, 'network-policy-peer', path, invalid(entry, 'must be a strict subset of `cidr`'));
    }
  }
}

/** The prefix length of a CIDR, as `Mask.Size()` counts it: IPv4 (also written IPv4-mapped) counts 32 bits. */
function prefixLength(cidr: string): number {
  const slash = cidr.indexOf('/');
  const bits = Number(cidr.slice(slash + 1));
  const address = cidr.slice(0, slash);
  return address.includes(':') && address.includes('.') ? bits - 96 : bits;
}

/**
 * `ValidateLabelSelector` (create: label values in expressions are validated): matchLabels keys and values, then each
 * expression's operator, values and key.
 *
 * @internal
 */
function checkLabelSelector(obj: ObjectRef, report: Report, ruleId: RuleId, selector: unknown, at: string): void {
  if (selector === undefined || selector === null) return;
  if (!isObject(selector)) {
    report.add(obj, ruleId, at, invalid(selector, 'must be a label selector with matchLabels and/or matchExpressions'));
    return;
  }
  const labels = selector.matchLabels;
  if (labels !== undefined && labels !== null) {
    if (!isObject(labels)) {
      report.add(obj, ruleId, `${at}.matchLabels`, invalid(labels, 'must be a map of label keys to string values'));
    } else {
      for (const key in labels) {
        for (const msg of isQualifiedName(key)) report.add(obj, ruleId, `${at}.matchLabels`, invalid(key, msg));
        const value = labels[key];
        const msgs = typeof value === 'string' ? isValidLabelValue(value) : [`the value of '${key}' must be a string; quote numbers and booleans in YAML`];
        for (const msg of msgs) report.add(obj, ruleId, `${at}.matchLabels`, invalid(value, msg));
      }
    }
  }
  const expressions = selector.matchExpressions;
  if (expressions !== undefined && expressions !== null && !Array.isArray(expressions)) {
    report.add(obj, ruleId, `${at}.matchExpressions`, invalid(expressions, 'must be a list of expressions'));
    return;
  }
  asArray(expressions).forEach((expr, i) => {
    const path = `${at}.matchExpressions[${i}]`;
    if (!isObject(expr)) {
      report.add(obj, ruleId, path, invalid(expr, 'must be an object with key, operator and values'));
      return;
    }
    const values = asArray(expr.values);
    if (expr.operator === 'In' || expr.operator === 'NotIn') {
      if (values.length === 0) report.add(obj, ruleId, `${path}.values`, required('must be specified when `operator` is \'In\' or \'NotIn\''));
    } else if (expr.operator === 'Exists' || expr.operator === 'DoesNotExist') {
      if (values.length > 0) report.add(obj, ruleId, `${path}.values`, forbidden('may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
    } else {
      report.add(obj, ruleId, `${path}.operator`, invalid(expr.operator, `not a valid selector operator (${SELECTOR_OPERATORS.join(', ')})`));
    }
    for (const msg of typeof expr.key === 'string' ? isQualifiedName(expr.key) : ['must be a string']) {
      report.add(obj, ruleId, `${path}.key`, invalid(expr.key, msg));
    }
    values.forEach((v, j) => {
      for (const msg of typeof v === 'string' ? isValidLabelValue(v) : ['must be a string']) report.add(obj, ruleId, `${path}.values[${j}]`, invalid(v, msg));
    });
  });
}
