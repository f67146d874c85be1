// Draws a wiring graph as a Mermaid flowchart, left to right, as GitHub renders it in Markdown: one subgraph per
// namespace, nodes shaped by what they stand for, ports on the edges. What is broken is red and dashed (class
// `dangling`), what the input cannot resolve is orange and dashed (class `unresolved`), each with the reason in its
// label; the findings behind the marks follow as comments. The same graph gives the same text, byte for byte.
import { EdgeStyle, NodeRole, WiringEdge, WiringGraph, WiringMark, WiringNode } from './wiring-graph';

/** The opening and closing brackets of each role's shape. */
const SHAPES: Readonly<Record<NodeRole, readonly [string, string]>> = {
  namespace: ['', ''],
  ingress: ['[/', '/]'],
  service: ['(', ')'],
  endpointSlice: ['[[', ']]'],
  workload: ['[', ']'],
  networkPolicy: ['{{', '}}'],
  peer: ['([', '])'],
  external: ['([', '])'],
  addresses: ['([', '])'],
};

/** The prefix of the ids of nodes not named after an object. */
const OUTSIDE_PREFIXES: Readonly<Partial<Record<NodeRole, string>>> = { peer: 'peer', external: 'ext', addresses: 'ip' };

/** The arrows of each edge style, wired and marked. */
const ARROWS: Readonly<Record<EdgeStyle, readonly [string, string]>> = { arrow: ['-->', '-.->'], line: ['---', '-.-'] };

/** The styles of the marks, for nodes (`classDef`) and edges (`linkStyle`). */
const MARK_STYLES: Readonly<Record<Exclude<WiringMark, 'ok'>, { readonly node: string; readonly edge: string }>> = {
  dangling: { node: 'fill:#fdecea,stroke:#d32f2f,stroke-width:2px,stroke-dasharray:5 3,color:#b71c1c', edge: 'stroke:#d32f2f,color:#b71c1c' },
  unresolved: { node: 'fill:#fff3e0,stroke:#ef6c00,stroke-width:2px,stroke-dasharray:5 3,color:#e65100', edge: 'stroke:#ef6c00,color:#e65100' },
};

/**
 * The Mermaid flowchart of a graph, without a Markdown fence; each line ends with a newline.
 *
 * @internal
 */
function mermaidFlowchart(graph: WiringGraph): string {
  const lines = ['flowchart LR'];
  const ids = new Ids();
  const nodes = graph.nodes;
  const subgraphs = new Map<string, string>();
  for (const n of nodes) {
    if (n.namespace !== undefined && !subgraphs.has(n.namespace)) subgraphs.set(n.namespace, ids.take(`ns_${n.namespace}`));
  }
  // a namespace node is its subgraph
  const idOf = new Map<WiringNode, string>(nodes.map(n => [n, n.role === 'namespace' ? subgraphs.get(n.namespace!)! : ids.take(nodeIdBase(n))]));
  if (nodes.length === 0) lines.push('  empty["no objects to draw"]');
  let namespace: string | undefined;
  for (const node of nodes) {
    if (node.namespace !== namespace) {
      if (namespace !== undefined) lines.push('  end');
      if (node.namespace !== undefined) lines.push(`  subgraph ${subgraphs.get(node.namespace)}["ns/${escape(node.namespace)}"]`);
      namespace = node.namespace;
    }
    if (node.role === 'namespace') continue;
    const [open, close] = SHAPES[node.role];
    const label = [node.title, ...node.notes].map(escape).join('<br/>');
    lines.push(`${namespace !== undefined ? '    ' : '  '}${idOf.get(node)}${open}"${label}"${close}`);
  }
  if (namespace !== undefined) lines.push('  end');
  const marked: Record<Exclude<WiringMark, 'ok'>, number[]> = { dangling: [], unresolved: [] };
  graph.edges.forEach((edge, i) => {
    lines.push(`  ${edgeLine(edge, idOf)}`);
    if (edge.mark !== 'ok') marked[edge.mark].push(i);
  });
  for (const mark of ['dangling', 'unresolved'] as const) {
    const members = nodes.filter(n => n.mark === mark).map(n => idOf.get(n));
    if (members.length === 0 && marked[mark].length === 0) continue;
    lines.push(`  classDef ${mark} ${MARK_STYLES[mark].node}`);
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${mark}`);
    if (marked[mark].length > 0) lines.push(`  linkStyle ${marked[mark].join(',')} ${MARK_STYLES[mark].edge}`);
  }
  for (const note of graph.notes) {
    lines.push(`  %% ${note.severity} ${note.rule} ${note.object} ${note.field}: ${oneLine(note.message)}`);
  }
  return lines.map(l => `${l}\n`).join('');
}

/**
 * The flowchart in a Markdown fence, as GitHub renders it.
 *
 * @internal
 */
export function mermaidMarkdown(graph: WiringGraph): string {
  return `\`\`\`mermaid\n${mermaidFlowchart(graph)}\`\`\`\n`;
}

function edgeLine(edge: WiringEdge, idOf: ReadonlyMap<WiringNode, string>): string {
  const arrow = ARROWS[edge.style][edge.mark === 'ok' ? 0 : 1];
  const label = edge.labels.length > 0 ? `|"${edge.labels.map(escape).join('<br/>')}"|` : '';
  return `${idOf.get(edge.from)} ${arrow}${label} ${idOf.get(edge.to)}`;
}

/** The base of a node's id: `svc_default_api` for `svc/api` in namespace default, `ext_db_example_com` outside. */
function nodeIdBase(node: WiringNode): string {
  if (node.namespace === undefined) return `${OUTSIDE_PREFIXES[node.role] ?? node.role}_${node.identity}`;
  const slash = node.title.indexOf('/');
  return slash < 0 ? `${OUTSIDE_PREFIXES[node.role] ?? node.role}_${node.namespace}_${node.title}` : `${node.title.slice(0, slash)}_${node.namespace}_${node.title.slice(slash + 1)}`;
}

/**
 * Mermaid ids from names: letters, digits and underscores, each id unique (a repeated base gets `_2`, `_3`, …).
 */
class Ids {
  private readonly taken = new Set<string>();

  public take(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'node';
    let id = clean;
    for (let n = 2; this.taken.has(id); n++) id = `${clean}_${n}`;
    this.taken.add(id);
    return id;
  }
}

/** Text inside a quoted Mermaid label: quotes, angle brackets and `#` as Mermaid's entity codes. */
function escape(value: string): string {
  return oneLine(value).replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
