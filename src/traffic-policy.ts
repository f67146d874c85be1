/**
 * Whether a Service routes traffic to endpoints cluster-wide or only to endpoints on the receiving node.
 */
export enum TrafficPolicy {
  /**
   * Route to all ready endpoints in the cluster (the Kubernetes default). For external traffic this hides the
   * client's source IP behind a node's.
   */
  CLUSTER = 'Cluster',

  /**
   * Route only to endpoints on the node that received the traffic, and drop it if there are none. For external
   * traffic this keeps the client's source IP.
   */
  LOCAL = 'Local',
}
