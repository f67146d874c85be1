// The public face of the picture of the wiring: `WiringMap.fromManifests(...)` or `WiringMap.fromApp(app)`, then
// `toMermaid()`. The `cdk8s-services map` command prints the same text.
import { ApiObject, App } from 'cdk8s';
import { mermaidMarkdown } from './mermaid';
import { drawNetwork } from './network-wiring';
import { drawServices } from './service-wiring';
import { WiringContext } from './wiring-context';
import { WiringGraph } from './wiring-graph';

/**
 * Options of a `WiringMap`.
 */
export interface WiringMapOptions {
  /**
   * The namespace that objects without one land in, as `kubectl apply -n` or `helm install --namespace` decide.
   * Services select pods, and Ingresses and NetworkPolicies reach them, within one namespace.
   *
   * @default 'default'
   */
  readonly defaultNamespace?: string;
}

/**
 * A picture of how traffic reaches pods: Ingress to Service port to the container port it resolves to in each
 * selected workload, what NetworkPolicies allow, ExternalName Services to their hosts, EndpointSlices to their
 * addresses, and StatefulSets to their governing Services, grouped by namespace.
 *
 * It is drawn from the objects as the checker reads them (`ManifestChecker`), and what its wiring rules find
 * broken is marked in red with the reason (a Service selecting no pods, a targetPort no selected pod declares, an
 * Ingress backend naming a missing Service or port, a NetworkPolicy selecting no pods); what the input cannot
 * resolve, because the other end may be defined elsewhere, in orange. The same objects, in any order, give the
 * same text.
 */
export class WiringMap {
  /**
   * The wiring of plain Kubernetes manifests, as parsed from YAML or as `cdk8s` synthesizes them.
   *
   * @param manifests plain Kubernetes objects; entries that are not objects with a string `kind` are passed over
   */
  public static fromManifests(manifests: any[], options: WiringMapOptions = {}): WiringMap {
    return new WiringMap(WiringContext.fromManifests(manifests, options.defaultNamespace ?? 'default'));
  }

  /**
   * The wiring of every object of a cdk8s app, as it renders.
   *
   * The objects are rendered one by one, without validating the app first (as `app.synth()` and `chart.toJson()`
   * do), so that an app whose wiring is broken can still be drawn, with what is broken marked. An object that cannot
   * render is left out.
   */
  public static fromApp(app: App, options: WiringMapOptions = {}): WiringMap {
    const manifests: any[] = [];
    for (const c of app.node.findAll()) {
      if (!ApiObject.isApiObject(c)) continue;
      try {
        manifests.push(c.toJson());
      } catch {
        // an object that cannot render fails synth itself, with its own message
      }
    }
    return WiringMap.fromManifests(manifests, options);
  }

  private readonly graph: WiringGraph;

  private constructor(context: WiringContext) {
    drawServices(context);
    drawNetwork(context);
    this.graph = context.graph;
  }

  /**
   * The picture as a Mermaid flowchart (`flowchart LR`) in a Markdown fence, as GitHub renders it: one subgraph per
   * namespace, ports on the edges, what is broken in red and dashed with the reason, and the checker's findings
   * behind the marks as Mermaid comments.
   */
  public toMermaid(): string {
    return mermaidMarkdown(this.graph);
  }
}
