// Conformance cases for the spec of workloads outside the pod template and selector (Kubernetes 1.27): replica counts,
// rollout strategies and their IntOrString counts or percentages, StatefulSet policies, Job completion settings and
// pod failure policies, CronJob schedules and time zones. Each expectation holds after the API server's defaulting.
import { Case, bad, container, deployment, merge, ok } from './cases-builders';

type Json = any;

const DEPLOY = 'ValidateDeploymentSpec';
const STRATEGY = 'ValidateDeploymentStrategy';
const ROLLING = 'ValidateRollingUpdateDeployment';
const POSITIVE = 'ValidatePositiveIntOrPercent';
const MAX100 = 'IsNotMoreThan100Percent';
const STS = 'ValidateStatefulSetSpec';
const DS = 'ValidateDaemonSetSpec';
const DS_ROLLING = 'ValidateRollingUpdateDaemonSet';
const RS = 'ValidateReplicaSetSpec';
const JOB = 'validateJobSpec';
const PFP = 'validatePodFailurePolicy';
const CRON = 'validateCronJobSpec';
const SCHEDULE = 'validateScheduleFormat';
const TZ = 'validateTimeZone';

const NON_NEGATIVE = 'must be greater than or equal to 0';
const PERCENT = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
const RU = 'spec.strategy.rollingUpdate';
const DS_RU = 'spec.updateStrategy.rollingUpdate';

/** The base Deployment with `spec` patched. */
function deploy(spec: Json): Json[] {
  return [deployment({ spec })];
}

/** The base Deployment with a RollingUpdate strategy of these values (undefined leaves one out). */
function rolling(maxSurge: Json, maxUnavailable: Json): Json[] {
  return deploy({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } });
}

/** The base Deployment turned into a StatefulSet `web` governed by Service `web`, with `spec` patched. */
function statefulSet(spec: Json = {}): Json[] {
  return [merge(deployment({ spec: { serviceName: 'web' } }), { kind: 'StatefulSet', spec })];
}

/** The base Deployment turned into a DaemonSet (which has no replicas), with `spec` patched. */
function daemonSet(spec: Json = {}): Json[] {
  return [merge(deployment({ spec: { replicas: undefined } }), { kind: 'DaemonSet', spec })];
}

/** A DaemonSet whose RollingUpdate has these values (undefined leaves one out). */
function dsRolling(maxSurge: Json, maxUnavailable: Json): Json[] {
  return daemonSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } });
}

/** The base Deployment turned into a ReplicaSet, with `spec` patched. */
function replicaSet(spec: Json = {}): Json[] {
  return [merge(deployment(), { kind: 'ReplicaSet', spec })];
}

/** A Job spec that passes: one container `work` that never restarts. */
function jobSpec(spec: Json = {}): Json {
  return merge({ template: { spec: { restartPolicy: 'Never', containers: [container([], 'work')] } } }, spec);
}

/** A Job `migrate` with `spec` patched. */
function job(spec: Json = {}, metadata: Json = {}): Json[] {
  return [{ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', ...metadata }, spec: jobSpec(spec) }];
}

/** A Job whose pod failure policy has these rules. */
function failurePolicy(...rules: Json[]): Json[] {
  return job({ podFailurePolicy: { rules } });
}

/** A CronJob `report` running hourly, with `spec` patched; `jobPatch` patches its job template's spec. */
function cronJob(spec: Json = {}, jobPatch: Json = {}): Json[] {
  return [{
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'report' },
    spec: merge({ schedule: '0 * * * *', jobTemplate: { spec: jobSpec(jobPatch) } }, spec),
  }];
}

/** A CronJob with this schedule. */
function schedule(value: Json): Json[] {
  return cronJob({ schedule: value });
}

export const WORKLOAD_SPEC_CASES: Case[] = [
  // Deployment: counts (SetDefaults_Deployment: replicas 1, revisionHistoryLimit 10, progressDeadlineSeconds 600)
  ok(DEPLOY, 'deployment-spec', 'replicas 0', deploy({ replicas: 0 })),
  ok(DEPLOY, 'deployment-spec', 'replicas left to the default', deploy({ replicas: undefined })),
  bad(DEPLOY, 'deployment-spec', 'replicas -1', 'spec.replicas', `Invalid value: -1: ${NON_NEGATIVE}`, deploy({ replicas: -1 })),
  ok(DEPLOY, 'deployment-spec', 'minReadySeconds 0 and revisionHistoryLimit 0', deploy({ minReadySeconds: 0, revisionHistoryLimit: 0 })),
  bad(DEPLOY, 'deployment-spec', 'minReadySeconds -1', 'spec.minReadySeconds', `Invalid value: -1: ${NON_NEGATIVE}`, deploy({ minReadySeconds: -1 })),
  bad(DEPLOY, 'deployment-spec', 'revisionHistoryLimit -1', 'spec.revisionHistoryLimit', `Invalid value: -1: ${NON_NEGATIVE}`,
    deploy({ revisionHistoryLimit: -1 })),
  ok(DEPLOY, 'deployment-spec', 'progressDeadlineSeconds one more than minReadySeconds', deploy({ minReadySeconds: 30, progressDeadlineSeconds: 31 })),
  ok(DEPLOY, 'deployment-spec', 'minReadySeconds 700 with an explicit progressDeadlineSeconds 701', deploy({ minReadySeconds: 700, progressDeadlineSeconds: 701 })),
  bad(DEPLOY, 'deployment-spec', 'progressDeadlineSeconds equal to minReadySeconds', 'spec.progressDeadlineSeconds',
    'Invalid value: 30: must be greater than minReadySeconds', deploy({ minReadySeconds: 30, progressDeadlineSeconds: 30 })),
  bad(DEPLOY, 'deployment-spec', 'progressDeadlineSeconds 0 with the default minReadySeconds 0', 'spec.progressDeadlineSeconds',
    'Invalid value: 0: must be greater than minReadySeconds', deploy({ progressDeadlineSeconds: 0 })),
  bad(DEPLOY, 'deployment-spec', 'progressDeadlineSeconds -1', 'spec.progressDeadlineSeconds', `Invalid value: -1: ${NON_NEGATIVE}`,
    deploy({ progressDeadlineSeconds: -1 })),

  // Deployment strategy (defaults: RollingUpdate, maxSurge and maxUnavailable 25%)
  ok(STRATEGY, 'deployment-strategy', 'Recreate without rollingUpdate', deploy({ strategy: { type: 'Recreate' } })),
  ok(STRATEGY, 'deployment-strategy', 'Recreate with a null rollingUpdate', deploy({ strategy: { type: 'Recreate', rollingUpdate: null } })),
  ok(STRATEGY, 'deployment-strategy', 'type left to the default RollingUpdate', deploy({ strategy: { rollingUpdate: { maxSurge: 1 } } })),
  bad(STRATEGY, 'deployment-strategy', 'Recreate with rollingUpdate', `${RU}`, "Forbidden: may not be specified when strategy `type` is 'Recreate'",
    deploy({ strategy: { type: 'Recreate', rollingUpdate: {} } })),
  bad(STRATEGY, 'deployment-strategy', 'unknown strategy type', 'spec.strategy', 'supported values: "Recreate", "RollingUpdate"',
    deploy({ strategy: { type: 'BlueGreen' } })),
  bad(STRATEGY, 'deployment-strategy', 'strategy type in the wrong case', 'spec.strategy', 'Unsupported value: {"type":"recreate"}',
    deploy({ strategy: { type: 'recreate' } })),
  ok(ROLLING, 'deployment-strategy', 'maxSurge 0 and maxUnavailable 1', rolling(0, 1)),
  ok(ROLLING, 'deployment-strategy', 'maxSurge 1 and maxUnavailable 0', rolling(1, 0)),
  ok(ROLLING, 'deployment-strategy', 'maxSurge 0% with the default maxUnavailable 25%', rolling('0%', undefined)),
  ok(ROLLING, 'deployment-strategy', 'maxUnavailable 100%', rolling('0%', '100%')),
  ok(ROLLING, 'deployment-strategy', 'maxSurge 200% (only maxUnavailable is capped)', rolling('200%', 0)),
  bad(ROLLING, 'deployment-strategy', 'maxSurge 0 and maxUnavailable 0', `${RU}.maxUnavailable`, 'Invalid value: 0: may not be 0 when `maxSurge` is 0',
    rolling(0, 0)),
  bad(ROLLING, 'deployment-strategy', 'maxSurge 0% and maxUnavailable 0%', `${RU}.maxUnavailable`, 'may not be 0 when `maxSurge` is 0', rolling('0%', '0%')),
  bad(ROLLING, 'deployment-strategy', 'maxSurge 0 and maxUnavailable "abc" (reads as 0)', `${RU}.maxUnavailable`, 'may not be 0 when `maxSurge` is 0',
    rolling(0, 'abc')),
  bad(MAX100, 'deployment-strategy', 'maxUnavailable 101%', `${RU}.maxUnavailable`, 'Invalid value: "101%": must not be greater than 100%', rolling(1, '101%')),
  bad(POSITIVE, 'deployment-strategy', 'maxSurge -1', `${RU}.maxSurge`, `Invalid value: -1: ${NON_NEGATIVE}`, rolling(-1, 1)),
  bad(POSITIVE, 'deployment-strategy', 'maxUnavailable "25" without a percent sign', `${RU}.maxUnavailable`, `Invalid value: "25": ${PERCENT}`, rolling(1, '25')),
  bad(POSITIVE, 'deployment-strategy', 'maxSurge "25%%"', `${RU}.maxSurge`, PERCENT, rolling('25%%', 1)),
  bad(POSITIVE, 'deployment-strategy', 'maxSurge "-5%"', `${RU}.maxSurge`, PERCENT, rolling('-5%', 1)),
  bad(POSITIVE, 'deployment-strategy', 'maxSurge " 5%" with a space', `${RU}.maxSurge`, PERCENT, rolling(' 5%', 1)),

  // StatefulSet (SetDefaults_StatefulSet: OrderedReady, RollingUpdate with partition 0, retention Retain)
  ok(STS, 'statefulset-spec', 'Parallel pod management, OnDelete updates', statefulSet({ podManagementPolicy: 'Parallel', updateStrategy: { type: 'OnDelete' } })),
  ok(STS, 'statefulset-spec', 'RollingUpdate with partition 0', statefulSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } })),
  ok(STS, 'statefulset-spec', 'replicas 0, minReadySeconds 0, ordinals.start 0', statefulSet({ replicas: 0, minReadySeconds: 0, ordinals: { start: 0 } })),
  ok(STS, 'statefulset-spec', 'retention policy Delete and Retain', statefulSet({
    persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
  })),
  ok(STS, 'statefulset-spec', 'maxUnavailable 0 is dropped (MaxUnavailableStatefulSet is off in 1.27)', statefulSet({
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } },
  })),
  bad(STS, 'statefulset-spec', 'unknown podManagementPolicy', 'spec.podManagementPolicy', "Invalid value: \"Serial\": must be 'OrderedReady' or 'Parallel'",
    statefulSet({ podManagementPolicy: 'Serial' })),
  bad(STS, 'statefulset-spec', 'unknown updateStrategy type', 'spec.updateStrategy', "must be 'RollingUpdate' or 'OnDelete'",
    statefulSet({ updateStrategy: { type: 'Recreate' } })),
  bad(STS, 'statefulset-spec', 'OnDelete with rollingUpdate', 'spec.updateStrategy.rollingUpdate', "only allowed for updateStrategy 'RollingUpdate'",
    statefulSet({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } })),
  bad('validateRollingUpdateStatefulSet', 'statefulset-spec', 'partition -1', 'spec.updateStrategy.rollingUpdate.partition', `Invalid value: -1: ${NON_NEGATIVE}`,
    statefulSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } })),
  bad('ValidatePersistentVolumeClaimRetentionPolicyType', 'statefulset-spec', 'retention policy Keep', 'spec.persistentVolumeClaimRetentionPolicy.whenScaled',
    'Unsupported value: "Keep": supported values: "Delete", "Retain"', statefulSet({ persistentVolumeClaimRetentionPolicy: { whenScaled: 'Keep' } })),
  bad(STS, 'statefulset-spec', 'replicas -1', 'spec.replicas', `Invalid value: -1: ${NON_NEGATIVE}`, statefulSet({ replicas: -1 })),
  bad(STS, 'statefulset-spec', 'minReadySeconds -1', 'spec.minReadySeconds', `Invalid value: -1: ${NON_NEGATIVE}`, statefulSet({ minReadySeconds: -1 })),
  bad(STS, 'statefulset-spec', 'ordinals.start -1', 'spec.ordinals.start', `Invalid value: -1: ${NON_NEGATIVE}`, statefulSet({ ordinals: { start: -1 } })),

  // DaemonSet (SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1, maxSurge 0)
  ok(DS, 'daemonset-spec', 'the default update strategy', daemonSet()),
  ok(DS, 'daemonset-spec', 'OnDelete, even with a rollingUpdate', daemonSet({ updateStrategy: { type: 'OnDelete', rollingUpdate: { maxSurge: 5 } } })),
  ok(DS_ROLLING, 'daemonset-spec', 'maxSurge 1 and maxUnavailable 0', dsRolling(1, 0)),
  ok(DS_ROLLING, 'daemonset-spec', 'maxUnavailable 100%', dsRolling(0, '100%')),
  ok(DS_ROLLING, 'daemonset-spec', 'maxSurge 100% and maxUnavailable 0', dsRolling('100%', 0)),
  ok(DS, 'daemonset-spec', 'minReadySeconds 0 and revisionHistoryLimit 0', daemonSet({ minReadySeconds: 0, revisionHistoryLimit: 0 })),
  bad(DS_ROLLING, 'daemonset-spec', 'maxSurge 1 with the default maxUnavailable 1', `${DS_RU}.maxSurge`, 'Invalid value: 1: may not be set when maxUnavailable is non-zero',
    dsRolling(1, undefined)),
  bad(DS_ROLLING, 'daemonset-spec', 'maxSurge 0 and maxUnavailable 0%', `${DS_RU}.maxUnavailable`, 'Required value: cannot be 0 when maxSurge is 0',
    dsRolling(0, '0%')),
  bad(DS_ROLLING, 'daemonset-spec', 'maxSurge 101%', `${DS_RU}.maxSurge`, 'must not be greater than 100%', dsRolling('101%', 0)),
  bad(DS_ROLLING, 'daemonset-spec', 'maxUnavailable 101%', `${DS_RU}.maxUnavailable`, 'must not be greater than 100%', dsRolling(0, '101%')),
  bad(DS_ROLLING, 'daemonset-spec', 'maxUnavailable -1', `${DS_RU}.maxUnavailable`, `Invalid value: -1: ${NON_NEGATIVE}`, dsRolling(0, -1)),
  bad(DS_ROLLING, 'daemonset-spec', 'maxUnavailable "1"', `${DS_RU}.maxUnavailable`, PERCENT, dsRolling(0, '1')),
  bad('ValidateDaemonSetUpdateStrategy', 'daemonset-spec', 'unknown update strategy', 'spec.updateStrategy',
    'supported values: "RollingUpdate", "OnDelete"', daemonSet({ updateStrategy: { type: 'Recreate' } })),
  bad(DS, 'daemonset-spec', 'minReadySeconds -1', 'spec.minReadySeconds', `Invalid value: -1: ${NON_NEGATIVE}`, daemonSet({ minReadySeconds: -1 })),
  bad(DS, 'daemonset-spec', 'revisionHistoryLimit -1', 'spec.revisionHistoryLimit', `Invalid value: -1: ${NON_NEGATIVE}`, daemonSet({ revisionHistoryLimit: -1 })),

  // ReplicaSet
  ok(RS, 'replicaset-spec', 'replicas 0 and minReadySeconds 0', replicaSet({ replicas: 0, minReadySeconds: 0 })),
  bad(RS, 'replicaset-spec', 'replicas -1', 'spec.replicas', `Invalid value: -1: ${NON_NEGATIVE}`, replicaSet({ replicas: -1 })),
  bad(RS, 'replicaset-spec', 'minReadySeconds -1', 'spec.minReadySeconds', `Invalid value: -1: ${NON_NEGATIVE}`, replicaSet({ minReadySeconds: -1 })),

  // Job (SetDefaults_Job: completions and parallelism 1 when both unset, completionMode NonIndexed, backoffLimit 6)
  ok(JOB, 'job-spec', 'counts and deadlines at 0', job({ parallelism: 0, completions: 0, activeDeadlineSeconds: 0, backoffLimit: 0, ttlSecondsAfterFinished: 0 })),
  ok(JOB, 'job-spec', 'the defaults', job()),
  bad(JOB, 'job-spec', 'parallelism -1', 'spec.parallelism', `Invalid value: -1: ${NON_NEGATIVE}`, job({ parallelism: -1 })),
  bad(JOB, 'job-spec', 'completions -1', 'spec.completions', `Invalid value: -1: ${NON_NEGATIVE}`, job({ completions: -1 })),
  bad(JOB, 'job-spec', 'activeDeadlineSeconds -1', 'spec.activeDeadlineSeconds', `Invalid value: -1: ${NON_NEGATIVE}`, job({ activeDeadlineSeconds: -1 })),
  bad(JOB, 'job-spec', 'backoffLimit -1', 'spec.backoffLimit', `Invalid value: -1: ${NON_NEGATIVE}`, job({ backoffLimit: -1 })),
  bad(JOB, 'job-spec', 'ttlSecondsAfterFinished -1', 'spec.ttlSecondsAfterFinished', `Invalid value: -1: ${NON_NEGATIVE}`, job({ ttlSecondsAfterFinished: -1 })),
  ok(JOB, 'job-spec', 'Indexed with completions', job({ completionMode: 'Indexed', completions: 5, parallelism: 100000 })),
  ok('SetDefaults_Job', 'job-spec', 'Indexed without completions or parallelism (both default to 1)', job({ completionMode: 'Indexed' })),
  bad(JOB, 'job-spec', 'Indexed with parallelism but no completions', 'spec.completions', 'Required value: when completion mode is Indexed',
    job({ completionMode: 'Indexed', parallelism: 3 })),
  bad(JOB, 'job-spec', 'Indexed with parallelism 100001', 'spec.parallelism', 'must be less than or equal to 100000 when completion mode is Indexed',
    job({ completionMode: 'Indexed', completions: 5, parallelism: 100001 })),
  bad(JOB, 'job-spec', 'unknown completionMode', 'spec.completionMode', 'Unsupported value: "Ordered": supported values: "NonIndexed", "Indexed"',
    job({ completionMode: 'Ordered' })),
  bad('ValidateJob', 'job-spec', 'Indexed Job whose last pod host name is not a DNS label', 'metadata.name', 'will not able to create pod with invalid DNS label: migrate.v1-2',
    job({ completionMode: 'Indexed', completions: 3 }, { name: 'migrate.v1' })),
  ok('ValidateJobSpec', 'job-spec', 'manualSelector with a selector that matches the template', job({
    manualSelector: true, selector: { matchLabels: { app: 'migrate' } }, template: { metadata: { labels: { app: 'migrate' } } },
  })),
  ok('validateGeneratedSelector', 'job-spec', 'a selector on the job-name label', job({ selector: { matchLabels: { 'job-name': 'migrate' } } })),
  bad('ValidateJobSpec', 'job-spec', 'manualSelector without a selector', 'spec.selector', 'Required value', job({ manualSelector: true })),
  bad('validateGeneratedSelector', 'job-spec', 'a selector without manualSelector', 'spec.selector', '`selector` not auto-generated', job({
    selector: { matchLabels: { app: 'migrate' } }, template: { metadata: { labels: { app: 'migrate' } } },
  })),

  // Job pod failure policy (1.27 actions: Count, FailJob, Ignore)
  ok(PFP, 'job-spec', 'exit codes and pod conditions', failurePolicy(
    { action: 'FailJob', onExitCodes: { containerName: 'work', operator: 'In', values: [1, 42] } },
    { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] },
    { action: 'Count', onExitCodes: { operator: 'NotIn', values: [0] } },
  )),
  bad(PFP, 'job-spec', 'rule without an action', 'spec.podFailurePolicy.rules[0].action', 'Required value: valid values: ["Count" "FailJob" "Ignore"]',
    failurePolicy({ onExitCodes: { operator: 'In', values: [1] } })),
  bad(PFP, 'job-spec', 'FailIndex (added in 1.28)', 'spec.podFailurePolicy.rules[0].action', 'Unsupported value: "FailIndex": supported values: "Count", "FailJob", "Ignore"',
    failurePolicy({ action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] } })),
  ok(PFP, 'job-spec', 'FailIndex targeting Kubernetes 1.29 (JobBackoffLimitPerIndex, beta and on)',
    job({ completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1, podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] } }] } }),
    { options: { kubernetesVersion: '1.29' } }),
  bad(PFP, 'job-spec', 'an unknown action targeting 1.29 lists FailIndex', 'spec.podFailurePolicy.rules[0].action',
    'Unsupported value: "Fail": supported values: "Count", "FailIndex", "FailJob", "Ignore"', failurePolicy({ action: 'Fail', onExitCodes: { operator: 'In', values: [1] } }),
    { kubernetesVersion: '1.29' }),
  bad(PFP, 'job-spec', 'exit codes of an unknown container', 'spec.podFailurePolicy.rules[0].onExitCodes.containerName',
    'must be one of the container or initContainer names in the pod template', failurePolicy({ action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [1] } })),
  bad(PFP, 'job-spec', 'exit code 0 with In', 'spec.podFailurePolicy.rules[0].onExitCodes.values[0]', 'Invalid value: 0: must not be 0 for the In operator',
    failurePolicy({ action: 'FailJob', onExitCodes: { operator: 'In', values: [0, 1] } })),
  bad(PFP, 'job-spec', 'exit codes out of order', 'spec.podFailurePolicy.rules[0].onExitCodes.values', 'must be ordered',
    failurePolicy({ action: 'FailJob', onExitCodes: { operator: 'In', values: [2, 1] } })),
  bad(PFP, 'job-spec', 'duplicate exit code', 'spec.podFailurePolicy.rules[0].onExitCodes.values[1]', 'Duplicate value: 3',
    failurePolicy({ action: 'FailJob', onExitCodes: { operator: 'In', values: [3, 3] } })),
  bad(PFP, 'job-spec', 'no exit code', 'spec.podFailurePolicy.rules[0].onExitCodes.values', 'at least one value is required',
    failurePolicy({ action: 'FailJob', onExitCodes: { operator: 'In', values: [] } })),
  bad(PFP, 'job-spec', 'exit codes without an operator', 'spec.podFailurePolicy.rules[0].onExitCodes.operator', 'Required value: valid values: ["In" "NotIn"]',
    failurePolicy({ action: 'FailJob', onExitCodes: { values: [1] } })),
  bad(PFP, 'job-spec', 'a rule with neither exit codes nor pod conditions', 'spec.podFailurePolicy.rules[0]',
    'specifying one of OnExitCodes and OnPodConditions is required', failurePolicy({ action: 'Ignore' })),
  bad(PFP, 'job-spec', 'a rule with both exit codes and pod conditions', 'spec.podFailurePolicy.rules[0]',
    'specifying both OnExitCodes and OnPodConditions is not supported',
    failurePolicy({ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [{ type: 'DisruptionTarget' }] })),
  bad(PFP, 'job-spec', 'pod condition status Maybe', 'spec.podFailurePolicy.rules[0].onPodConditions[0].status',
    'Unsupported value: "Maybe": supported values: "False", "True", "Unknown"', failurePolicy({ action: 'Ignore', onPodConditions: [{ type: 'Ready', status: 'Maybe' }] })),
  bad(PFP, 'job-spec', '21 rules', 'spec.podFailurePolicy.rules', 'Too many: 21: must have at most 20 items',
    failurePolicy(...Array.from({ length: 21 }, () => ({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] })))),

  // CronJob (SetDefaults_CronJob: concurrencyPolicy Allow, history limits 3 and 1)
  ok(SCHEDULE, 'cronjob-spec', 'five fields with ranges, lists, steps and names', schedule('*/15 9-17 1,15 jan-jun mon-fri')),
  ok(SCHEDULE, 'cronjob-spec', '@hourly', schedule('@hourly')),
  ok(SCHEDULE, 'cronjob-spec', '@every 1h30m', schedule('@every 1h30m')),
  ok(SCHEDULE, 'cronjob-spec', 'a question mark for any day', schedule('0 0 ? * *')),
  ok(SCHEDULE, 'cronjob-spec', 'CRON_TZ prefix (accepted in 1.27; a warning elsewhere)', schedule('CRON_TZ=Europe/Berlin 0 6 * * *')),
  bad(CRON, 'cronjob-spec', 'no schedule', 'spec.schedule', 'Required value', cronJob({ schedule: undefined })),
  bad(SCHEDULE, 'cronjob-spec', 'six fields (seconds are not supported)', 'spec.schedule', 'expected exactly 5 fields, found 6: [0 0 * * * *]',
    schedule('0 0 * * * *')),
  bad(SCHEDULE, 'cronjob-spec', 'a word', 'spec.schedule', 'expected exactly 5 fields, found 1: [daily]', schedule('daily')),
  bad(SCHEDULE, 'cronjob-spec', 'minute 60', 'spec.schedule', 'end of range (60) above maximum (59): 60', schedule('60 * * * *')),
  bad(SCHEDULE, 'cronjob-spec', 'day of week 7', 'spec.schedule', 'end of range (7) above maximum (6): 7', schedule('0 0 * * 7')),
  bad(SCHEDULE, 'cronjob-spec', 'day of month 0', 'spec.schedule', 'beginning of range (0) below minimum (1): 0', schedule('0 0 0 * *')),
  bad(SCHEDULE, 'cronjob-spec', 'a step of 0', 'spec.schedule', 'step of range should be a positive number: */0', schedule('*/0 * * * *')),
  bad(SCHEDULE, 'cronjob-spec', 'an unknown month name', 'spec.schedule', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax',
    schedule('0 0 1 foo *')),
  bad(SCHEDULE, 'cronjob-spec', 'an unknown descriptor', 'spec.schedule', 'unrecognized descriptor: @fortnightly', schedule('@fortnightly')),
  bad(SCHEDULE, 'cronjob-spec', '@every with days', 'spec.schedule', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"',
    schedule('@every 1d')),
  bad(SCHEDULE, 'cronjob-spec', 'TZ with an unknown zone', 'spec.schedule', 'provided bad location Mars/Olympus', schedule('TZ=Mars/Olympus 0 6 * * *')),
  bad(SCHEDULE, 'cronjob-spec', 'TZ in the schedule and a timeZone', 'spec.schedule', 'cannot use both timeZone field and TZ or CRON_TZ in schedule',
    cronJob({ schedule: 'TZ=UTC 0 6 * * *', timeZone: 'UTC' })),
  ok(TZ, 'cronjob-spec', 'timeZone Europe/Berlin', cronJob({ timeZone: 'Europe/Berlin' })),
  ok(TZ, 'cronjob-spec', 'timeZone Etc/UTC', cronJob({ timeZone: 'Etc/UTC' })),
  bad(TZ, 'cronjob-spec', 'empty timeZone', 'spec.timeZone', 'timeZone must be nil or non-empty string', cronJob({ timeZone: '' })),
  bad(TZ, 'cronjob-spec', 'timeZone Local', 'spec.timeZone', 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
    cronJob({ timeZone: 'Local' })),
  bad(TZ, 'cronjob-spec', 'an unknown timeZone', 'spec.timeZone', 'Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus', cronJob({ timeZone: 'Mars/Olympus' })),
  bad(TZ, 'cronjob-spec', 'a timeZone in the wrong case', 'spec.timeZone', 'unknown time zone europe/berlin', cronJob({ timeZone: 'europe/berlin' })),
  bad(TZ, 'cronjob-spec', 'a timeZone with a space', 'spec.timeZone', 'unknown time zone America/New York', cronJob({ timeZone: 'America/New York' })),
  ok(CRON, 'cronjob-spec', 'Forbid, history limits 0, startingDeadlineSeconds 0', cronJob({
    concurrencyPolicy: 'Forbid', successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0, startingDeadlineSeconds: 0,
  })),
  bad(CRON, 'cronjob-spec', 'unknown concurrencyPolicy', 'spec.concurrencyPolicy', 'Unsupported value: "Skip": supported values: "Allow", "Forbid", "Replace"',
    cronJob({ concurrencyPolicy: 'Skip' })),
  bad(CRON, 'cronjob-spec', 'startingDeadlineSeconds -1', 'spec.startingDeadlineSeconds', `Invalid value: -1: ${NON_NEGATIVE}`, cronJob({ startingDeadlineSeconds: -1 })),
  bad(CRON, 'cronjob-spec', 'successfulJobsHistoryLimit -1', 'spec.successfulJobsHistoryLimit', `Invalid value: -1: ${NON_NEGATIVE}`,
    cronJob({ successfulJobsHistoryLimit: -1 })),
  bad(CRON, 'cronjob-spec', 'failedJobsHistoryLimit -1', 'spec.failedJobsHistoryLimit', `Invalid value: -1: ${NON_NEGATIVE}`, cronJob({ failedJobsHistoryLimit: -1 })),
  bad('ValidateJobTemplateSpec', 'cronjob-spec', 'a job template with a selector', 'spec.jobTemplate.spec.selector', '`selector` will be auto-generated',
    cronJob({}, { selector: { matchLabels: { app: 'report' } } })),
  bad('ValidateJobTemplateSpec', 'cronjob-spec', 'a job template with manualSelector', 'spec.jobTemplate.spec.manualSelector',
    'Unsupported value: true: supported values: "nil", "false"', cronJob({}, { manualSelector: true })),
  ok('ValidateJobTemplateSpec', 'cronjob-spec', 'a job template with manualSelector false', cronJob({}, { manualSelector: false })),
  bad(JOB, 'job-spec', 'a job template with backoffLimit -1', 'spec.jobTemplate.spec.backoffLimit', `Invalid value: -1: ${NON_NEGATIVE}`,
    cronJob({}, { backoffLimit: -1 })),
  bad(JOB, 'job-spec', 'an Indexed job template without completions (not defaulted in a CronJob)', 'spec.jobTemplate.spec.completions',
    'Required value: when completion mode is Indexed', cronJob({}, { completionMode: 'Indexed' })),
  ok(JOB, 'job-spec', 'a job template with parallelism 2 and completions 4', cronJob({}, { parallelism: 2, completions: 4 })),
];
