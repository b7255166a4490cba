import pg from "pg";

/**
 * Server-level operations (CREATE/DROP DATABASE) for the test and benchmark harnesses. Each
 * statement gets a short-lived client: cloning a template needs no other session on it.
 */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The same server URL, naming another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
