// The registry's allocators across one input: cluster IPs and node ports are cluster-wide, so when two Services of
// the same input ask for the same cluster IP or node port, the second create fails (`allocateCreate`). The findings
// use the rules of the fields they concern (service-cluster-ip, service-node-port, service-health-check-node-port)
// and go on the Service applied second, in input order, as `kubectl apply` creates them.
import { ServiceSpecView, invalid, text } from './contract';
import { asArray, isUnset } from './json';
import type { CheckedService, Report } from './report';
import { defaultServiceSpec } from './service-defaults';
import { isInteger, parseIP } from './validators';

/**
 * What already holds an address or a port: the Service, as `namespace/name`.
 */
type Holders = Map<string, string>;

/**
 * Reports cluster IPs and node ports (health-check node ports included) that an earlier Service of the input already
 * asked for. A Service that repeats an earlier one (same namespace and name) is an update of it, not a create, and
 * is left to object-duplicate.
 *
 * @internal
 */
export function checkAllocations(services: readonly CheckedService[], report: Report): void {
  const ips: Holders = new Map();
  const nodePorts: Holders = new Map();
  const seen = new Set<string>();
  for (const obj of services) {
    const holder = `${obj.scope}/${obj.name}`;
    if (!obj.view.spec || seen.has(holder)) continue;
    seen.add(holder);
    if (!asksForAllocation(obj.view.spec)) continue;
    const spec = defaultServiceSpec(obj.view.spec);
    allocateClusterIPs(obj, report, spec, holder, ips);
    allocateNodePorts(obj, report, spec, holder, nodePorts);
  }
}

/**
 * `allocClusterIPs`: each requested cluster IP is allocated from its family's range; headless and ExternalName
 * Services allocate none.
 */
function allocateClusterIPs(obj: CheckedService, report: Report, spec: ServiceSpecView, holder: string, held: Holders): void {
  if (spec.type === 'ExternalName') return;
  const clusterIPs = asArray(spec.clusterIPs);
  if (clusterIPs[0] === 'None') return;
  const mine: string[] = [];
  for (const ip of clusterIPs) {
    const parsed = typeof ip === 'string' ? parseIP(ip) : undefined;
    // invalid addresses are service-cluster-ip findings of their own
    if (!parsed) continue;
    const key = `${parsed.family}/${parsed.bytes.join('.')}`;
    const other = held.get(key);
    if (other !== undefined) {
      report.add(obj, 'service-cluster-ip', 'spec.clusterIPs', invalid(clusterIPs,
        `failed to allocate IP ${text(ip)}: provided IP is already allocated (Service ${other} asks for it earlier in the input)`));
      return;
    }
    mine.push(key);
  }
  for (const key of mine) held.set(key, holder);
}

/**
 * `initNodePorts` and `allocHealthCheckNodePort`: NodePort and LoadBalancer Services allocate the node ports they
 * request, and a LoadBalancer with externalTrafficPolicy Local its health-check node port, from one allocator.
 */
function allocateNodePorts(obj: CheckedService, report: Report, spec: ServiceSpecView, holder: string, held: Holders): void {
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return;
  const mine = new Set<number>();
  const take = (port: unknown, field: string, message: (other: string) => string): void => {
    if (!isInteger(port) || port === 0) return;
    const other = held.get(String(port));
    if (other !== undefined) report.add(obj, field === 'spec.healthCheckNodePort' ? 'service-health-check-node-port' : 'service-node-port', field, message(other));
    else mine.add(port);
  };
  (spec.ports ?? []).forEach((p, i) => {
    if (!p) return;
    take(p.nodePort, `spec.ports[${i}].nodePort`, other => invalid(p.nodePort, `provided port is already allocated (Service ${other} asks for it earlier in the input)`));
  });
  if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
    const hc = spec.healthCheckNodePort;
    take(hc, 'spec.healthCheckNodePort', other => invalid(hc,
      `failed to allocate requested HealthCheck NodePort ${text(hc)}: provided port is already allocated (Service ${other} asks for it earlier in the input)`));
  }
  for (const port of mine) held.set(String(port), holder);
}

/** Whether a Service asks for a particular cluster IP, node port or health-check node port (most ask for none). */
function asksForAllocation(spec: ServiceSpecView): boolean {
  if (!isUnset(spec.clusterIP) || asArray(spec.clusterIPs).length > 0 || !isUnset(spec.healthCheckNodePort)) return true;
  return (spec.ports ?? []).some(p => p !== undefined && !isUnset(p.nodePort));
}
