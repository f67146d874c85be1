// The `exposeVia…` methods of this library's workloads: a Service of each type in front of the workload, as a child
// construct, named like the workload and in its namespace.
import * as kplus from 'cdk8s-plus-27';
import { Backend } from './backend';
import { ClusterIPService, ClusterIPServiceOptions } from './cluster-ip-service';
import { HeadlessService, HeadlessServiceOptions } from './headless-service';
import { LoadBalancerService, LoadBalancerServiceOptions } from './load-balancer-service';
import { NodePortService, NodePortServiceOptions } from './node-port-service';
import { ServiceOptions } from './service';

/** @internal */
export function exposeViaClusterIP(workload: kplus.Workload, options: ClusterIPServiceOptions): ClusterIPService {
  return new ClusterIPService(workload, 'ClusterIPService', { ...options, metadata: metadataOf(workload, options, ''), backend: Backend.fromWorkload(workload) });
}

/** @internal */
export function exposeViaHeadlessService(workload: kplus.Workload, options: HeadlessServiceOptions): HeadlessService {
  return new HeadlessService(workload, 'HeadlessService', { ...options, metadata: metadataOf(workload, options, '-headless'), backend: Backend.fromWorkload(workload) });
}

/** @internal */
export function exposeViaNodePort(workload: kplus.Workload, options: NodePortServiceOptions): NodePortService {
  return new NodePortService(workload, 'NodePortService', { ...options, metadata: metadataOf(workload, options, ''), backend: Backend.fromWorkload(workload) });
}

/** @internal */
export function exposeViaLoadBalancer(workload: kplus.Workload, options: LoadBalancerServiceOptions): LoadBalancerService {
  return new LoadBalancerService(workload, 'LoadBalancerService', { ...options, metadata: metadataOf(workload, options, ''), backend: Backend.fromWorkload(workload) });
}

function metadataOf(workload: kplus.Workload, options: ServiceOptions, suffix: string) {
  return {
    ...options.metadata,
    name: options.metadata?.name ?? `${workload.name}${suffix}`,
    namespace: options.metadata?.namespace ?? workload.metadata.namespace,
  };
}
