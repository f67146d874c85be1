/**
 * Options of `Identity.of`.
 */
export interface IdentityOptions {
  /**
   * The `app.kubernetes.io/instance` label: which installation of the application this is, when one cluster runs
   * several (say `checkout-eu` and `checkout-us`).
   *
   * @default - the same as the name
   */
  readonly instance?: string;
}

/**
 * The labels that identify a workload's pods, and the only labels its selector and the Services that select it
 * are built from.
 *
 * An identity is a value, not derived from the construct tree: renaming or moving a construct never changes it, so
 * a Deployment's selector (immutable on a live cluster) stays stable. Labels that change over time, such as
 * version, environment or tier, belong on pods and objects (`labels`), never in an identity.
 *
 * @example
 *
 * const api = Identity.of('api');                        // app.kubernetes.io/name=api, app.kubernetes.io/instance=api
 * const legacy = Identity.fromLabels({ app: 'MyApp' });  // app=MyApp
 * const canary = api.withLabels({ track: 'canary' });    // api's labels plus track=canary
 */
export class Identity {
  /**
   * The recommended label for the application's name.
   */
  public static readonly NAME_LABEL = 'app.kubernetes.io/name';

  /**
   * The recommended label for the application's instance.
   */
  public static readonly INSTANCE_LABEL = 'app.kubernetes.io/instance';

  /**
   * An identity made of the Kubernetes recommended labels `app.kubernetes.io/name` and
   * `app.kubernetes.io/instance`.
   *
   * @param name the application's name, such as `image-processor`
   */
  public static of(name: string, options: IdentityOptions = {}): Identity {
    return new Identity({
      [Identity.NAME_LABEL]: name,
      [Identity.INSTANCE_LABEL]: options.instance ?? name,
    });
  }

  /**
   * An identity made of labels you name, such as `{ app: 'MyApp' }` in the Kubernetes documentation.
   *
   * @param labels at least one label
   */
  public static fromLabels(labels: { [key: string]: string }): Identity {
    return new Identity({ ...labels });
  }

  private readonly _labels: { [key: string]: string };

  private constructor(labels: { [key: string]: string }) {
    if (Object.keys(labels).length === 0) {
      throw new Error('an identity needs at least one label: an empty selector would select every pod in the namespace');
    }
    this._labels = labels;
  }

  /**
   * The identity's labels (a copy).
   */
  public get labels(): { [key: string]: string } {
    return { ...this._labels };
  }

  /**
   * A narrower identity: this one's labels plus `labels`. Use it for workloads that share an identity but must not
   * share pods, such as a stable and a canary Deployment behind one Service (`track: stable`, `track: canary`).
   *
   * @param labels labels to add; a key this identity already has must keep its value
   */
  public withLabels(labels: { [key: string]: string }): Identity {
    for (const [key, value] of Object.entries(labels)) {
      const current = this._labels[key];
      if (current !== undefined && current !== value) {
        throw new Error(`withLabels cannot change identity label '${key}' from '${current}' to '${value}': it is what existing selectors match; add a new key (such as 'track') instead`);
      }
    }
    return new Identity({ ...this._labels, ...labels });
  }
}
