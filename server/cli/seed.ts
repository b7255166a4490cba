/** `npm run db:seed`: idempotent demo data (Barrancabermeja sectors, a university, a company, ideas). */
import { applyMigrations } from "../db/migrations";
import { DEMO_ACCOUNTS, seedDemoData } from "../seed/demo";
import { connectForCli, finish } from "./connect";

const handle = await connectForCli();
await applyMigrations(handle.database.url);
await seedDemoData(handle.db);
console.log("Datos de demostración listos. Cuentas:");
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(12)} ${a.email}  /  ${a.password}`);
await finish(handle);
