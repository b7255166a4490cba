/**
 * `npm run user:create -- --role secretariat --email ana@barrancabermeja.gov.co --name "Ana Díaz" [--password ...]`
 * The only way to create SECRETARIAT accounts. Without --password, one is generated and printed once.
 */
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { createUser } from "../auth/service";
import { emailSchema, nameSchema } from "../auth/schemas";
import { describeError } from "../trpc/error-shape";
import { connectForCli, finish } from "./connect";

const ROLES = { secretariat: "SECRETARIAT", entrepreneur: "ENTREPRENEUR", academia: "ACADEMIA", company: "COMPANY" } as const;

const { values } = parseArgs({
  options: { role: { type: "string" }, email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});
const role = ROLES[(values.role ?? "").toLowerCase() as keyof typeof ROLES];
const email = emailSchema.safeParse(values.email ?? "");
const name = nameSchema.safeParse(values.name ?? "");
if (!role || !email.success || !name.success) {
  console.error('Uso: npm run user:create -- --role secretariat|entrepreneur|academia|company --email correo@dominio --name "Nombre" [--password clave]');
  process.exit(2);
}
const password = values.password ?? randomBytes(12).toString("base64url");

const handle = await connectForCli();
try {
  const user = await createUser(handle.db, { name: name.data, email: email.data, password, role });
  console.log(`Cuenta creada: ${user.email} (${user.role})`);
  if (!values.password) console.log(`Contraseña generada (muéstrala solo a su titular): ${password}`);
  await finish(handle);
} catch (error) {
  const { message, fieldErrors } = describeError(error, "es");
  console.error(`No se creó la cuenta: ${Object.values(fieldErrors)[0] ?? message}`);
  await finish(handle, 1);
}
