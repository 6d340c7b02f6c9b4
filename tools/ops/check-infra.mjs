#!/usr/bin/env node
// Checks the deployment files in infra/ as far as this machine can without Docker or a cluster:
// the compose file parses and references only services, volumes, networks and files it has; the
// Kubernetes manifests validate against Kubernetes' JSON schemas (PyPI kubernetes-validate,
// installed on first use; skipped with a message when it cannot be had) and every workload has
// probes, resource requests, a scaler and secrets from the cluster; the Temporal Helm values use
// PostgreSQL for both stores with a fixed shard count; the dashboard and the alerts use only
// metrics the platform exports. Exits 1 naming each problem.
//   node --import ./tools/dev/register.mjs tools/ops/check-infra.mjs
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parse, parseAllDocuments } from 'yaml';
import { CULTIVATION_SEARCH_ATTRIBUTES } from '@peiyu/contracts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const INFRA = join(ROOT, 'infra');
const KUBERNETES_VERSION = '1.33.0';
const KUBERNETES_VALIDATE = 'kubernetes-validate==1.37.0';

const problems = [];
const notes = [];
const fail = (where, message) => problems.push(`${where}: ${message}`);
const readYaml = (path) => parse(readFileSync(path, 'utf8'), { merge: true });

/** The metric names the platform exports (platform-observability, cultivation-service, Temporal Core, Node). */
const KNOWN_METRICS = new Set([
  'up',
  'peiyu_http_requests_total', 'peiyu_http_request_duration_seconds', 'peiyu_graphql_operations_total', 'peiyu_graphql_operation_duration_seconds',
  'peiyu_open_escalations', 'peiyu_open_escalations_read_failures_total',
  'temporal_workflow_completed_total', 'temporal_workflow_failed_total', 'temporal_workflow_canceled_total', 'temporal_workflow_continue_as_new_total',
  'temporal_workflow_endtoend_latency', 'temporal_workflow_task_schedule_to_start_latency', 'temporal_workflow_task_execution_latency',
  'temporal_workflow_task_replay_latency', 'temporal_workflow_task_execution_failed_total', 'temporal_activity_execution_latency',
  'temporal_activity_schedule_to_start_latency', 'temporal_activity_succeed_endtoend_latency', 'temporal_activity_execution_failed_total',
  'temporal_activity_task_received_total', 'temporal_worker_task_slots_available', 'temporal_worker_task_slots_used', 'temporal_sticky_cache_size',
  'temporal_sticky_cache_hit_total', 'temporal_num_pollers', 'temporal_request_total', 'temporal_request_latency', 'temporal_long_request_total',
  'process_resident_memory_bytes', 'process_cpu_seconds_total', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes',
]);

/** Metric names in a PromQL expression (labels, functions and keywords left out). */
function metricsIn(expr) {
  const withoutLabels = expr.replace(/\{[^}]*\}/g, '{}').replace(/"[^"]*"/g, '""');
  return [...withoutLabels.matchAll(/\b(peiyu_\w+|temporal_\w+|nodejs_\w+|process_\w+|up)\b(?=\s*[{[)\s=<>]|$)/g)]
    .map((m) => m[1].replace(/_(bucket|sum|count)$/, ''));
}

function checkMetrics(where, expr) {
  for (const name of metricsIn(expr)) if (!KNOWN_METRICS.has(name)) fail(where, `uses ${name}, which nothing exports`);
}

// --- compose -------------------------------------------------------------------------------
function checkCompose() {
  const dir = join(INFRA, 'compose');
  const file = join(dir, 'compose.yaml');
  const compose = readYaml(file);
  const services = compose.services ?? {};
  const volumes = new Set(Object.keys(compose.volumes ?? {}));
  const networks = new Set(Object.keys(compose.networks ?? {}));
  const expected = ['postgres', 'temporal-schema', 'temporal', 'temporal-ui', 'migrate', 'communities', 'organizations', 'assessments', 'cultivation', 'analytics', 'worker', 'gateway', 'admin'];
  for (const name of expected) if (!services[name]) fail('compose', `no service ${name}`);
  for (const [name, service] of Object.entries(services)) {
    const where = `compose service ${name}`;
    if (!service.image && !service.build) fail(where, 'has neither image nor build');
    const depends = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
    for (const dep of depends) if (!services[dep]) fail(where, `depends on undefined service ${dep}`);
    for (const [dep, condition] of Object.entries(Array.isArray(service.depends_on) ? {} : service.depends_on ?? {})) {
      if (condition?.condition === 'service_healthy' && !services[dep]?.healthcheck) fail(where, `waits for ${dep} to be healthy, which has no healthcheck`);
    }
    const serviceNetworks = Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? {});
    for (const network of serviceNetworks) if (!networks.has(network)) fail(where, `uses undefined network ${network}`);
    for (const mount of service.volumes ?? []) {
      const source = typeof mount === 'string' ? mount.split(':')[0] : mount.source;
      if (!source) continue;
      if (source.startsWith('.') || isAbsolute(source)) {
        if (!existsSync(resolve(dir, source))) fail(where, `mounts ${source}, which does not exist`);
      } else if (!volumes.has(source)) fail(where, `uses undefined volume ${source}`);
    }
    if (service.build) {
      const context = resolve(dir, service.build.context ?? '.');
      if (!existsSync(resolve(context, service.build.dockerfile ?? 'Dockerfile'))) fail(where, `builds from missing ${service.build.dockerfile}`);
    }
  }
  if (!existsSync(join(dir, 'env.example'))) fail('compose', 'env.example (the template of .env) is missing');
  // What the setup job registers must be what the code searches by.
  const setup = String(services['temporal-setup']?.command ?? '');
  for (const [name, type] of Object.entries(CULTIVATION_SEARCH_ATTRIBUTES)) {
    if (!setup.includes(`${name}=${type}`)) fail('compose service temporal-setup', `does not register search attribute ${name}=${type}`);
  }
  return { shards: Number(services.temporal?.environment?.NUM_HISTORY_SHARDS) };
}

// --- Kubernetes ------------------------------------------------------------------------------
function kubernetesValidate() {
  const probe = spawnSync('kubernetes-validate', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return 'kubernetes-validate';
  const install = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', KUBERNETES_VALIDATE], { encoding: 'utf8' });
  if (install.status !== 0) return null;
  return spawnSync('kubernetes-validate', ['--version'], { encoding: 'utf8' }).status === 0 ? 'kubernetes-validate' : null;
}

function checkKubernetes() {
  const dir = join(INFRA, 'k8s');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort();
  const objects = files.flatMap((file) =>
    parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => {
      if (doc.errors.length) fail(`k8s ${file}`, doc.errors.map((e) => e.message).join('; '));
      return { file, object: doc.toJS() };
    }),
  ).filter(({ object }) => object);
  const of = (kind) => objects.filter(({ object }) => object.kind === kind);
  const deployments = new Map(of('Deployment').map(({ object }) => [object.metadata.name, object]));
  for (const { file, object } of [...of('Deployment'), ...of('Job')]) {
    const where = `k8s ${file} ${object.kind}/${object.metadata.name}`;
    for (const container of object.spec.template.spec.containers) {
      if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory) fail(where, `container ${container.name} has no cpu and memory requests`);
      for (const env of container.env ?? []) {
        if (/SECRET|PASSWORD|DATABASE_URL/.test(env.name) && env.value !== undefined) fail(where, `${env.name} is written in the manifest; take it from a Secret`);
      }
      if (object.kind !== 'Deployment') continue;
      if (!container.readinessProbe || !container.livenessProbe) fail(where, `container ${container.name} lacks a readiness or liveness probe`);
      const ports = new Set((container.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
      for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe].filter(Boolean)) {
        if (probe.httpGet && !ports.has(probe.httpGet.port)) fail(where, `probe port ${probe.httpGet.port} is not a container port`);
      }
    }
  }
  const scaled = new Set(of('HorizontalPodAutoscaler').map(({ object }) => object.spec.scaleTargetRef.name));
  for (const { file, object } of of('HorizontalPodAutoscaler')) {
    if (!deployments.has(object.spec.scaleTargetRef.name)) fail(`k8s ${file}`, `HPA ${object.metadata.name} scales missing Deployment ${object.spec.scaleTargetRef.name}`);
  }
  for (const name of deployments.keys()) if (!scaled.has(name)) fail(`k8s Deployment/${name}`, 'has no HorizontalPodAutoscaler');
  for (const { file, object } of of('Service')) {
    const selector = object.spec.selector ?? {};
    const match = [...deployments.values()].some((d) => Object.entries(selector).every(([k, v]) => d.spec.template.metadata.labels?.[k] === v));
    if (!match) fail(`k8s ${file}`, `Service ${object.metadata.name} selects no Deployment's pods`);
  }
  const expected = ['communities-service', 'organizations-service', 'assessments-service', 'cultivation-service', 'analytics-service', 'worker', 'gateway', 'admin'];
  for (const name of expected) if (!deployments.has(name)) fail('k8s', `no Deployment ${name}`);
  if (!of('Job').some(({ object }) => object.metadata.name.startsWith('peiyu-migrate'))) fail('k8s', 'no migrations Job');
  const kustomization = readYaml(join(dir, 'kustomization.yaml'));
  for (const resource of kustomization.resources ?? []) if (!existsSync(join(dir, resource))) fail('k8s kustomization.yaml', `lists missing ${resource}`);

  const validator = kubernetesValidate();
  if (!validator) {
    notes.push(`SKIPPED: Kubernetes schema validation (${KUBERNETES_VALIDATE} could not be installed from PyPI); the structural checks above ran.`);
    return;
  }
  const run = spawnSync(validator, ['--strict', '--quiet', '-k', KUBERNETES_VERSION, ...files.map((f) => join(dir, f))], { encoding: 'utf8' });
  if (run.status !== 0) fail('k8s schemas', (run.stdout + run.stderr).trim());
  else notes.push(`Kubernetes ${KUBERNETES_VERSION} schemas (strict): ${objects.length} objects in ${files.length} files valid`);
}

// --- Temporal Helm values ------------------------------------------------------------------
function checkTemporalValues() {
  const values = readYaml(join(INFRA, 'temporal', 'values.postgresql.yaml'));
  const persistence = values.server?.config?.persistence ?? {};
  const shards = persistence.numHistoryShards;
  if (!Number.isInteger(shards) || shards < 2 || (shards & (shards - 1)) !== 0) fail('temporal values', `numHistoryShards must be a power of two above 1, is ${shards}`);
  for (const store of [persistence.defaultStore, persistence.visibilityStore]) {
    const sql = persistence.datastores?.[store]?.sql;
    if (!sql) fail('temporal values', `store ${store} is not a SQL datastore`);
    else {
      if (sql.pluginName !== 'postgres12') fail('temporal values', `store ${store} is not on PostgreSQL (${sql.pluginName})`);
      if (sql.password !== undefined || !sql.existingSecret) fail('temporal values', `store ${store} must take its password from existingSecret`);
      if (sql.manageSchema !== true) fail('temporal values', `store ${store} must let the chart's schema job manage its schema (manageSchema: true)`);
    }
  }
  // The 1.x chart refuses to render when any key of its removed sub-charts or schema toggles is set, even `enabled: false`.
  for (const removed of ['cassandra', 'mysql', 'postgresql', 'elasticsearch', 'prometheus', 'grafana']) if (removed in values) fail('temporal values', `the chart no longer takes the top-level key ${removed}`);
  for (const removed of ['createDatabase', 'setup', 'update']) if (values.schema && removed in values.schema) fail('temporal values', `the chart no longer takes schema.${removed}; set it per datastore`);
  // The schema job runs in the admin-tools image: its schema version must be the server's.
  if (values.admintools?.image?.tag !== values.server?.image?.tag) fail('temporal values', `admin-tools ${values.admintools?.image?.tag} and server ${values.server?.image?.tag} images differ`);
  return { shards };
}

// --- dashboard, alerts, Prometheus ----------------------------------------------------------
function checkObservability() {
  const dashboard = JSON.parse(readFileSync(join(INFRA, 'grafana', 'dashboards', 'peiyu-overview.json'), 'utf8'));
  const ids = new Set();
  for (const panel of dashboard.panels) {
    if (ids.has(panel.id)) fail('dashboard', `panel id ${panel.id} is used twice`);
    ids.add(panel.id);
    for (const target of panel.targets ?? []) checkMetrics(`dashboard panel "${panel.title}"`, target.expr);
  }
  const alerts = readYaml(join(INFRA, 'prometheus', 'alerts.yml'));
  for (const rule of alerts.groups.flatMap((g) => g.rules)) {
    if (!rule.alert || !rule.expr || !rule.annotations?.summary) fail('alerts', `a rule lacks alert, expr or summary: ${JSON.stringify(rule).slice(0, 80)}`);
    else checkMetrics(`alert ${rule.alert}`, rule.expr);
  }
  const prometheus = readYaml(join(INFRA, 'prometheus', 'prometheus.yml'));
  if (!prometheus.scrape_configs?.length) fail('prometheus.yml', 'scrapes nothing');
  return { panels: dashboard.panels.length };
}

const compose = checkCompose();
checkKubernetes();
const temporal = checkTemporalValues();
if (compose.shards !== temporal.shards) fail('temporal', `compose (${compose.shards}) and Helm values (${temporal.shards}) disagree on numHistoryShards`);
const { panels } = checkObservability();

for (const note of notes) console.log(note);
if (problems.length) {
  console.log(`\n${problems.length} problem(s) in infra/:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`infra/ checked: compose, Kubernetes manifests, Temporal Helm values (${temporal.shards} history shards), dashboard (${panels} panels) and alerts.`);
