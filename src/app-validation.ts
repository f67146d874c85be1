import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import {
  CheckInput, CheckOptions, Finding, ResolvedOptions, RuleInfo, Severity, allRules, isCheckedKind, isReferringKind, resolveOptions, runChecks,
} from './check';
import { ObjectView, ServiceReferences } from './check/contract';
import { renderedView } from './views';

/**
 * Options of `AppValidation.configure`.
 */
export interface AppValidationOptions extends CheckOptions {
  /**
   * Whether synth checks the app. Turned off, synth renders the app exactly as cdk8s-plus would, unchecked (the
   * benchmark compares the two); `findings` still checks on request.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Whether synth prints warnings (such as a LoadBalancer open to every address), through `console.warn`.
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
 * What a construct of this library tells the checker about its object.
 *
 * @internal
 */
export interface Registration {
  /** The object as the checker reads it, built from the construct's model; undefined when only a rendering will do. */
  readonly view?: () => ObjectView | undefined;
  /** What the construct refers to by object (a Service's backend workloads and target ports). */
  readonly references?: () => ServiceReferences;
}

/**
 * Validation of a whole cdk8s app at synth: every Service, and every workload it may select, is checked against the
 * API server's create-time rules and for broken wiring.
 *
 * It runs by itself as soon as the app holds one construct of this library; errors fail `cdk8s synth` with
 * `[construct path] field: message [rule]`, all at once. A chart synthesized on its own (`Testing.synth(chart)`)
 * reports the findings of its own objects, while the wiring is still checked across the whole app. Use
 * `configure` to set the cluster's node-port range or to skip a rule, and `findings` to read every finding,
 * warnings included.
 */
export class AppValidation {
  /**
   * Every rule that runs at synth: the manifest rules (`ManifestChecker.rules`) and the rules on construct
   * references.
   */
  public static readonly rules: RuleInfo[] = allRules();

  /**
   * Sets the validation options of the app that `scope` belongs to.
   *
   * @param scope any construct of the app
   * @throws when `skipRules` names an unknown rule, or a range or CIDR is impossible
   */
  public static configure(scope: IConstruct, options: AppValidationOptions): void {
    AppState.of(scope).configure(options);
  }

  /**
   * Checks the app that `scope` belongs to now, and returns every finding, errors and warnings, in construct order.
   *
   * @param scope any construct of the app
   */
  public static findings(scope: IConstruct): AppFinding[] {
    return AppState.of(scope).findings();
  }

  /**
   * The namespace objects without one land in, as configured (`defaultNamespace`).
   *
   * @internal
   */
  public static _defaultNamespace(scope: IConstruct): string {
    return AppState.of(scope).defaultNamespace;
  }

  /**
   * Makes `owner` the construct that findings on `apiObject` are reported on, and makes sure the app is checked at
   * synth.
   *
   * @internal
   */
  public static _register(owner: IConstruct, apiObject: ApiObject, registration: Registration = {}): void {
    AppState.of(owner).register(owner, apiObject, registration);
  }

  private constructor() {}
}

/** The id of the per-app state, a child of the app's root. */
const STATE_ID = 'cdk8s-services.AppValidation';

/** One finding, with what decides when it is reported. */
interface Entry {
  readonly finding: AppFinding;
  /** The chart whose synthesis renders the object. */
  readonly chart: Chart;
}

interface Analysis {
  readonly entries: readonly Entry[];
  readonly byOwner: ReadonlyMap<IConstruct, readonly Entry[]>;
}

/**
 * Everything validation keeps for one app, in one place: the options, what the constructs registered, the last
 * analysis, and which synthesis is under way.
 *
 * cdk8s validates the whole app on `app.synth()` and again on every `chart.toJson()` (`Testing.synth(chart)`),
 * and nothing tells a validation which chart is being synthesized. So the app's `synth` and `synthYaml` and each
 * chart's `toJson` are wrapped (on the instances, nothing global): while one runs, the app is analysed once, and a
 * chart synthesized on its own reports only its own findings.
 */
class AppState extends Construct {
  /**
   * The state of the app that `scope` belongs to, created on first use.
   */
  public static of(scope: IConstruct): AppState {
    const root = scope.node.root;
    return (root.node.tryFindChild(STATE_ID) as AppState | undefined) ?? new AppState(root);
  }

  private options: AppValidationOptions = {};
  private resolved: ResolvedOptions;
  private readonly registrations = new Map<ApiObject, Registration & { readonly owner: IConstruct }>();
  private readonly hooked = new WeakSet<IConstruct>();
  private readonly wrapped = new WeakSet<object>();
  private readonly printed = new Set<string>();
  /** The analysis of the latest validation outside a synthesis. */
  private latest?: Analysis;
  /** The synthesis under way: the chart synthesized on its own (none for the whole app), and its analysis. */
  private synthesis?: { readonly chart?: Chart; analysis?: Analysis };

  private constructor(root: IConstruct) {
    super(root as Construct, STATE_ID);
    this.resolved = resolveOptions({}, AppValidation.rules);
    // cdk8s validates in pre-order, so the root's validation starts every pass
    root.node.addValidation({ validate: () => this.startPass() });
    for (const method of ['synth', 'synthYaml']) {
      if (typeof (root as any)[method] === 'function') this.wrap(root, method, undefined);
    }
    this.wrapCharts();
  }

  public configure(options: AppValidationOptions): void {
    this.resolved = resolveOptions(options, AppValidation.rules);
    this.options = options;
    this.latest = undefined;
  }

  public get defaultNamespace(): string {
    return this.resolved.defaultNamespace;
  }

  public findings(): AppFinding[] {
    if (!this.synthesis) this.latest = undefined;
    return this.analysis().entries.map(e => e.finding);
  }

  public register(owner: IConstruct, apiObject: ApiObject, registration: Registration): void {
    this.registrations.set(apiObject, { ...registration, owner });
    this.wrapChart(apiObject.chart);
    this.hook(owner);
  }

  private startPass(): string[] {
    if (this.options.enabled === false) return [];
    this.wrapCharts();
    // outside a synthesis, each pass sees the app as it is now
    if (!this.synthesis) this.latest = undefined;
    const analysis = this.analysis();
    for (const owner of analysis.byOwner.keys()) this.hook(owner);
    if (this.options.printWarnings ?? true) this.printWarnings(analysis);
    return [];
  }

  private analysis(): Analysis {
    if (this.synthesis) return this.synthesis.analysis ??= this.analyse();
    return this.latest ??= this.analyse();
  }

  /** The errors of one owner, in the chart being synthesized (all of them when the whole app is). */
  private errorsOf(owner: IConstruct): string[] {
    if (this.options.enabled === false) return [];
    const chart = this.synthesis?.chart;
    return (this.analysis().byOwner.get(owner) ?? [])
      .filter(e => e.finding.severity === Severity.ERROR && (!chart || e.chart === chart))
      .map(e => formatFinding(e.finding));
  }

  /** Prints each warning once per app, when the chart it belongs to is synthesized. */
  private printWarnings(analysis: Analysis): void {
    const chart = this.synthesis?.chart;
    for (const { finding, chart: owner } of analysis.entries) {
      if (finding.severity !== Severity.WARNING || (chart && owner !== chart)) continue;
      const line = `Warning: [${finding.path}] ${formatFinding(finding)}`;
      if (this.printed.has(line)) continue;
      this.printed.add(line);
      console.warn(line);
    }
  }

  private hook(owner: IConstruct): void {
    if (this.hooked.has(owner)) return;
    this.hooked.add(owner);
    owner.node.addValidation({ validate: () => this.errorsOf(owner) });
  }

  /**
   * Checks every object of a kind the checker knows: from the view its construct builds, or else from its
   * rendering.
   */
  private analyse(): Analysis {
    const inputs: CheckInput[] = [];
    const objects: Array<{ readonly owner: IConstruct; readonly chart: Chart }> = [];
    // read once: module re-exports are getters, and this loop visits every construct of the app
    const { isApiObject } = ApiObject;
    const checkedKind = isCheckedKind;
    const referringKind = isReferringKind;
    for (const c of this.node.root.node.findAll()) {
      // the kinds the checker validates, and those whose references it follows (autoscalers, budgets, monitors, routes)
      if (!isApiObject(c) || !(checkedKind(c.kind, c.apiVersion) || referringKind(c.kind, c.apiVersion))) continue;
      const registration = this.registrations.get(c);
      const owner = registration?.owner ?? ownerOf(c);
      let view: ObjectView | undefined;
      let decodeProblems: CheckInput['decodeProblems'];
      try {
        view = registration?.view?.();
        if (!view) ({ view, decodeProblems } = renderedView(c));
      } catch {
        // an object that cannot render fails synth itself, with its own message
        continue;
      }
      const references = registration?.references?.();
      if (references && view.view === 'service') view = { ...view, references };
      inputs.push({ index: objects.length, view, decodeProblems, key: c });
      objects.push({ owner, chart: c.chart });
    }
    const entries: Entry[] = [];
    const byOwner = new Map<IConstruct, Entry[]>();
    for (const f of runChecks(inputs, this.resolved, { pathOf: i => objects[i]?.owner.node.path })) {
      const { owner, chart } = objects[f.index];
      const entry = { finding: { ...f, path: owner.node.path }, chart };
      entries.push(entry);
      const list = byOwner.get(owner);
      if (list) list.push(entry); else byOwner.set(owner, [entry]);
    }
    return { entries, byOwner };
  }

  /** Wraps the charts directly under the app (a chart wraps itself when one of its objects registers). */
  private wrapCharts(): void {
    for (const child of this.node.root.node.children) {
      if (Chart.isChart(child)) this.wrapChart(child);
    }
  }

  private wrapChart(chart: Chart): void {
    if (this.wrapped.has(chart)) return;
    for (let c: IConstruct | undefined = chart; c; c = c.node.scope) {
      if (!Chart.isChart(c) || this.wrapped.has(c)) continue;
      this.wrapped.add(c);
      this.wrap(c, 'toJson', c);
    }
  }

  /** Replaces `target[method]` (on the instance) by one that runs the original inside a synthesis. */
  private wrap(target: object, method: string, chart: Chart | undefined): void {
    const original = (target as any)[method] as (...args: unknown[]) => unknown;
    Object.defineProperty(target, method, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => this.synthesizing(chart, () => original.apply(target, args)),
    });
  }

  private synthesizing<T>(chart: Chart | undefined, run: () => T): T {
    // a chart that app.synth() renders stays in the app's synthesis, analysed once
    if (this.synthesis) return run();
    this.synthesis = { chart };
    try {
      return run();
    } finally {
      this.synthesis = undefined;
    }
  }
}

/**
 * Formats a finding the way synth reports it, after cdk8s's `[path]` prefix.
 */
function formatFinding(f: Finding): string {
  return `${f.field}: ${f.message} [${f.rule}]`;
}

/**
 * The construct findings on an object of another library are reported on: an L1 object named `Resource` belongs to
 * the higher-level construct around it (the cdk8s-plus convention).
 */
function ownerOf(obj: ApiObject): IConstruct {
  const scope = obj.node.scope;
  return obj.node.id === 'Resource' && scope ? scope : obj;
}
