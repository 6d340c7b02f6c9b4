// Every process of the platform, with its port and how to tell that it is up. `npm start` and
// `npm test` run the same list; only the base port and the data directories differ.

export const SUBGRAPHS = ['communities', 'organizations', 'assessments', 'cultivation', 'analytics'];

/** Ports are the base plus a fixed offset: dev uses 4000 (gateway 4000, admin 4200), tests 4100. */
export function portsFor(base) {
  return {
    gateway: base,
    communities: base + 1,
    organizations: base + 2,
    assessments: base + 3,
    cultivation: base + 4,
    analytics: base + 5,
    worker: base + 9,
    admin: base + 200,
  };
}

/** The environment every app process gets: where each subgraph listens and how to reach it. */
export function appEnvironment(ports, { databaseUrl, temporalAddress, dataDir }) {
  const env = {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    PEIYU_DATA_DIR: dataDir,
    GATEWAY_PORT: String(ports.gateway),
    WORKER_HEALTH_PORT: String(ports.worker),
    ADMIN_PORT: String(ports.admin),
    GATEWAY_URL: `http://127.0.0.1:${ports.gateway}`,
  };
  for (const name of SUBGRAPHS) {
    env[`${name.toUpperCase()}_PORT`] = String(ports[name]);
    env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[name]}/graphql`;
  }
  return env;
}

/** The app processes in start order: subgraphs (which migrate their schemas), the worker, the gateway, the admin app. */
export function appProcesses(ports) {
  const service = (name) => ({
    name: `${name}-service`,
    entry: `apps/${name}-service/src/main.ts`,
    env: { PORT: String(ports[name]) },
    health: `http://127.0.0.1:${ports[name]}/health`,
  });
  return [
    ...SUBGRAPHS.map(service),
    { name: 'worker', entry: 'apps/worker/src/main.ts', env: {}, health: `http://127.0.0.1:${ports.worker}/health` },
    { name: 'gateway', entry: 'apps/gateway/src/main.ts', env: { PORT: String(ports.gateway) }, health: `http://127.0.0.1:${ports.gateway}/health` },
    {
      name: 'admin',
      command: ['../../node_modules/.bin/vite', '--port', String(ports.admin), '--strictPort'],
      cwd: 'apps/admin',
      env: {},
      health: `http://127.0.0.1:${ports.admin}/`,
    },
  ];
}
