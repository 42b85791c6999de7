/** One-line JSON logs on stderr. Never pass raw user input here: callers log ids and redacted text only. */
type Fields = Record<string, unknown>;

function write(level: string, message: string, fields?: Fields) {
  process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level, msg: message, ...fields }) + "\n");
}

export const log = {
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  error: (message: string, fields?: Fields) => write("error", message, fields),
};
