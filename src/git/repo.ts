/**
 * Plain `git` over one working directory, for delivery (commit, push, patch).
 *
 * Every call is `git` started without a shell, with an explicit environment, no stdin unless
 * given, and a timeout that kills the whole process group (a push starts `git-remote-https` and
 * `pack-objects`; killing only the parent would leave them running). Failures become a
 * `GitError` whose message is one line: the command and what git printed on stderr.
 *
 * Delivery runs after the agent, in a workspace the agent could write to, and a push carries the
 * credential in the environment of the git process and of everything it starts. So every call
 * switches off what would run code named by the repository's own config: hooks (a `pre-push`
 * hook the agent's `npm test` planted would read the header from its environment), the
 * fsmonitor, credential helpers and askpass programs, external diff and textconv drivers, and
 * commit signing. Filters (`filter.*.clean`, e.g. git-lfs) still run on `git add`: they are how a
 * repository stores its files, and the policy keeps the agent out of `.git/`.
 */
import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'

/** Who a commit is by. */
export interface Identity {
  name: string
  email: string
}

/**
 * The default author and committer of claw's commits. No GitHub account can own this address
 * (`[` is not allowed in a login), so GitHub links the commit to nobody; the requester is credited
 * with a `Co-authored-by` trailer.
 */
export const CLAW_IDENTITY: Identity = {
  name: 'claw[bot]',
  email: 'claw[bot]@users.noreply.github.com'
}

/** The identity GitHub shows for commits pushed with the workflow's `GITHUB_TOKEN`. */
export const GITHUB_ACTIONS_IDENTITY: Identity = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com'
}

/** Local operations (status, add, commit, rebase, diff). */
export const DEFAULT_TIMEOUT_MS = 2 * 60_000
/** Operations that talk to a remote (push, fetch, ls-remote). */
export const NETWORK_TIMEOUT_MS = 5 * 60_000

/** Output beyond this is an error rather than an unbounded buffer (a patch of a huge tree). */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024

/** The empty tree: what `HEAD` is compared with before the first commit. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

export interface GitOptions {
  /** The working directory every command runs in. */
  cwd: string
  /**
   * The environment git starts from (default `process.env`). `GIT_*` variables in it are dropped:
   * a `GIT_DIR`, `GIT_INDEX_FILE` or `GIT_CONFIG_*` set by a workflow must not redirect delivery.
   */
  env?: NodeJS.ProcessEnv
  /** Author of new commits (default `CLAW_IDENTITY`). */
  author?: Identity
  /** Committer of new and rebased commits (default: the author). */
  committer?: Identity
  /** Timeout of a local command in ms (default `DEFAULT_TIMEOUT_MS`). */
  timeoutMs?: number
  /** The git executable, looked up on the environment's PATH (default `git`). */
  executable?: string
}

export interface RunOptions {
  /** Variables added to this call's environment (after `GIT_*` from the parent was dropped). */
  env?: Readonly<Record<string, string>>
  /** Written to git's stdin. */
  input?: string
  /** Timeout of this call in ms. */
  timeoutMs?: number
  /** Values replaced by `***` in the error message (credentials this call carries). */
  secrets?: readonly string[]
}

/** What a finished git command left behind. */
export interface GitOutput {
  exitCode: number
  stdout: string
  stderr: string
}

/** A git command that failed: the message is one line, `git <args> failed (...): <stderr>`. */
export class GitError extends Error {
  override name = 'GitError'
  constructor(
    message: string,
    /** The arguments after `git` (never holds a credential: those go in the environment). */
    readonly args: readonly string[],
    /** The exit status, or undefined when git did not exit on its own (timeout, signal). */
    readonly exitCode: number | undefined,
    /** What git printed on stderr, redacted. */
    readonly stderr: string,
    /** What git printed on stdout, redacted (`push --porcelain` reports there). */
    readonly stdout: string
  ) {
    super(message)
  }
}

/**
 * Config given on every command line (`-c` beats every config file): see the file comment.
 * `core.hooksPath=/dev/null` stops hooks in `.git/hooks` and any configured hooks path.
 */
const HARDENING = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  // An empty value clears the list of helpers gathered from the config files.
  'credential.helper=',
  'core.askPass=',
  'commit.gpgSign=false',
  'tag.gpgSign=false',
  'push.gpgSign=false',
  'push.followTags=false',
  'push.recurseSubmodules=no',
  'rebase.autoStash=false',
  'rebase.updateRefs=false',
  'core.quotePath=true',
  'color.ui=false'
].flatMap(setting => ['-c', setting])

/** Set on every command: nothing waits for a human, and messages are in English (parsed below). */
const FIXED_ENV: Readonly<Record<string, string>> = {
  GIT_TERMINAL_PROMPT: '0',
  GCM_INTERACTIVE: 'never',
  GIT_EDITOR: 'true',
  GIT_SEQUENCE_EDITOR: 'true',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
  LC_ALL: 'C',
  LANGUAGE: 'C'
}

export class Git {
  readonly cwd: string
  readonly author: Identity
  readonly committer: Identity
  private readonly baseEnv: NodeJS.ProcessEnv
  private readonly timeoutMs: number
  private readonly executable: string

  constructor(options: GitOptions) {
    this.cwd = options.cwd
    this.author = options.author ?? CLAW_IDENTITY
    this.committer = options.committer ?? this.author
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.executable = options.executable ?? 'git'
    this.baseEnv = {}
    for (const [name, value] of Object.entries(options.env ?? process.env)) {
      if (value !== undefined && !name.toUpperCase().startsWith('GIT_')) this.baseEnv[name] = value
    }
  }

  /** Runs git and returns its stdout; throws a `GitError` when it exits with a non-zero status. */
  async run(args: readonly string[], options: RunOptions = {}): Promise<string> {
    const output = await this.exec(args, options)
    if (output.exitCode !== 0) {
      throw gitError(args, output.exitCode, output, options.secrets ?? [])
    }
    return output.stdout
  }

  /**
   * Runs git and returns its exit status and output whatever the status (for commands whose
   * status is an answer, like `diff --quiet`). Throws a `GitError` only when git could not be
   * started, timed out, or printed more than the output limit.
   */
  exec(args: readonly string[], options: RunOptions = {}): Promise<GitOutput> {
    const env: NodeJS.ProcessEnv = {
      ...this.baseEnv,
      ...FIXED_ENV,
      GIT_AUTHOR_NAME: this.author.name,
      GIT_AUTHOR_EMAIL: this.author.email,
      GIT_COMMITTER_NAME: this.committer.name,
      GIT_COMMITTER_EMAIL: this.committer.email,
      ...options.env
    }
    const timeoutMs = options.timeoutMs ?? this.timeoutMs
    const secrets = options.secrets ?? []
    return new Promise((resolve, reject) => {
      const child = spawn(this.executable, [...HARDENING, ...args], {
        cwd: this.cwd,
        env,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        // Its own process group, so a timeout can end git and every helper it started.
        detached: true
      })
      const stdout: Buffer[] = []
      const stderr: Buffer[] = []
      let bytes = 0
      let failure: string | undefined
      const kill = (reason: string): void => {
        failure ??= reason
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
      const collect = (chunks: Buffer[]) => (chunk: Buffer) => {
        bytes += chunk.length
        if (bytes > MAX_OUTPUT_BYTES) kill(`printed more than ${MAX_OUTPUT_BYTES} bytes`)
        else chunks.push(chunk)
      }
      child.stdout?.on('data', collect(stdout))
      child.stderr?.on('data', collect(stderr))
      const timer = setTimeout(() => kill(`timed out after ${timeoutMs} ms`), timeoutMs)
      child.on('error', error => {
        clearTimeout(timer)
        reject(
          new GitError(
            `git ${describe(args)} could not start: ${redact(error.message, secrets)}`,
            args,
            undefined,
            '',
            ''
          )
        )
      })
      child.on('close', (code, signal) => {
        clearTimeout(timer)
        const output = {
          exitCode: code ?? -1,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8')
        }
        if (failure !== undefined || code === null) {
          reject(gitError(args, undefined, output, secrets, failure ?? `killed by ${signal}`))
          return
        }
        resolve(output)
      })
      if (options.input !== undefined && child.stdin !== null) {
        // git may exit before reading everything (an early error); that is reported on close.
        child.stdin.on('error', () => undefined)
        child.stdin.end(options.input)
      }
    })
  }

  /** The branch HEAD is on, or undefined when HEAD is detached. */
  async currentBranch(): Promise<string | undefined> {
    const output = await this.exec(['symbolic-ref', '--quiet', '--short', 'HEAD'])
    if (output.exitCode === 1) return undefined
    if (output.exitCode !== 0) throw gitError(['symbolic-ref', 'HEAD'], output.exitCode, output, [])
    return output.stdout.trim()
  }

  /** The commit HEAD points at, or undefined before the first commit. */
  async headSha(): Promise<string | undefined> {
    const output = await this.exec(['rev-parse', '--quiet', '--verify', 'HEAD^{commit}'])
    if (output.exitCode !== 0) return undefined
    return output.stdout.trim()
  }

  /** The full name of a commit (`rev-parse --verify <rev>^{commit}`). */
  async resolveCommit(revision: string): Promise<string> {
    return (
      await this.run(['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`])
    ).trim()
  }

  /**
   * Whether the working tree differs from HEAD: modified, deleted, staged or untracked files
   * (each untracked file, not only its folder), leaving out what `.gitignore` ignores.
   */
  async hasChanges(): Promise<boolean> {
    const status = await this.run([
      'status',
      '--porcelain=v1',
      '-z',
      '--untracked-files=all',
      '--ignored=no'
    ])
    return status !== ''
  }

  /**
   * The working tree against HEAD as one patch `git apply` takes: modified, deleted and
   * untracked files (not ignored ones), binary files included. Built in a temporary index, so
   * the repository's own index is left as it was.
   */
  async workingTreePatch(): Promise<string> {
    const gitDir = (await this.run(['rev-parse', '--absolute-git-dir'])).trim()
    const index = `${gitDir}/claw-patch-index-${process.pid}-${Date.now()}`
    const env = { GIT_INDEX_FILE: index }
    try {
      const head = await this.headSha()
      if (head === undefined) await this.run(['read-tree', '--empty'], { env })
      else await this.run(['read-tree', head], { env })
      await this.run(['add', '--all'], { env })
      return await this.run(
        [
          'diff',
          '--cached',
          '--binary',
          '--no-ext-diff',
          '--no-textconv',
          '--no-color',
          head ?? EMPTY_TREE
        ],
        { env }
      )
    } finally {
      await rm(index, { force: true })
      await rm(`${index}.lock`, { force: true })
    }
  }

  /**
   * The default branch of `remote` as the clone knows it (`refs/remotes/<remote>/HEAD`, which
   * `git clone` sets), or else as the remote says (`ls-remote --symref`, with `runOptions`
   * carrying the credential). actions/checkout does not set `<remote>/HEAD`, and the event
   * payload's `repository.default_branch` is usually the better source in the action.
   */
  async defaultBranch(remote = 'origin', runOptions: RunOptions = {}): Promise<string> {
    const local = await this.exec([
      'symbolic-ref',
      '--quiet',
      '--short',
      `refs/remotes/${remote}/HEAD`
    ])
    const prefix = `${remote}/`
    if (local.exitCode === 0 && local.stdout.trim().startsWith(prefix)) {
      return local.stdout.trim().slice(prefix.length)
    }
    const listed = await this.run(['ls-remote', '--symref', '--end-of-options', remote, 'HEAD'], {
      timeoutMs: NETWORK_TIMEOUT_MS,
      ...runOptions
    })
    const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(listed)
    if (match?.[1] === undefined) {
      throw new GitError(
        `the remote ${remote} does not name a default branch (no symbolic HEAD)`,
        ['ls-remote', '--symref', remote, 'HEAD'],
        0,
        '',
        listed
      )
    }
    return match[1]
  }
}

function gitError(
  args: readonly string[],
  exitCode: number | undefined,
  output: GitOutput,
  secrets: readonly string[],
  reason?: string
): GitError {
  const stderr = redact(output.stderr, secrets)
  const stdout = redact(output.stdout, secrets)
  const status = reason ?? `exit ${exitCode ?? '?'}`
  const detail = oneLine(stderr) || oneLine(stdout)
  return new GitError(
    `git ${describe(args)} failed (${status})${detail === '' ? '' : `: ${detail}`}`,
    args,
    exitCode,
    stderr,
    stdout
  )
}

/** The command for a message: arguments joined, URLs without any user or password in them. */
function describe(args: readonly string[]): string {
  return redact(args.join(' '), [])
}

/** Lines joined with ` | `, blank lines and git's `hint:` lines dropped. */
export function oneLine(text: string): string {
  return text
    .split(/\r?\n|\r/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('hint:'))
    .join(' | ')
}

/** Replaces each secret, and any `user:password@` in a URL, with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@')
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= 4) result = result.split(secret).join('***')
  }
  return result
}
