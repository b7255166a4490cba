import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv, shouldSeedDemo } from "../server/config";

describe("loadEnv", () => {
  it("has working defaults: embedded database, port 3000, demo data outside production", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, NODE_ENV: "development", TRUST_PROXY: false });
    // Relative to the project folder, whatever the working directory of the process.
    expect(env.DATA_DIR).toBe(path.resolve(import.meta.dirname, "..", ".data"));
    expect(env.DATABASE_URL).toBeUndefined();
    expect(shouldSeedDemo(env)).toBe(true);
    expect(shouldSeedDemo(loadEnv({ NODE_ENV: "production" }))).toBe(false);
  });

  it("reports every malformed variable on its own line and refuses to start", () => {
    let error: unknown;
    try {
      loadEnv({ PORT: "noventa", DATABASE_URL: "mysql://localhost/cocrea", UPLOADTHING_TOKEN: "abc" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith("DATABASE_URL:"))).toMatch(/PostgreSQL URL/);
    expect(problems.find((p) => p.startsWith("UPLOADTHING_TOKEN:"))).toMatch(/base64 token/);
    // Plain English for operators, not the message keys the app translates for people.
    expect(problems.find((p) => p.startsWith("PORT:"))).toMatch(/^PORT: Invalid input: expected number/);
  });

  it("accepts a well-formed UploadThing token and PostgreSQL URL", () => {
    const token = Buffer.from(JSON.stringify({ apiKey: "sk_live_x", appId: "app", regions: ["sea1"] })).toString("base64");
    const env = loadEnv({ UPLOADTHING_TOKEN: token, DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/cocrea" });
    expect(env.UPLOADTHING_TOKEN).toBe(token);
  });
});
