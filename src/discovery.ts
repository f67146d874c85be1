// How clients find a Service: its DNS name in the cluster, an address or URL on one of its ports, and the names of
// the environment variables Kubernetes injects for it.

/**
 * Options of a Service's DNS name.
 */
export interface DnsNameOptions {
  /**
   * The cluster's DNS domain (the kubelet's `--cluster-domain`).
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

/**
 * Options of a Service's URL.
 */
export interface UrlOptions extends DnsNameOptions {
  /**
   * The URL scheme.
   *
   * @default 'http'
   */
  readonly scheme?: string;

  /**
   * The path, starting with `/`.
   *
   * @default - none
   */
  readonly path?: string;
}

/**
 * The cluster DNS name of a Service: `<name>.<namespace>.svc.<cluster domain>`.
 *
 * @internal
 */
export function serviceDnsName(name: string, namespace: string, options: DnsNameOptions = {}): string {
  return `${name}.${namespace}.svc.${options.clusterDomain ?? 'cluster.local'}`;
}

/**
 * The prefix of the environment variables the kubelet injects for a Service: its name, uppercased, with dashes
 * as underscores (`image-processor` → `IMAGE_PROCESSOR`).
 *
 * @internal
 */
export function envPrefix(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}
