import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { CheckOptions, ManifestChecker } from './check/checker';
import { Finding, Severity } from './check/finding';
import { isCheckedKind, slimManifest } from './check/pod-template';

/**
 * Options of `AppValidation.configure`.
 */
export interface AppValidationOptions extends CheckOptions {
  /**
   * Whether synth prints warnings (such as a LoadBalancer open to every address) to standard error.
   *
   * @default true
   */
  readonly printWarnings?: boolean;
}

/**
 * A finding in a cdk8s app: a `Finding` plus the path of the construct it is reported on.
 */
export interface AppFinding extends Finding {
  /**
   * The path of the construct that owns the object, such as `prod/web/Service`.
   */
  readonly path: string;
}

/**
 * A problem only construct references can show (a backend in another namespace, a target port the backend does
 * not declare), reported like the checker's findings.
 *
 * @internal
 */
export interface ReferenceProblem {
  readonly rule: string;
  readonly field: string;
  readonly message: string;
}

/**
 * What `_register` takes besides the owner and its object.
 *
 * @internal
 */
export interface RegisterOptions {
  /** What the checker reads of the object, or undefined when only a full rendering will do. */
  readonly view?: () => any;
  /** Problems of the owner's references. */
  readonly references?: () => ReferenceProblem[];
}

interface Analysis {
  readonly findings: AppFinding[];
  readonly byOwner: Map<IConstruct, AppFinding[]>;
}

const OPTIONS = new WeakMap<IConstruct, AppValidationOptions>();
const OWNERS = new WeakMap<ApiObject, IConstruct>();
const VIEWS = new WeakMap<ApiObject, () => any>();
const REFERENCES = new WeakMap<ApiObject, () => ReferenceProblem[]>();
const ANALYSES = new WeakMap<IConstruct, Analysis>();
const HOOKED = new WeakSet<IConstruct>();
const PRINTED = new WeakMap<IConstruct, Set<string>>();

/**
 * Validation of a whole cdk8s app at synth: every Service, and every workload it may select, is checked against the
 * API server's create-time rules and for broken wiring, with `ManifestChecker` on the rendered manifests.
 *
 * It runs by itself as soon as the app holds one construct of this library; errors fail `cdk8s synth` with
 * `[construct path] field: message [rule]`, all at once. Use `configure` to set the cluster's node-port range or
 * to skip a rule, and `findings` to read every finding, warnings included.
 */
export class AppValidation {
  /**
   * Sets the validation options of the app that `scope` belongs to.
   *
   * @param scope any construct of the app
   */
  public static configure(scope: IConstruct, options: AppValidationOptions): void {
    new ManifestChecker(options); // fails now on an unknown rule id or a bad node-port range
    OPTIONS.set(scope.node.root, options);
  }

  /**
   * Checks the app that `scope` belongs to now, and returns every finding, errors and warnings, in construct order.
   *
   * @param scope any construct of the app
   */
  public static findings(scope: IConstruct): AppFinding[] {
    return analyse(scope.node.root).findings;
  }

  /**
   * Makes `owner` the construct that findings on `apiObject` are reported on, and makes sure the app is checked at
   * synth. `view`, when given, returns what the checker reads of the object (as `slimManifest` would keep of its
   * rendering) without rendering all of it, or undefined when only a full rendering will do; `references` returns
   * the problems of the owner's construct references, which are findings like the checker's.
   *
   * @internal
   */
  public static _register(owner: IConstruct, apiObject: ApiObject, options: RegisterOptions = {}): void {
    OWNERS.set(apiObject, owner);
    if (options.view) VIEWS.set(apiObject, options.view);
    if (options.references) REFERENCES.set(apiObject, options.references);
    hookRoot(owner.node.root);
    hookOwner(owner);
  }

  private constructor() {}
}

/**
 * Whether an object has no JSON patches, so that a view built from its construct equals its rendering. Reads
 * cdk8s's private patch list; should that ever move, this answers false and the checker renders in full.
 *
 * @internal
 */
export function isUnpatched(apiObject: ApiObject): boolean {
  const patches = (apiObject as any).patches;
  return Array.isArray(patches) && patches.length === 0;
}

/**
 * Formats a finding the way synth reports it, after cdk8s's `[path]` prefix.
 *
 * @internal
 */
export function formatFinding(f: Finding): string {
  return `${f.field}: ${f.message} [${f.rule}]`;
}

function ownerOf(obj: ApiObject): IConstruct {
  const registered = OWNERS.get(obj);
  if (registered) return registered;
  // an L1 object named 'Resource' belongs to the higher-level construct around it (cdk8s-plus convention)
  const scope = obj.node.scope;
  return obj.node.id === 'Resource' && scope ? scope : obj;
}

/**
 * The root validation runs first (cdk8s validates in pre-order): it checks the whole app once, caches the result
 * for the constructs' own validations, hooks owners of objects from other libraries and prints warnings.
 */
function hookRoot(root: IConstruct): void {
  if (HOOKED.has(root)) return;
  HOOKED.add(root);
  root.node.addValidation({
    validate: () => {
      const analysis = analyse(root);
      for (const owner of analysis.byOwner.keys()) hookOwner(owner);
      if (OPTIONS.get(root)?.printWarnings ?? true) printWarnings(root, analysis);
      return [];
    },
  });
}

/**
 * Prints each warning once per app, however often the app is synthesized.
 */
function printWarnings(root: IConstruct, analysis: Analysis): void {
  let printed = PRINTED.get(root);
  if (!printed) {
    printed = new Set();
    PRINTED.set(root, printed);
  }
  for (const f of analysis.findings) {
    if (f.severity !== Severity.WARNING) continue;
    const line = `Warning: [${f.path}] ${formatFinding(f)}`;
    if (printed.has(line)) continue;
    printed.add(line);
    process.stderr.write(line + '\n');
  }
}

function hookOwner(owner: IConstruct): void {
  if (HOOKED.has(owner)) return;
  HOOKED.add(owner);
  owner.node.addValidation({ validate: () => errorsOf(owner) });
}

function errorsOf(owner: IConstruct): string[] {
  const root = owner.node.root;
  const analysis = ANALYSES.get(root) ?? analyse(root);
  return (analysis.byOwner.get(owner) ?? [])
    .filter(f => f.severity === Severity.ERROR)
    .map(formatFinding);
}

function analyse(root: IConstruct): Analysis {
  const objects: ApiObject[] = [];
  const manifests: any[] = [];
  for (const c of root.node.findAll()) {
    // only kinds the checker looks at are rendered, and only what its rules read is held
    if (!ApiObject.isApiObject(c) || !isCheckedKind(c.kind, c.apiVersion)) continue;
    try {
      manifests.push(VIEWS.get(c)?.() ?? slimManifest(c.kind, c.toJson()));
      objects.push(c);
    } catch {
      // an object that cannot render fails synth itself, with its own message
    }
  }
  const options = OPTIONS.get(root) ?? {};
  const checker = new ManifestChecker(options);
  const skip = new Set(options.skipRules ?? []);
  const found: Finding[] = checker.check(manifests);
  objects.forEach((obj, index) => {
    for (const p of REFERENCES.get(obj)?.() ?? []) {
      if (skip.has(p.rule)) continue;
      const meta = manifests[index].metadata ?? {};
      found.push({
        severity: Severity.ERROR,
        rule: p.rule,
        index,
        kind: obj.kind,
        namespace: meta.namespace ?? '',
        name: meta.name ?? '',
        field: p.field,
        message: p.message,
      });
    }
  });
  // stable: the checker's findings of an object first, then its reference problems
  found.sort((a, b) => a.index - b.index);
  const byOwner = new Map<IConstruct, AppFinding[]>();
  const findings: AppFinding[] = [];
  for (const f of found) {
    const owner = ownerOf(objects[f.index]);
    const finding: AppFinding = { ...f, path: owner.node.path };
    findings.push(finding);
    const list = byOwner.get(owner);
    if (list) list.push(finding); else byOwner.set(owner, [finding]);
  }
  const analysis = { findings, byOwner };
  ANALYSES.set(root, analysis);
  return analysis;
}
