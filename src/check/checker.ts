import { Finding } from './finding';
import { checkLinkage } from './linkage-rules';
import { isCheckedKind, podTemplateOf } from './pod-template';
import { CheckedObject, Report, asStringMap, isObject } from './report';
import { RULES, RuleInfo } from './rules';
import { DEFAULT_NODE_PORT_RANGE, NodePortRange, checkService } from './service-rules';
import { isCidr } from './validators';
import { checkWorkload } from './workload-rules';

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
   * Rule ids to skip (see `ManifestChecker.rules`).
   *
   * @default - every rule runs
   */
  readonly skipRules?: string[];
}

/**
 * Checks plain Kubernetes manifests (as parsed from YAML, or as `cdk8s` synthesizes them) against the API
 * server's create-time validation for Services and the workloads they select, and for broken Service wiring.
 *
 * Objects of kinds it does not know are passed over.
 */
export class ManifestChecker {
  /**
   * Every rule the checker knows.
   */
  public static readonly rules: RuleInfo[] = [...RULES];

  private readonly nodePortRange: NodePortRange;
  private readonly linkage: boolean;
  private readonly serviceCIDRs?: readonly string[];
  private readonly defaultNamespace: string;
  private readonly skip: ReadonlySet<string>;

  constructor(options: CheckOptions = {}) {
    this.nodePortRange = options.nodePortRange ?? DEFAULT_NODE_PORT_RANGE;
    this.linkage = options.linkage ?? true;
    this.defaultNamespace = options.defaultNamespace ?? 'default';
    for (const cidr of options.serviceCIDRs ?? []) {
      if (!isCidr(cidr)) throw new Error(`serviceCIDRs must be CIDRs such as 10.96.0.0/12, got '${cidr}'`);
    }
    this.serviceCIDRs = options.serviceCIDRs ? [...options.serviceCIDRs] : undefined;
    const known = new Set(RULES.map(r => r.id));
    for (const id of options.skipRules ?? []) {
      if (!known.has(id)) {
        throw new Error(`unknown rule '${id}' in skipRules; known rules are ${[...known].join(', ')}`);
      }
    }
    this.skip = new Set(options.skipRules ?? []);
    const { min, max } = this.nodePortRange;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max > 65535 || min > max) {
      throw new Error(`nodePortRange must be whole numbers with 1 <= min <= max <= 65535, got ${min}-${max}`);
    }
  }

  /**
   * Checks a list of manifests and returns every finding, errors and warnings, in the order of the objects.
   *
   * @param manifests plain Kubernetes objects; entries that are not objects are passed over
   */
  public check(manifests: any[]): Finding[] {
    const report = new Report(this.skip);
    const objects: CheckedObject[] = [];
    manifests.forEach((manifest, index) => {
      if (!isObject(manifest) || typeof manifest.kind !== 'string') return;
      const meta = asStringMap(manifest.metadata);
      const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
      const known = isCheckedKind(manifest.kind, manifest.apiVersion);
      objects.push({
        index,
        kind: manifest.kind,
        namespace,
        scope: namespace === '' ? this.defaultNamespace : namespace,
        name: typeof meta.name === 'string' ? meta.name : '',
        manifest,
        template: known ? podTemplateOf(manifest.kind, manifest) : undefined,
      });
    });
    for (const obj of objects) {
      if (!isCheckedKind(obj.kind, obj.manifest.apiVersion)) continue;
      if (obj.kind === 'Service') {
        checkService(obj, report, { nodePortRange: this.nodePortRange, serviceCIDRs: this.serviceCIDRs });
      } else {
        checkWorkload(obj, report);
      }
    }
    if (this.linkage) {
      checkLinkage(objects, report);
    }
    return report.findings.sort((a, b) => a.index - b.index);
  }
}
