import { Logger, type LogLevel } from "graphile-worker";

/**
 * graphile-worker's log lines, warnings and errors only (its info lines say every job it runs),
 * written through `write` (console.error by default).
 */
export function quietLogger(write: (line: string) => void = (line) => console.error(line)): Logger {
  return new Logger(() => (level: LogLevel, message: string) => {
    if (level === "error" || level === "warning") write(`[worker] ${level}: ${message}`);
  });
}
