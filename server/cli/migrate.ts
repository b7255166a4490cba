/** `npm run db:migrate`: applies pending migrations (what `npm start` also does). */
import { applyMigrations } from "../db/migrations";
import { connectForCli, finish } from "./connect";

const handle = await connectForCli();
const applied = await applyMigrations(handle.database.url);
console.log(applied.length ? `Migraciones aplicadas: ${applied.join(", ")}` : "La base de datos ya está al día.");
await finish(handle);
