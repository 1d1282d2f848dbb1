/** Where the CLI writes: results on stdout, progress and errors on stderr. */
export interface Output {
  line(s: string): void;
  info(s: string): void;
  error(s: string): void;
  json(v: unknown): void;
  setExitCode(code: number): void;
}

export function processOutput(): Output & { exitCode: number } {
  // Output piped into `head` or a pager that quits: stop quietly, as other commands do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const o = {
    exitCode: 0,
    line: (s: string) => void process.stdout.write(`${s}\n`),
    info: (s: string) => void process.stderr.write(`${s}\n`),
    error: (s: string) => void process.stderr.write(`${s}\n`),
    json: (v: unknown) => void process.stdout.write(`${JSON.stringify(v)}\n`),
    setExitCode: (c: number) => {
      o.exitCode = Math.max(o.exitCode, c);
    },
  };
  return o;
}
