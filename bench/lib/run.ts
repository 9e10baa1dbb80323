// Runs a command to the end and measures it: wall time and, through GNU time (/usr/bin/time -v) when it is there,
// the peak resident memory of the largest process it started; without GNU time, /proc is polled for the child's
// high-water mark (VmHWM), which only misses a peak in the last 50 ms.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';

export interface Measured {
  seconds: number;
  /** Peak resident set size in MB (MiB), or undefined if it could not be read. */
  peakMB?: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function measure(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-v', cmd, ...args]] : [cmd, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let polled = 0;
  const poll = useTime
    ? undefined
    : setInterval(() => {
        try {
          const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
          if (kb) polled = Math.max(polled, Number(kb));
        } catch {
          // the process has ended
        }
      }, 50);
  const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
  const code = await new Promise<number | null>((ok, fail) => {
    child.on('error', fail);
    child.on('close', (c) => ok(c));
  });
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  if (timer) clearTimeout(timer);
  let peakMB: number | undefined;
  if (useTime) {
    const kb = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr)?.[1];
    if (kb) peakMB = Number(kb) / 1024;
    stderr = stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, '');
    const exit = /Command exited with non-zero status (\d+)/.exec(stderr);
    if (exit) stderr = stderr.replace(exit[0], '');
  } else if (polled) peakMB = polled / 1024;
  return { seconds, peakMB, code, stdout, stderr };
}

export function must(what: string, m: Measured): Measured {
  if (m.code !== 0) throw new Error(`${what} failed (exit ${m.code}):\n${(m.stderr || m.stdout).slice(-4000)}`);
  return m;
}
