// The rules for the spec of a workload outside its pod template and selector, as the Kubernetes 1.27 API server
// validates it on create, after defaulting: replica counts, rollout strategies, a StatefulSet's policies, a Job's
// completion settings and pod failure policy, a CronJob's schedule, time zone and history limits. Values of the wrong
// JSON type are skipped: the API server refuses them when it decodes the object, before validation.
import { CronJobSpecView, JobSpecView, WorkloadSpecView, duplicate, forbidden, invalid, notSupported, required } from './contract';
import { scheduleError, timeZoneError } from './cron-schedule';
import { Severity } from './finding';
import { intOrPercentValue, isIntOrString, isMoreThan100Percent, positiveIntOrPercentReasons } from './int-or-percent';
import { isObject, isUnset } from './json';
import type { RuleId } from './registry';
import type { CheckedWorkload, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { isDns1123Label, isInt32, isInteger, isQualifiedName } from './validators';

const { APPS, BATCH } = SOURCES;
const E = Severity.ERROR;
const M = RuleScope.MANIFEST;

/**
 * The rules of this family.
 *
 * @internal
 */
export const WORKLOAD_SPEC_RULES = {
  'deployment-spec': rule(E, M,
    'a Deployment\'s replicas, minReadySeconds and revisionHistoryLimit are not negative, and progressDeadlineSeconds is greater than minReadySeconds',
    `${APPS} ValidateDeploymentSpec`),
  'deployment-strategy': rule(E, M,
    'a Deployment\'s strategy is Recreate (without rollingUpdate) or RollingUpdate whose maxSurge and maxUnavailable are counts or percentages, ' +
    'not both zero, maxUnavailable at most 100%',
    `${APPS} ValidateDeploymentStrategy, ValidateRollingUpdateDeployment, ValidatePositiveIntOrPercent, IsNotMoreThan100Percent`),
  'statefulset-spec': rule(E, M,
    'a StatefulSet\'s podManagementPolicy, updateStrategy (type, partition) and persistentVolumeClaimRetentionPolicy are supported values, ' +
    'and replicas, minReadySeconds and ordinals.start are not negative',
    `${APPS} ValidateStatefulSetSpec, validateRollingUpdateStatefulSet, ValidatePersistentVolumeClaimRetentionPolicy`),
  'daemonset-spec': rule(E, M,
    'a DaemonSet\'s updateStrategy is OnDelete or RollingUpdate with exactly one of maxUnavailable and maxSurge non-zero (counts or percentages ' +
    'up to 100%), and minReadySeconds and revisionHistoryLimit are not negative',
    `${APPS} ValidateDaemonSetSpec, ValidateDaemonSetUpdateStrategy, ValidateRollingUpdateDaemonSet`),
  'replicaset-spec': rule(E, M, 'a ReplicaSet\'s replicas and minReadySeconds are not negative', `${APPS} ValidateReplicaSetSpec`),
  'job-spec': rule(E, M,
    'a Job\'s (or CronJob job template\'s) counts and deadlines are not negative, completionMode is NonIndexed or Indexed (Indexed needs ' +
    'completions), the selector is generated unless manualSelector is true, and podFailurePolicy rules are well-formed',
    `${BATCH} validateJobSpec, validatePodFailurePolicy, ValidateJob, validateGeneratedSelector`),
  'cronjob-spec': rule(E, M,
    'a CronJob\'s schedule is a cron expression, timeZone a known time zone, concurrencyPolicy Allow, Forbid or Replace, deadlines and ' +
    'history limits are not negative, and its job template has no selector',
    `${BATCH} validateCronJobSpec, validateScheduleFormat, validateTimeZone, ValidateJobTemplateSpec`),
};

type SpecRuleId = keyof typeof WORKLOAD_SPEC_RULES & RuleId;


/** The largest parallelism of an Indexed Job (`maxParallelismForIndexedJob`). */
const MAX_INDEXED_PARALLELISM = 100_000;
/** The limits of a pod failure policy. */
const MAX_POD_FAILURE_RULES = 20;
const MAX_EXIT_CODE_VALUES = 255;
const MAX_POD_CONDITION_PATTERNS = 20;
/** The actions of a 1.27 pod failure policy rule (1.28 adds FailIndex), sorted as `sets.List` sorts them. */
const POD_FAILURE_ACTIONS = ['Count', 'FailJob', 'Ignore'];
/** From 1.29 (JobBackoffLimitPerIndex, beta and on), a rule may also fail one index of an Indexed Job. */
const POD_FAILURE_ACTIONS_PER_INDEX = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const EXIT_CODE_OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];
const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];
/** `validTimeZoneCharacters`: each `/`-separated part of a timeZone. */
const TIME_ZONE_PART_RE = /^[A-Za-z.\-_0-9+]{1,14}$/;
/** The labels a Job's generated selector matches: its name, and its uid, which is not known before it is created. */
const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];

/**
 * The spec rules for one workload.
 *
 * @internal
 */
export function checkWorkloadSpec(obj: CheckedWorkload, report: Report, minor: number): void {
  const spec = obj.view.spec;
  switch (obj.kind) {
    case 'Deployment': return checkDeployment(obj, report, spec);
    case 'StatefulSet': return checkStatefulSet(obj, report, spec);
    case 'DaemonSet': return checkDaemonSet(obj, report, spec);
    case 'ReplicaSet':
      nonNegative(obj, report, 'replicaset-spec', 'spec.replicas', spec.replicas);
      nonNegative(obj, report, 'replicaset-spec', 'spec.minReadySeconds', spec.minReadySeconds);
      return;
    case 'Job':
      if (spec.job) checkJob(obj, report, spec.job, minor);
      return;
    case 'CronJob':
      if (spec.cronJob) checkCronJob(obj, report, spec.cronJob);
      if (spec.job) checkJobTemplate(obj, report, spec.job, minor);
      return;
    default:
  }
}

/**
 * `ValidateDeploymentSpec` on the defaulted spec (`SetDefaults_Deployment`: minReadySeconds 0, revisionHistoryLimit
 * 10, progressDeadlineSeconds 600).
 */
function checkDeployment(obj: CheckedWorkload, report: Report, spec: WorkloadSpecView): void {
  nonNegative(obj, report, 'deployment-spec', 'spec.replicas', spec.replicas);
  checkDeploymentStrategy(obj, report, spec.strategy);
  nonNegative(obj, report, 'deployment-spec', 'spec.minReadySeconds', spec.minReadySeconds);
  nonNegative(obj, report, 'deployment-spec', 'spec.revisionHistoryLimit', spec.revisionHistoryLimit);
  const deadline = spec.progressDeadlineSeconds;
  if (!isInt32(deadline)) return;
  nonNegative(obj, report, 'deployment-spec', 'spec.progressDeadlineSeconds', deadline);
  const minReady = isUnset(spec.minReadySeconds) ? 0 : spec.minReadySeconds;
  if (isInt32(minReady) && deadline <= minReady) {
    report.add(obj, 'deployment-spec', 'spec.progressDeadlineSeconds', invalid(deadline,
      `must be greater than minReadySeconds (${minReady}): the rollout is reported failed after this many seconds without progress`));
  }
}

/**
 * `ValidateDeploymentStrategy` and `ValidateRollingUpdateDeployment`, after `SetDefaults_Deployment` (type
 * RollingUpdate, maxUnavailable and maxSurge 25%).
 */
function checkDeploymentStrategy(obj: CheckedWorkload, report: Report, strategy: unknown): void {
  const s = isUnset(strategy) ? {} : strategy;
  if (!isObject(s)) return;
  const type = isUnset(s.type) ? 'RollingUpdate' : s.type;
  if (type === 'Recreate') {
    if (s.rollingUpdate !== undefined && s.rollingUpdate !== null) {
      report.add(obj, 'deployment-strategy', 'spec.strategy.rollingUpdate', forbidden("may not be specified when strategy `type` is 'Recreate'"));
    }
  } else if (type === 'RollingUpdate') {
    const ru = s.rollingUpdate ?? {};
    if (!isObject(ru)) return;
    const path = 'spec.strategy.rollingUpdate';
    const maxUnavailable = ru.maxUnavailable ?? '25%';
    const maxSurge = ru.maxSurge ?? '25%';
    intOrPercent(obj, report, 'deployment-strategy', `${path}.maxUnavailable`, maxUnavailable);
    intOrPercent(obj, report, 'deployment-strategy', `${path}.maxSurge`, maxSurge);
    if (isIntOrString(maxUnavailable) && isIntOrString(maxSurge) && intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
      report.add(obj, 'deployment-strategy', `${path}.maxUnavailable`, invalid(maxUnavailable,
        'may not be 0 when `maxSurge` is 0: the rollout could neither stop an old pod nor start a new one'));
    }
    notOver100Percent(obj, report, 'deployment-strategy', `${path}.maxUnavailable`, maxUnavailable);
  } else if (typeof type === 'string') {
    report.add(obj, 'deployment-strategy', 'spec.strategy', notSupported(s, ['Recreate', 'RollingUpdate']));
  }
}

/**
 * `ValidateStatefulSetSpec` after `SetDefaults_StatefulSet` (podManagementPolicy OrderedReady, updateStrategy
 * RollingUpdate with partition 0, retention policies Retain). `rollingUpdate.maxUnavailable` is not checked: the
 * MaxUnavailableStatefulSet feature is off in 1.27, and the API server drops the field.
 */
function checkStatefulSet(obj: CheckedWorkload, report: Report, spec: WorkloadSpecView): void {
  const policy = spec.podManagementPolicy;
  if (typeof policy === 'string' && policy !== '' && policy !== 'OrderedReady' && policy !== 'Parallel') {
    report.add(obj, 'statefulset-spec', 'spec.podManagementPolicy', invalid(policy, "must be 'OrderedReady' or 'Parallel'"));
  }
  const strategy = isUnset(spec.updateStrategy) ? {} : spec.updateStrategy;
  if (isObject(strategy)) {
    const type = isUnset(strategy.type) ? 'RollingUpdate' : strategy.type;
    const ru = strategy.rollingUpdate;
    if (type === 'OnDelete') {
      if (ru !== undefined && ru !== null) {
        report.add(obj, 'statefulset-spec', 'spec.updateStrategy.rollingUpdate', invalid(ru, "only allowed for updateStrategy 'RollingUpdate'"));
      }
    } else if (type === 'RollingUpdate') {
      if (isObject(ru)) nonNegative(obj, report, 'statefulset-spec', 'spec.updateStrategy.rollingUpdate.partition', ru.partition);
    } else if (typeof type === 'string') {
      report.add(obj, 'statefulset-spec', 'spec.updateStrategy', invalid(strategy, "must be 'RollingUpdate' or 'OnDelete'"));
    }
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (isObject(retention)) {
    for (const key of ['whenDeleted', 'whenScaled']) {
      const value = retention[key];
      if (typeof value === 'string' && value !== '' && value !== 'Retain' && value !== 'Delete') {
        report.add(obj, 'statefulset-spec', `spec.persistentVolumeClaimRetentionPolicy.${key}`, notSupported(value, ['Delete', 'Retain']));
      }
    }
  }
  nonNegative(obj, report, 'statefulset-spec', 'spec.replicas', spec.replicas);
  nonNegative(obj, report, 'statefulset-spec', 'spec.minReadySeconds', spec.minReadySeconds);
  nonNegative(obj, report, 'statefulset-spec', 'spec.ordinals.start', obj.view.controller.ordinalsStart);
}

/**
 * `ValidateDaemonSetSpec` and `ValidateDaemonSetUpdateStrategy` after `SetDefaults_DaemonSet` (updateStrategy
 * RollingUpdate with maxUnavailable 1 and maxSurge 0, revisionHistoryLimit 10).
 */
function checkDaemonSet(obj: CheckedWorkload, report: Report, spec: WorkloadSpecView): void {
  nonNegative(obj, report, 'daemonset-spec', 'spec.minReadySeconds', spec.minReadySeconds);
  const strategy = isUnset(spec.updateStrategy) ? {} : spec.updateStrategy;
  if (isObject(strategy)) {
    const type = isUnset(strategy.type) ? 'RollingUpdate' : strategy.type;
    if (type === 'RollingUpdate') {
      const ru = strategy.rollingUpdate ?? {};
      if (isObject(ru)) checkDaemonSetRollingUpdate(obj, report, ru.maxUnavailable ?? 1, ru.maxSurge ?? 0);
    } else if (type !== 'OnDelete' && typeof type === 'string') {
      report.add(obj, 'daemonset-spec', 'spec.updateStrategy', notSupported(strategy, ['RollingUpdate', 'OnDelete']));
    }
  }
  nonNegative(obj, report, 'daemonset-spec', 'spec.revisionHistoryLimit', spec.revisionHistoryLimit);
}

/**
 * `ValidateRollingUpdateDaemonSet`: counts or percentages up to 100%, exactly one of them non-zero.
 */
function checkDaemonSetRollingUpdate(obj: CheckedWorkload, report: Report, maxUnavailable: unknown, maxSurge: unknown): void {
  const path = 'spec.updateStrategy.rollingUpdate';
  intOrPercent(obj, report, 'daemonset-spec', `${path}.maxUnavailable`, maxUnavailable);
  intOrPercent(obj, report, 'daemonset-spec', `${path}.maxSurge`, maxSurge);
  notOver100Percent(obj, report, 'daemonset-spec', `${path}.maxUnavailable`, maxUnavailable);
  notOver100Percent(obj, report, 'daemonset-spec', `${path}.maxSurge`, maxSurge);
  if (!isIntOrString(maxUnavailable) || !isIntOrString(maxSurge)) return;
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    report.add(obj, 'daemonset-spec', `${path}.maxSurge`, invalid(maxSurge,
      'may not be set when maxUnavailable is non-zero (maxUnavailable defaults to 1: set it to 0 to surge)'));
  } else if (!hasUnavailable && !hasSurge) {
    report.add(obj, 'daemonset-spec', `${path}.maxUnavailable`, required('cannot be 0 when maxSurge is 0'));
  }
}

/**
 * `ValidateJob`: `validateJobSpec` after `SetDefaults_Job` (completions and parallelism 1 when both are unset,
 * completionMode NonIndexed), the generated selector, and the host names of an Indexed Job's pods.
 */
function checkJob(obj: CheckedWorkload, report: Report, job: JobSpecView, minor: number): void {
  const mode = isUnset(obj.view.controller.completionMode) ? 'NonIndexed' : obj.view.controller.completionMode;
  const completions = isUnset(job.completions) && isUnset(job.parallelism) ? 1 : job.completions;
  checkJobSpec(obj, report, job, 'spec', mode, completions, minor);
  checkJobSelector(obj, report, job.selector);
  if (mode === 'Indexed' && isInt32(completions) && completions > 0 && obj.name !== '') {
    const hostname = `${obj.name}-${completions - 1}`;
    if (isDns1123Label(hostname).length > 0) {
      report.add(obj, 'job-spec', 'metadata.name', invalid(obj.name,
        `will not able to create pod with invalid DNS label: ${hostname} (an Indexed Job's pods are named <job name>-<index>)`));
    }
  }
}

/**
 * `ValidateJobTemplateSpec`: the job spec of a CronJob (not defaulted), without a selector, which is generated for
 * each Job.
 */
function checkJobTemplate(obj: CheckedWorkload, report: Report, job: JobSpecView, minor: number): void {
  const path = 'spec.jobTemplate.spec';
  checkJobSpec(obj, report, job, path, obj.view.controller.completionMode, job.completions, minor);
  if (job.selector !== undefined && job.selector !== null) {
    report.add(obj, 'cronjob-spec', `${path}.selector`, invalid(job.selector, '`selector` will be auto-generated'));
  }
  if (obj.view.controller.manualSelector === true) {
    report.add(obj, 'cronjob-spec', `${path}.manualSelector`, notSupported(true, ['nil', 'false']));
  }
}

/**
 * `validateJobSpec`, apart from the pod template: counts and deadlines not negative, the completion mode, and the
 * pod failure policy.
 */
function checkJobSpec(
  obj: CheckedWorkload, report: Report, job: JobSpecView, path: string, mode: unknown, completions: unknown, minor: number,
): void {
  nonNegative(obj, report, 'job-spec', `${path}.parallelism`, job.parallelism);
  nonNegative(obj, report, 'job-spec', `${path}.completions`, job.completions);
  nonNegative(obj, report, 'job-spec', `${path}.activeDeadlineSeconds`, job.activeDeadlineSeconds, false);
  nonNegative(obj, report, 'job-spec', `${path}.backoffLimit`, job.backoffLimit);
  nonNegative(obj, report, 'job-spec', `${path}.ttlSecondsAfterFinished`, job.ttlSecondsAfterFinished);
  if (typeof mode === 'string') {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') {
      report.add(obj, 'job-spec', `${path}.completionMode`, notSupported(mode, ['NonIndexed', 'Indexed']));
    }
    if (mode === 'Indexed') {
      if (isUnset(completions)) {
        report.add(obj, 'job-spec', `${path}.completions`, required('when completion mode is Indexed (the indexes are 0 to completions - 1)'));
      }
      if (isInt32(job.parallelism) && job.parallelism > MAX_INDEXED_PARALLELISM) {
        report.add(obj, 'job-spec', `${path}.parallelism`, invalid(job.parallelism,
          `must be less than or equal to ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`));
      }
    }
  }
  if (isObject(job.podFailurePolicy)) checkPodFailurePolicy(obj, report, job.podFailurePolicy, `${path}.podFailurePolicy`, minor);
}

/**
 * `ValidateJobSpec` and `validateGeneratedSelector`: with `manualSelector: true` the selector is required; without
 * it, the API server generates the selector from the Job's uid, and one written by hand cannot match it.
 */
function checkJobSelector(obj: CheckedWorkload, report: Report, selector: unknown): void {
  if (obj.view.controller.manualSelector === true) {
    if (selector === undefined || selector === null) report.add(obj, 'job-spec', 'spec.selector', required('a Job with `manualSelector: true` needs a selector'));
    return;
  }
  if (!isObject(selector) || !isObject(selector.matchLabels)) return;
  const own = Object.entries(selector.matchLabels).filter(([key, value]) => !(JOB_NAME_LABELS.includes(key) && (obj.name === '' || value === obj.name)));
  if (own.length > 0) {
    report.add(obj, 'job-spec', 'spec.selector', invalid(selector,
      '`selector` not auto-generated (leave the selector out, or set `manualSelector: true` to choose it)'));
  }
}

/**
 * `validatePodFailurePolicy` (1.27: actions Count, FailJob and Ignore), after `SetDefaults_Job` (a pod condition
 * pattern's status defaults to True).
 */
function checkPodFailurePolicy(obj: CheckedWorkload, report: Report, policy: Record<string, any>, path: string, minor: number): void {
  const actions = minor >= 29 ? POD_FAILURE_ACTIONS_PER_INDEX : POD_FAILURE_ACTIONS;
  const rules = policy.rules;
  if (!Array.isArray(rules)) return;
  if (rules.length > MAX_POD_FAILURE_RULES) report.add(obj, 'job-spec', `${path}.rules`, tooMany(rules.length, MAX_POD_FAILURE_RULES));
  const template = obj.view.template?.spec;
  const containerNames = new Set([...template?.containers ?? [], ...template?.initContainers ?? []].map(c => c?.name));
  rules.forEach((r, i) => {
    if (!isObject(r)) return;
    const rulePath = `${path}.rules[${i}]`;
    if (isUnset(r.action)) {
      report.add(obj, 'job-spec', `${rulePath}.action`, required(`valid values: ${goQuotedList(actions)}`));
    } else if (typeof r.action === 'string' && !actions.includes(r.action)) {
      report.add(obj, 'job-spec', `${rulePath}.action`, notSupported(r.action, actions));
    }
    if (isObject(r.onExitCodes)) checkOnExitCodes(obj, report, r.onExitCodes, `${rulePath}.onExitCodes`, containerNames);
    const conditions = r.onPodConditions;
    if (Array.isArray(conditions) && conditions.length > 0) checkOnPodConditions(obj, report, conditions, `${rulePath}.onPodConditions`);
    const exitCodesOk = r.onExitCodes === undefined || r.onExitCodes === null || isObject(r.onExitCodes);
    const conditionsOk = conditions === undefined || conditions === null || Array.isArray(conditions);
    if (!exitCodesOk || !conditionsOk) return;
    const hasExitCodes = isObject(r.onExitCodes);
    const hasConditions = Array.isArray(conditions) && conditions.length > 0;
    if (hasExitCodes && hasConditions) {
      report.add(obj, 'job-spec', rulePath, 'Invalid value: specifying both OnExitCodes and OnPodConditions is not supported');
    } else if (!hasExitCodes && !hasConditions) {
      report.add(obj, 'job-spec', rulePath, 'Invalid value: specifying one of OnExitCodes and OnPodConditions is required');
    }
  });
}

/**
 * `validatePodFailurePolicyRuleOnExitCodes`.
 */
function checkOnExitCodes(obj: CheckedWorkload, report: Report, onExitCodes: Record<string, any>, path: string, containerNames: Set<unknown>): void {
  const operator = onExitCodes.operator;
  if (isUnset(operator)) {
    report.add(obj, 'job-spec', `${path}.operator`, required(`valid values: ${goQuotedList(EXIT_CODE_OPERATORS)}`));
  } else if (typeof operator === 'string' && !EXIT_CODE_OPERATORS.includes(operator)) {
    report.add(obj, 'job-spec', `${path}.operator`, notSupported(operator, EXIT_CODE_OPERATORS));
  }
  const containerName = onExitCodes.containerName;
  if (typeof containerName === 'string' && !containerNames.has(containerName)) {
    report.add(obj, 'job-spec', `${path}.containerName`, invalid(containerName, 'must be one of the container or initContainer names in the pod template'));
  }
  const values = onExitCodes.values ?? [];
  if (!Array.isArray(values) || !values.every(isInt32)) return;
  if (values.length === 0) {
    report.add(obj, 'job-spec', `${path}.values`, invalid(values, 'at least one value is required'));
  } else if (values.length > MAX_EXIT_CODE_VALUES) {
    report.add(obj, 'job-spec', `${path}.values`, tooMany(values.length, MAX_EXIT_CODE_VALUES));
  }
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((value: number, j: number) => {
    if (operator === 'In' && value === 0) report.add(obj, 'job-spec', `${path}.values[${j}]`, invalid(0, 'must not be 0 for the In operator'));
    if (seen.has(value)) report.add(obj, 'job-spec', `${path}.values[${j}]`, duplicate(value));
    seen.add(value);
    if (j > 0 && values[j - 1] > value) ordered = false;
  });
  if (!ordered) report.add(obj, 'job-spec', `${path}.values`, invalid(values, 'must be ordered'));
}

/**
 * `validatePodFailurePolicyRuleOnPodConditions`.
 */
function checkOnPodConditions(obj: CheckedWorkload, report: Report, patterns: unknown[], path: string): void {
  if (patterns.length > MAX_POD_CONDITION_PATTERNS) report.add(obj, 'job-spec', path, tooMany(patterns.length, MAX_POD_CONDITION_PATTERNS));
  patterns.forEach((p, j) => {
    if (!isObject(p)) return;
    const type = isUnset(p.type) ? '' : p.type;
    if (typeof type === 'string') {
      for (const msg of isQualifiedName(type)) report.add(obj, 'job-spec', `${path}[${j}].type`, invalid(type, msg));
    }
    if (typeof p.status === 'string' && p.status !== '' && !CONDITION_STATUSES.includes(p.status)) {
      report.add(obj, 'job-spec', `${path}[${j}].status`, notSupported(p.status, CONDITION_STATUSES));
    }
  });
}

/**
 * `validateCronJobSpec`, apart from the job template, after `SetDefaults_CronJob` (concurrencyPolicy Allow).
 */
function checkCronJob(obj: CheckedWorkload, report: Report, cron: CronJobSpecView): void {
  const schedule = cron.schedule;
  if (isUnset(schedule)) {
    report.add(obj, 'cronjob-spec', 'spec.schedule', required('a cron expression such as "0 * * * *" or "@hourly"'));
  } else if (typeof schedule === 'string') {
    const error = scheduleError(schedule);
    if (error) report.add(obj, 'cronjob-spec', 'spec.schedule', invalid(schedule, error));
    if (schedule.includes('TZ') && cron.timeZone !== undefined && cron.timeZone !== null) {
      report.add(obj, 'cronjob-spec', 'spec.schedule', invalid(schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    }
  }
  nonNegative(obj, report, 'cronjob-spec', 'spec.startingDeadlineSeconds', cron.startingDeadlineSeconds, false);
  if (typeof cron.timeZone === 'string') checkTimeZone(obj, report, cron.timeZone);
  const policy = cron.concurrencyPolicy;
  if (typeof policy === 'string' && policy !== '' && !CONCURRENCY_POLICIES.includes(policy)) {
    report.add(obj, 'cronjob-spec', 'spec.concurrencyPolicy', notSupported(policy, CONCURRENCY_POLICIES));
  }
  nonNegative(obj, report, 'cronjob-spec', 'spec.successfulJobsHistoryLimit', cron.successfulJobsHistoryLimit);
  nonNegative(obj, report, 'cronjob-spec', 'spec.failedJobsHistoryLimit', cron.failedJobsHistoryLimit);
}

/**
 * `validateTimeZone`: a non-empty IANA time zone name, not `Local`.
 */
function checkTimeZone(obj: CheckedWorkload, report: Report, zone: string): void {
  const field = 'spec.timeZone';
  if (zone === '') {
    report.add(obj, 'cronjob-spec', field, invalid(zone, 'timeZone must be nil or non-empty string'));
    return;
  }
  for (const part of zone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART_RE.test(part)) {
      report.add(obj, 'cronjob-spec', field, invalid(zone, `unknown time zone ${zone}`));
      return;
    }
  }
  if (zone.toLowerCase() === 'local') {
    report.add(obj, 'cronjob-spec', field, invalid(zone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  }
  const error = timeZoneError(zone);
  if (error) report.add(obj, 'cronjob-spec', field, invalid(zone, error));
}

/**
 * `ValidatePositiveIntOrPercent` on a value that decodes as an IntOrString.
 */
function intOrPercent(obj: CheckedWorkload, report: Report, id: SpecRuleId, field: string, value: unknown): void {
  if (!isIntOrString(value)) return;
  for (const msg of positiveIntOrPercentReasons(value)) report.add(obj, id, field, invalid(value, msg));
}

/**
 * `IsNotMoreThan100Percent` on a value that decodes as an IntOrString.
 */
function notOver100Percent(obj: CheckedWorkload, report: Report, id: SpecRuleId, field: string, value: unknown): void {
  if (isIntOrString(value) && isMoreThan100Percent(value)) report.add(obj, id, field, invalid(value, 'must not be greater than 100%'));
}

/**
 * `ValidateNonnegativeField` on an integer field; values of another type are skipped. int32 fields (the default)
 * out of range fail decoding, and are skipped too.
 */
function nonNegative(obj: CheckedWorkload, report: Report, id: SpecRuleId, field: string, value: unknown, int32 = true): void {
  if (!isInteger(value) || (int32 && !isInt32(value))) return;
  if (value < 0) report.add(obj, id, field, invalid(value, 'must be greater than or equal to 0'));
}


/** `field.TooMany`. */
function tooMany(actual: number, max: number): string {
  return `Too many: ${actual}: must have at most ${max} items`;
}

/** Go's `%q` of a list of strings: `["a" "b"]`. */
function goQuotedList(values: readonly string[]): string {
  return `[${values.map(v => `"${v}"`).join(' ')}]`;
}
