/**
 * Start-up failures said in one line that names the setting to change, instead of a stack trace.
 */
export class StartupError extends Error {
  override name = "StartupError";
}

const codeOf = (error: unknown) => String((error as { code?: unknown } | null)?.code ?? "");
const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

function databaseReason(error: unknown): string {
  const code = codeOf(error);
  const message = firstLine(error);
  if (code === "URL_SCHEME_NOT_SUPPORTED" || code === "URL_INVALID")
    return "it is not a SQLite file URL (file:data/tutor.db) or a libSQL server URL (libsql:, http(s):, ws(s):)";
  const path = (error as { path?: unknown } | null)?.path;
  if (["ENOTDIR", "EACCES", "EPERM", "EROFS", "EEXIST"].includes(code))
    return `its folder ${typeof path === "string" ? path : ""} cannot be created or written (${code})`;
  if (/SQLITE_READONLY|readonly/i.test(`${code} ${message}`)) return "the file is read-only";
  if (/Unable to open connection|SQLITE_CANTOPEN/i.test(message))
    return "the file cannot be opened or created (is it a folder, or on a read-only disk?)";
  return message;
}

export function databaseStartupError(url: string, error: unknown): StartupError {
  return new StartupError(
    `Scale Tutor cannot open its database, DATABASE_URL=${url}: ${databaseReason(error)}.`,
  );
}

export function listenStartupError(port: number, error: unknown): StartupError {
  const code = codeOf(error);
  if (code === "EADDRINUSE")
    return new StartupError(
      `Scale Tutor cannot listen on port ${port}: another program is using it (stop it, or set PORT to a free port).`,
    );
  if (code === "EACCES")
    return new StartupError(
      `Scale Tutor may not listen on port ${port} (EACCES): set PORT to a port above 1023.`,
    );
  return new StartupError(`Scale Tutor cannot listen on port ${port}: ${firstLine(error)}.`);
}
