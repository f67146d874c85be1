// The checker's options: what a user sets (CheckOptions, from code, AppValidation.configure or the command line)
// and the one resolved object every rule family reads. A new option is added here, and read where it is needed.
import { Severity } from './finding';
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
 * What the checker makes of a field that the object's kind does not have in Kubernetes 1.27 (a misspelt field, one
 * from a later release), as kubectl's `--validate` decides what the API server does with it.
 */
export enum UnknownFields {
  /**
   * An error: kubectl's default strict field validation (`--validate=strict`) makes the API server refuse the object
   * (`strict decoding error: unknown field "spec.foo"`).
   */
  ERROR = 'error',

  /**
   * A warning: as `kubectl --validate=warn`, the API server drops the field and warns.
   */
  WARNING = 'warning',

  /**
   * Not reported: as `kubectl --validate=false`, the API server drops the field silently.
   */
  IGNORE = 'ignore',
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
   * requested `clusterIP`/`clusterIPs` must lie in the range of its family, as the allocator requires, and the
   * families of these CIDRs are the cluster's: a Service that asks for another family, or for RequireDualStack on
   * a single-stack cluster, is refused as the registry refuses it.
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
   * The Kubernetes version the manifests are applied to, as `1.<minor>` (1.27 to 1.35). The checker validates as
   * the 1.27 API server does, with its 1.27 schema. For a later version, a field that schema does not have may have
   * come since (a native sidecar's `restartPolicy`, a Job's `podReplacementPolicy`), so unknown fields are warnings
   * rather than errors; and a Service's `spec.trafficDistribution` is checked as that version checks it (1.30, on by
   * default from 1.31; PreferSameZone and PreferSameNode from 1.34).
   *
   * @default '1.27'
   */
  readonly kubernetesVersion?: string;

  /**
   * What to make of fields the object's kind does not have in Kubernetes 1.27, as kubectl's `--validate` decides:
   * errors (the object is refused), warnings (the field is dropped), or nothing. Applies to the kinds the checker
   * knows; the fields of custom resources are never checked.
   *
   * @default UnknownFields.ERROR - as kubectl's default strict field validation
   */
  readonly unknownFields?: UnknownFields;

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
  /** The minor version of the target Kubernetes 1.x. */
  readonly kubernetesMinor: number;
  /** The rules whose findings take another severity than the registry's (`unknownFields: warning`). */
  readonly severities: ReadonlyMap<string, Severity>;
}

/** The rule `unknownFields` sets the severity of (decode-rules.ts). */
const UNKNOWN_FIELD_RULE = 'object-unknown-field';

/**
 * The Kubernetes default `--service-node-port-range`: 30000-32767.
 */
const DEFAULT_NODE_PORT_RANGE: NodePortRange = { min: 30000, max: 32767 };

/** The Kubernetes minor versions `kubernetesVersion` takes: the checker's own, and the releases whose changes to the checked fields it knows. */
const KUBERNETES_MINORS = { min: 27, max: 35 };

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
  const unknownFields = options.unknownFields ?? UnknownFields.ERROR;
  if (!Object.values(UnknownFields).includes(unknownFields)) {
    throw new Error(`unknownFields must be one of ${Object.values(UnknownFields).join(', ')}, got '${unknownFields}'`);
  }
  const kubernetesMinor = minorOf(options.kubernetesVersion ?? '1.27');
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
    skip: new Set([...options.skipRules ?? [], ...unknownFields === UnknownFields.IGNORE ? [UNKNOWN_FIELD_RULE] : []]),
    kubernetesMinor,
    // a later version may serve fields the 1.27 schema lacks: what it does not know is no longer proven wrong
    severities: new Map(unknownFields === UnknownFields.WARNING || kubernetesMinor > 27 ? [[UNKNOWN_FIELD_RULE, Severity.WARNING]] : []),
  };
}

/** The minor version of `1.<minor>` (a leading `v` and a patch version are accepted), within the versions known. */
function minorOf(version: string): number {
  const m = /^v?1\.(\d+)(?:\.\d+)?$/.exec(version);
  const minor = m ? Number(m[1]) : NaN;
  if (!(minor >= KUBERNETES_MINORS.min && minor <= KUBERNETES_MINORS.max)) {
    throw new Error(`kubernetesVersion must be a Kubernetes version from 1.${KUBERNETES_MINORS.min} to 1.${KUBERNETES_MINORS.max}, such as 1.27, got '${version}'`);
  }
  return minor;
}
