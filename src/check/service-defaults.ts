// What the API server fills in on a Service before it validates it: `SetDefaults_Service`
// (pkg/apis/core/v1/defaults.go) and the registry's create strategy. The rules see the defaulted view; field paths
// stay those of the manifest.
import type { ServicePortView, ServiceSpecView } from './contract';
import { isUnset } from './json';

/** `core.DefaultClientIPServiceAffinitySeconds`. */
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/**
 * A Service spec as the API server validates it on create.
 *
 * @internal
 */
export function defaultServiceSpec(spec: ServiceSpecView): ServiceSpecView {
  // in Go an empty string is the unset value, so '' is defaulted like an absent field
  const type = isUnset(spec.type) ? 'ClusterIP' : spec.type;
  const sessionAffinity = isUnset(spec.sessionAffinity) ? 'None' : spec.sessionAffinity;
  const nodePorts = type === 'NodePort' || type === 'LoadBalancer';
  // normalizeClusterIPs (create): clusterIP is copied into an empty clusterIPs, never the other way round
  const copyClusterIP = typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && !(Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0);
  return {
    ...spec,
    type,
    sessionAffinity,
    clientIPTimeoutSeconds: sessionAffinity === 'ClientIP' ? spec.clientIPTimeoutSeconds ?? DEFAULT_CLIENT_IP_AFFINITY_SECONDS : spec.clientIPTimeoutSeconds,
    externalTrafficPolicy: nodePorts && isUnset(spec.externalTrafficPolicy) ? 'Cluster' : spec.externalTrafficPolicy,
    // internalTrafficPolicy is a pointer in Go: only an absent value is defaulted
    internalTrafficPolicy: type !== 'ExternalName' && (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) ? 'Cluster' : spec.internalTrafficPolicy,
    clusterIPs: copyClusterIP ? [spec.clusterIP] : spec.clusterIPs,
    ports: spec.ports?.map(p => (p ? defaultServicePort(p) : p)),
  };
}

/**
 * `SetDefaults_Service` for one port: protocol TCP; targetPort = port when it is 0 or '' (an omitted port is 0).
 *
 * @internal
 */
export function defaultServicePort(p: ServicePortView): ServicePortView {
  const targetUnset = p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '';
  return {
    ...p,
    protocol: isUnset(p.protocol) ? 'TCP' : p.protocol,
    targetPort: targetUnset ? p.port ?? 0 : p.targetPort,
  };
}

