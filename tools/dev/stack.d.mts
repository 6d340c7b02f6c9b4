// Types of stack.mjs for the TypeScript tools that drive a stack (benchmarks).
export interface StackLayout {
  kind: 'dev' | 'test' | 'bench' | 'ops';
  dataDir: string;
  logDir: string;
  postgres: { dataDir: string; port: number; database: string; fresh: boolean; durable: boolean };
  temporal: { port: number; uiPort: number; dbFile: string | null; ui: boolean };
  ports: Record<'gateway' | 'communities' | 'organizations' | 'assessments' | 'cultivation' | 'analytics' | 'worker' | 'admin', number>;
}
export interface Infrastructure {
  databaseUrl: string;
  temporalAddress: string;
}
export function stackLayout(kind: 'dev' | 'test' | 'bench' | 'ops'): StackLayout;
export function startInfrastructure(layout: StackLayout, options?: { log?: (line: string) => void; logToFiles?: boolean }): Promise<Infrastructure>;
export function startApps(layout: StackLayout, infra: Infrastructure, options?: { log?: (line: string) => void; logToFiles?: boolean }): Promise<{ env: Record<string, string>; pids: Record<string, number> }>;
