import { k8s } from 'cdk8s-plus-27';
import * as kplus from 'cdk8s-plus-27';
import { isCidr, isDns1123Label } from './check';
import { NAMESPACE_NAME_LABEL } from './check/contract';
import { Problems } from './errors';
import { selectedLabels } from './views';

/**
 * Options of `NetworkPeer.ipBlock`.
 */
export interface IpBlockOptions {
  /**
   * CIDRs inside the block to leave out, such as a management subnet.
   *
   * @default - none
   */
  readonly except?: string[];
}

/**
 * Where traffic comes from (or goes to), in a NetworkPolicy rule.
 *
 * A workload is selected by what its own selector selects (for this library's workloads, their `Identity`), so
 * renaming or moving a construct changes nothing in the policy.
 *
 * @example
 *
 * NetworkPeer.workload(frontend);            // the pods of a workload: ours or any cdk8s-plus-27 workload
 * NetworkPeer.namespace('monitoring');       // every pod of a namespace
 * NetworkPeer.ipBlock('10.0.0.0/8');         // addresses outside the cluster, such as a VPN range
 */
export class NetworkPeer {
  /**
   * The pods of a workload: a workload of this library or any cdk8s-plus-27 workload (Deployment, StatefulSet,
   * DaemonSet) or Pod. Selected by what the workload selects (its selector's labels and expressions, or a Pod's
   * labels), and by its namespace when that differs from the policy's.
   */
  public static workload(workload: kplus.AbstractPod): NetworkPeer {
    return new NetworkPeer(`workload ${workload.metadata.namespace ?? ''}/${workload.name}`, workload, undefined, undefined);
  }

  /**
   * Every pod of a namespace, selected by the `kubernetes.io/metadata.name` label the API server gives every
   * namespace.
   *
   * @param name the namespace, a DNS-1123 label
   */
  public static namespace(name: string): NetworkPeer {
    const problems = isDns1123Label(name);
    if (problems.length > 0) new Problems('NetworkPeer.namespace()').invalid('name', name, problems.join('; '), 'pass a namespace name, such as \'monitoring\'').fail();
    return new NetworkPeer(`namespace ${name}`, undefined, name, undefined);
  }

  /**
   * Addresses in a CIDR: for clients outside the cluster (pod IPs are ephemeral; select pods with `workload` or
   * `namespace` instead).
   *
   * @param cidr a CIDR, such as 10.0.0.0/8 or fd00::/8
   */
  public static ipBlock(cidr: string, options: IpBlockOptions = {}): NetworkPeer {
    const except = options.except ?? [];
    const problems = new Problems('NetworkPeer.ipBlock()');
    if (!isCidr(cidr)) problems.invalid('cidr', cidr, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)', 'pass a CIDR such as 10.0.0.0/8');
    except.forEach((e, i) => {
      if (!isCidr(e)) problems.invalid(`except[${i}]`, e, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)', 'pass CIDRs inside cidr');
    });
    problems.throwIfAny();
    const key = `ipBlock ${[cidr, ...except].join(' ')}`;
    return new NetworkPeer(key, undefined, undefined, { cidr, except: except.length > 0 ? [...except] : undefined });
  }

  /**
   * What identifies the peer, for telling two peers apart.
   *
   * @internal
   */
  public readonly _key: string;

  /**
   * The workload, for a workload peer.
   *
   * @internal
   */
  public readonly _workload?: kplus.AbstractPod;

  private constructor(
    key: string,
    workload: kplus.AbstractPod | undefined,
    private readonly namespaceName: string | undefined,
    private readonly block: k8s.IpBlock | undefined,
  ) {
    this._key = key;
    this._workload = workload;
  }

  /**
   * A short name for the peer, for the names of the policies that allow it, in a policy of namespace
   * `policyNamespace`: the workload's name (`<name>.<namespace>` when it is in another namespace), `ns-<name>`, or
   * `cidr-<cidr>` (with `-except-<cidr>…`).
   *
   * @internal
   */
  public _nameIn(policyNamespace: string | undefined): string {
    if (this.block) {
      const except = this.block.except ?? [];
      return ['cidr', sanitize(this.block.cidr), ...(except.length > 0 ? ['except', ...except.map(sanitize)] : [])].join('-');
    }
    if (this.namespaceName !== undefined) return `ns-${this.namespaceName}`;
    const workload = this._workload!;
    const namespace = workload.metadata.namespace;
    return namespace !== undefined && namespace !== policyNamespace ? `${workload.name}.${namespace}` : workload.name;
  }

  /**
   * The peer as a NetworkPolicy renders it, in a policy of namespace `policyNamespace`.
   *
   * @internal
   */
  public _toKube(policyNamespace: string | undefined): k8s.NetworkPolicyPeer {
    if (this.block) return { ipBlock: this.block };
    if (this.namespaceName !== undefined) return { namespaceSelector: namespaceSelector(this.namespaceName) };
    const workload = this._workload!;
    return podPeer(podSelectorOf(workload), workload.metadata.namespace, policyNamespace);
  }
}

/** A CIDR as part of a name: lowercase, separators as hyphens (`10.0.0.0/8` → `10.0.0.0-8`, `fd00::/8` → `fd00-8`). */
function sanitize(part: string): string {
  return part.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * What a workload selects, as a LabelSelector: its selector's labels and expressions, or a Pod's labels.
 *
 * @internal
 */
export function podSelectorOf(workload: kplus.AbstractPod): k8s.LabelSelector {
  const expressions = 'matchExpressions' in workload ? (workload as kplus.Workload).matchExpressions : [];
  const labels = selectedLabels(workload);
  return {
    ...(Object.keys(labels).length > 0 || expressions.length === 0 ? { matchLabels: labels } : {}),
    ...(expressions.length > 0 ? { matchExpressions: expressions.map(e => ({ key: e.key, operator: e.operator, values: e.values })) } : {}),
  };
}

/**
 * Whether a LabelSelector selects by nothing: it would select every pod of its namespace.
 *
 * @internal
 */
export function selectsEverything(selector: k8s.LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/**
 * A pod peer: pods `selector` selects in `namespace`, with a namespace selector when that is not the policy's own.
 *
 * @internal
 */
export function podPeer(selector: k8s.LabelSelector, namespace: string | undefined, policyNamespace: string | undefined): k8s.NetworkPolicyPeer {
  // a peer without a namespace lands where the policy's namespace is applied: the policy's own
  const elsewhere = namespace !== undefined && namespace !== policyNamespace;
  return {
    podSelector: selector,
    ...(elsewhere ? { namespaceSelector: namespaceSelector(namespace) } : {}),
  };
}

/**
 * The selector of one namespace, by name.
 *
 * @internal
 */
export function namespaceSelector(name: string): k8s.LabelSelector {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: name } };
}
