// `npm run db:migrate`: runs every schema's pending migrations against DATABASE_URL.
import { migrateAll } from './migrate.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is not set.');
  process.exit(2);
}
await migrateAll(databaseUrl);
