// The picture of an input's wiring as a graph: the objects that carry or receive traffic as nodes, grouped by the
// namespace they land in (or outside the cluster: external hosts, addresses, CIDRs), and what connects them as
// edges with the ports they carry. What the checker's linkage rules find broken is marked on the node or edge it
// concerns. The graph knows nothing of how it is drawn (mermaid.ts draws it).

/**
 * How a node or edge is marked: wired (`ok`), broken as the input proves (`dangling`, an error of a linkage rule), or
 * not resolved by the input, where the other end may live elsewhere (`unresolved`, a warning).
 *
 * @internal
 */
export type WiringMark = 'ok' | 'unresolved' | 'dangling';

/**
 * What a node stands for, which decides its shape and its place in the order of its namespace. A `namespace` node
 * stands for every pod of its namespace: it is drawn as the namespace's subgraph.
 *
 * @internal
 */
export type NodeRole = 'namespace' | 'ingress' | 'service' | 'endpointSlice' | 'workload' | 'networkPolicy' | 'peer' | 'external' | 'addresses';

/** The order of the marks of edges between the same nodes: what works first. */
const MARK_ORDER: readonly WiringMark[] = ['ok', 'unresolved', 'dangling'];

/** The order of the roles within a namespace, and outside the cluster. */
const ROLE_ORDER: readonly NodeRole[] = ['namespace', 'ingress', 'service', 'endpointSlice', 'workload', 'networkPolicy', 'peer', 'external', 'addresses'];

/**
 * One node: an object of a namespace, or something outside the cluster.
 *
 * @internal
 */
export interface WiringNode {
  readonly role: NodeRole;
  /** The namespace the object lands in; undefined outside the cluster. */
  readonly namespace: string | undefined;
  /** The first line of the label, such as `svc/api` (kubectl's short kind names) or `db.example.com`. */
  readonly title: string;
  /** What tells the node apart from others of its role and namespace: its title, unless the title is shortened. */
  readonly identity: string;
  /** Further lines of the label: a Service's type, and why the node is marked. */
  readonly notes: string[];
  mark: WiringMark;
}

/**
 * How an edge is drawn: traffic flows along an arrow; a line ties two objects without carrying traffic (a
 * StatefulSet and its governing Service).
 *
 * @internal
 */
export type EdgeStyle = 'arrow' | 'line';

/**
 * One edge: the lines of its label (a port each, or why it is broken) and its mark.
 *
 * @internal
 */
export interface WiringEdge {
  readonly from: WiringNode;
  readonly to: WiringNode;
  readonly style: EdgeStyle;
  readonly mark: WiringMark;
  readonly labels: string[];
}

/**
 * A finding of the checker that marked a node or an edge, for the comments of the picture.
 *
 * @internal
 */
export interface WiringNote {
  readonly severity: string;
  readonly rule: string;
  /** `kind/namespace/name` of the object. */
  readonly object: string;
  readonly field: string;
  readonly message: string;
}

/**
 * The nodes and edges of a picture, created on first use: asking twice for the same node or edge gives the same one.
 *
 * @internal
 */
export class WiringGraph {
  private readonly nodesByKey = new Map<string, WiringNode>();
  private readonly edgesByKey = new Map<string, WiringEdge>();
  private readonly notesByKey = new Map<string, WiringNote>();

  /**
   * The node of this role, namespace and identity (by default its title); `notes` are added to it when it is new.
   */
  public node(role: NodeRole, namespace: string | undefined, title: string, notes: readonly string[] = [], identity: string = title): WiringNode {
    const key = `${role}\u0000${namespace ?? ''}\u0000${identity}`;
    let node = this.nodesByKey.get(key);
    if (!node) {
      node = { role, namespace, title, identity, notes: [...notes], mark: 'ok' };
      this.nodesByKey.set(key, node);
    }
    return node;
  }

  /**
   * Adds a label line to the edge between two nodes of this style and mark (an edge without a label when `label` is
   * empty). Lines already on the edge are not repeated.
   */
  public connect(from: WiringNode, to: WiringNode, label: string, mark: WiringMark = 'ok', style: EdgeStyle = 'arrow'): void {
    const key = `${nodeKey(from)}\u0001${nodeKey(to)}\u0001${style}\u0001${mark}`;
    let edge = this.edgesByKey.get(key);
    if (!edge) {
      edge = { from, to, style, mark, labels: [] };
      this.edgesByKey.set(key, edge);
    }
    if (label !== '' && !edge.labels.includes(label)) edge.labels.push(label);
  }

  /**
   * Marks a node, with the reason as a note; a dangling mark is not lowered to unresolved.
   */
  public mark(node: WiringNode, mark: WiringMark, reason: string): void {
    if (mark === 'dangling' || node.mark === 'ok') node.mark = mark;
    if (!node.notes.includes(reason)) node.notes.push(reason);
  }

  /**
   * Keeps a finding that marked something, for the comments of the picture.
   */
  public note(note: WiringNote): void {
    this.notesByKey.set(`${note.object}\u0000${note.field}\u0000${note.rule}\u0000${note.message}`, note);
  }

  /** The nodes, by namespace (outside the cluster last), role and title. */
  public get nodes(): WiringNode[] {
    return [...this.nodesByKey.values()].sort(compareNodes);
  }

  /** The edges, by their nodes' order, then style, mark and labels. */
  public get edges(): WiringEdge[] {
    return [...this.edgesByKey.values()].sort((a, b) =>
      compareNodes(a.from, b.from) || compareNodes(a.to, b.to) || compare(a.style, b.style) || MARK_ORDER.indexOf(a.mark) - MARK_ORDER.indexOf(b.mark)
      || compare(a.labels.join('\n'), b.labels.join('\n')));
  }

  /** The findings that marked something, by object, field and rule. */
  public get notes(): WiringNote[] {
    return [...this.notesByKey.values()].sort((a, b) =>
      compare(a.object, b.object) || compare(a.field, b.field) || compare(a.rule, b.rule) || compare(a.message, b.message));
  }
}

/**
 * The order of nodes: by namespace (outside the cluster last), role and title.
 *
 * @internal
 */
export function compareNodes(a: WiringNode, b: WiringNode): number {
  if ((a.namespace === undefined) !== (b.namespace === undefined)) return a.namespace === undefined ? 1 : -1;
  return compare(a.namespace ?? '', b.namespace ?? '') || ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || compare(a.title, b.title) || compare(a.identity, b.identity);
}

function nodeKey(node: WiringNode): string {
  return `${node.role}\u0000${node.namespace ?? ''}\u0000${node.identity}`;
}

/**
 * Code-point order: the same on every machine and in every locale.
 *
 * @internal
 */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
