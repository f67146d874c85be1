// The checker's options: what a user sets (CheckOptions, from code, AppValidation.configure or the command line)
// and the one resolved object every rule family reads. A new option is added here, and read where it is needed.
import type { RuleInfo } from './rule';
import { isCidr } from './validators';

/**
 * A range of node ports, as the API server's `--service-node-port-range` sets it.
 */
export interface NodePortRange {
  /**
   * The lowest node port.
   */
  readonly min: number;

  /**
   * The highest node port.
   */
  readonly max: number;
}

/**
 * Options of a `ManifestChecker`.
 */
export interface CheckOptions {
  /**
   * The node-port range of the target cluster (the API server's `--service-node-port-range`).
   *
   * @default - 30000-32767, the Kubernetes default
   */
  readonly nodePortRange?: NodePortRange;

  /**
   * The cluster's service CIDRs (the API server's `--service-cluster-ip-range`, one per IP family). When given, a
   * requested `clusterIP`/`clusterIPs` must lie in the range of its family, as the allocator requires.
   *
   * @default - not checked: the API server's own default (10.0.0.0/24) is rarely what a cluster uses (kubeadm
   * 10.96.0.0/12, k3s 10.43.0.0/16, EKS 10.100.0.0/16 or 172.20.0.0/16)
   */
  readonly serviceCIDRs?: string[];

  /**
   * Whether to check the wiring between objects: Services against the pod templates they select, and duplicate
   * objects. Turn it off to check objects whose pods live in other manifests.
   *
   * @default true
   */
  readonly linkage?: boolean;

  /**
   * The namespace that objects without one land in, as `kubectl apply -n` or `helm install --namespace` decide.
   * Wiring and duplicates are checked per namespace.
   *
   * @default 'default'
   */
  readonly defaultNamespace?: string;

  /**
   * Rule ids to skip (see `ManifestChecker.rules`, or `AppValidation.rules` at synth).
   *
   * @default - every rule runs
   */
  readonly skipRules?: string[];
}

/**
 * Options with every default applied and every value checked: what the rule families read.
 *
 * @internal
 */
export interface ResolvedOptions {
  readonly nodePortRange: NodePortRange;
  /** Undefined when the service CIDR is not checked. */
  readonly serviceCIDRs: readonly string[] | undefined;
  readonly linkage: boolean;
  readonly defaultNamespace: string;
  readonly skip: ReadonlySet<string>;
}

/**
 * The Kubernetes default `--service-node-port-range`: 30000-32767.
 */
const DEFAULT_NODE_PORT_RANGE: NodePortRange = { min: 30000, max: 32767 };

/**
 * Applies the defaults and checks the values; throws on an unknown rule id or an impossible range or CIDR.
 *
 * @param rules the rules that may be skipped where these options are used
 * @internal
 */
export function resolveOptions(options: CheckOptions, rules: readonly RuleInfo[]): ResolvedOptions {
  for (const cidr of options.serviceCIDRs ?? []) {
    if (!isCidr(cidr)) throw new Error(`serviceCIDRs must be CIDRs such as 10.96.0.0/12, got '${cidr}'`);
  }
  const known = new Set(rules.map(r => r.id));
  for (const id of options.skipRules ?? []) {
    if (!known.has(id)) {
      throw new Error(`unknown rule '${id}' in skipRules; known rules are ${[...known].join(', ')}`);
    }
  }
  const nodePortRange = options.nodePortRange ?? DEFAULT_NODE_PORT_RANGE;
  const { min, max } = nodePortRange;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max > 65535 || min > max) {
    throw new Error(`nodePortRange must be whole numbers with 1 <= min <= max <= 65535, got ${min}-${max}`);
  }
  return {
    nodePortRange: { min, max },
    serviceCIDRs: options.serviceCIDRs && options.serviceCIDRs.length > 0 ? [...options.serviceCIDRs] : undefined,
    linkage: options.linkage ?? true,
    defaultNamespace: options.defaultNamespace ?? 'default',
    skip: new Set(options.skipRules ?? []),
  };
}
