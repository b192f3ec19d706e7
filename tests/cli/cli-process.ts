/**
 * Helpers for the end-to-end CLI suites: run the built `dist/cli.js` as a child process with a
 * controlled environment, and look at what a user would look at afterwards (the last stdout line,
 * the session file, the workspace). Children are spawned asynchronously: the fake Anthropic server
 * lives in the test process and must keep answering while the CLI runs.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { ROOT } from '../../scripts/prepare-sample.mjs'

/** The repository root. */
export { ROOT }

/** The bundle under test: `dist/`, or `CLAW_DIST_DIR` (the same switch as tests/fixtures/runner.ts). */
export const CLI = join(process.env['CLAW_DIST_DIR'] || join(ROOT, 'dist'), 'cli.js')

export interface ProcessResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Wall time from spawn to exit, in ms. */
  ms: number
}

/**
 * Runs a command to its end, asynchronously. The child is killed (and the promise rejects) after
 * `timeoutMs`, so that a hung CLI fails its test with a message instead of hanging the suite.
 */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env: Record<string, string>; timeoutMs?: number }
): Promise<ProcessResult> {
  const started = performance.now()
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timeoutMs = options.timeoutMs ?? 25_000
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(
          `${command} ${args.join(' ')} did not end within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`
        )
      )
    }, timeoutMs)
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started })
    })
  })
}

/** `node dist/cli.js ARGS` with exactly the environment given (nothing inherited). */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string; timeoutMs?: number } = {}
): Promise<ProcessResult> {
  return runProcess(process.execPath, [CLI, ...args], { ...options, env })
}

/**
 * The smallest environment a user's shell would have: PATH to find node, npm and git, and HOME
 * pointing at a fresh temp folder, so that no real configuration or state is read or written.
 */
export function baseEnv(home: string): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin', HOME: home }
}

/** Temp folders made by a suite, removed together by `removeAll()`. */
export class TempDirs {
  private readonly made: string[] = []

  make(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    this.made.push(dir)
    return dir
  }

  track(dir: string): string {
    this.made.push(dir)
    return dir
  }

  removeAll(): void {
    for (const dir of this.made.splice(0)) rmSync(dir, { recursive: true, force: true })
  }
}

/** The one JSON object the contract puts on the last line of stdout. */
export function lastJsonLine(stdout: string): Record<string, unknown> {
  const last = stdout.trimEnd().split('\n').at(-1) ?? ''
  return JSON.parse(last) as Record<string, unknown>
}

/** A session file's lines, parsed. */
export function readEvents(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map(line => JSON.parse(line) as Record<string, unknown>)
}

/** `npm test` in the sample repository (its tests: `node --test test/`). */
export function npmTest(repo: string, home: string): Promise<ProcessResult> {
  return runProcess('npm', ['test'], { cwd: repo, env: baseEnv(home) })
}

/** What a workspace looks like: `git status --porcelain` and a hash of every file outside .git. */
export async function workspaceSnapshot(
  repo: string
): Promise<{ status: string; hash: string; files: number }> {
  // .git is left out of the hash: `git status` itself may refresh the index's stat cache.
  const hash = createHash('sha256')
  let files = 0
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0
    )) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== '.git' || dir !== repo) walk(path)
      } else {
        files += 1
        hash
          .update(`${relative(repo, path)}\0`)
          .update(readFileSync(path))
          .update('\0')
      }
    }
  }
  walk(repo)
  const status = await runProcess('git', ['status', '--porcelain', '--untracked-files=all'], {
    cwd: repo,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: tmpdir(), GIT_CONFIG_NOSYSTEM: '1' }
  })
  if (status.code !== 0) throw new Error(`git status failed in ${repo}: ${status.stderr}`)
  return { status: status.stdout, hash: hash.digest('hex'), files }
}

/** Session files under the default local location for a HOME (`~/.local/state/claw/sessions`). */
export function sessionsUnder(home: string): string[] {
  const folder = join(home, '.local', 'state', 'claw', 'sessions')
  return existsSync(folder) ? readdirSync(folder).map(name => join(folder, name)) : []
}

/** Whether `path` lies inside `folder` (both absolute, already resolved). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'))
}

/** A line of a stack trace, as Node prints one. */
export const STACK_LINE = /^\s+at /m
