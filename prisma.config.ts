import { defineConfig } from "prisma/config";

// Only the Prisma CLI reads this file (generate, and migrate where its native engine is
// available). The app applies migrations itself: see server/db/migrations.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
