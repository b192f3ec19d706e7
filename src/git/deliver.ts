/**
 * Turning the agent's changes into commits and pushing them: the git half of delivery.
 *
 * Pushes are never forced, not even with `--force-with-lease`: a branch claw creates is created
 * with a plain push (git refuses it when the name is already taken by other commits), and a
 * branch that exists (a pull request's head) only ever fast-forwards. When the remote moved
 * under us, our commits (and only ours: `base..HEAD`) are rebased onto the new head and pushed
 * again. A lease would add nothing but risk: the only case it allows that a plain push refuses is
 * overwriting commits, and that is what must not happen to a human's work. When a push cannot
 * be made, nothing is lost: the commits stay on a local branch and the result carries them as
 * `git format-patch` text for the comment.
 *
 * The credential reaches git only through `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/
 * `GIT_CONFIG_VALUE_n` in the environment of the push and fetch: not on a command line (process
 * listings and audit logs record those) and not in `.git/config` (the agent, or the next step of
 * the workflow, could read it there).
 */
import { branchNameProblem } from './branch-name.js'
import { credentialSecrets } from './credentials.js'
import { GitError, NETWORK_TIMEOUT_MS, oneLine, redact, type Git, type Identity } from './repo.js'

export interface CommitOptions {
  /** The commit message: a subject line, and optionally a blank line and a body. */
  message: string
  /** The person who asked for the change, credited with a `Co-authored-by` trailer. */
  coAuthor?: Identity
}

export type CommitResult =
  | { nothing?: undefined; sha: string; parent: string | undefined }
  | { nothing: true; sha?: undefined }

/**
 * Commits every change in the working tree (modified, deleted and untracked files, not ignored
 * ones) as one commit by the repository's author and committer (`Git.author`, `Git.committer`).
 * With nothing changed it makes no commit and says so.
 */
export async function commitChanges(git: Git, options: CommitOptions): Promise<CommitResult> {
  const parent = await git.headSha()
  await git.run(['add', '--all'])
  const staged = await git.exec(['diff', '--cached', '--quiet', '--no-ext-diff'])
  if (staged.exitCode === 0) return { nothing: true }
  if (staged.exitCode !== 1) await git.run(['diff', '--cached', '--quiet', '--no-ext-diff'])
  await git.run(
    // `whitespace`, not the default `strip`: a body line like `#42 was the cause` must stay.
    ['commit', '--quiet', '--no-verify', '--cleanup=whitespace', '--file=-'],
    { input: commitMessage(options.message, options.coAuthor) }
  )
  const sha = await git.headSha()
  if (sha === undefined) throw new Error('git commit succeeded but HEAD names no commit')
  return { sha, parent }
}

/**
 * The message with its trailer: `message`, a blank line, `Co-authored-by: Name <email>`.
 * Line breaks and angle brackets are taken out of the name and email, which may come from a
 * GitHub profile: a newline in them would add trailers (or a forged `Signed-off-by`) of its own.
 */
export function commitMessage(message: string, coAuthor?: Identity): string {
  const text = message.replace(/\r\n?/g, '\n').trim()
  if (text === '') throw new RangeError('a commit message needs at least a subject line')
  if (coAuthor === undefined) return `${text}\n`
  const name = coAuthor.name.replace(/[\s<>]+/g, ' ').trim()
  const email = coAuthor.email.replace(/[\s<>]+/g, '')
  if (name === '' || !/^[^@]+@[^@]+$/.test(email)) {
    throw new RangeError(`not a usable co-author: ${JSON.stringify(coAuthor)}`)
  }
  return `${text}\n\nCo-authored-by: ${name} <${email}>\n`
}

/**
 * The address GitHub gives every account for commits, `<id>+<login>@users.noreply.github.com`:
 * GitHub credits a co-authored commit to the account with that address, even when the user keeps
 * their own address private.
 */
export function noreplyEmail(id: number, login: string): string {
  return `${id}+${login}@users.noreply.github.com`
}

/** The co-author for a GitHub user: their login as the name, their noreply address. */
export function coAuthorFor(user: { id: number; login: string }): Identity {
  return { name: user.login, email: noreplyEmail(user.id, user.login) }
}

/** The credential a push carries: an HTTP header, as actions/checkout persists it. */
export interface PushCredentials {
  /** The whole header: `AUTHORIZATION: basic <base64 of x-access-token:TOKEN>`. */
  header: string
  /**
   * The URL git may send the header to, like checkout's `http.https://github.com/.extraheader`:
   * git sends it only to URLs under this one. Default: the URL pushed to. Pass the server's own
   * URL (`GITHUB_SERVER_URL`) in the action: a URL resolved from the workspace's config could have
   * been redirected there (`url.<x>.insteadOf`), and the header then stays at home.
   */
  url?: string
}

/** The header actions/checkout persists for a token: basic auth as `x-access-token`. */
export function basicAuthHeader(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`
}

/**
 * The environment that hands git the header for `url`. The same key is first given an empty
 * value, which clears every header git collected from the config files for that URL (a stale or
 * planted header in `.git/config` would be sent too, and could make the push fail or go out as
 * someone else); the environment is read after every file.
 */
export function credentialEnvironment(url: string, header: string): Record<string, string> {
  if (/[\r\n]/.test(header)) throw new RangeError('an HTTP header cannot contain a line break')
  const key = `http.${url}.extraheader`
  return {
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: key,
    GIT_CONFIG_VALUE_0: '',
    GIT_CONFIG_KEY_1: key,
    GIT_CONFIG_VALUE_1: header
  }
}

export interface PushOptions {
  /** A remote's name (`origin`) or a URL. A name is resolved to its push URL once, up front. */
  remote: string
  /** The branch on the remote, without `refs/heads/`. */
  branch: string
  /**
   * The commit this run's commits sit on (HEAD before the run committed): `base..HEAD` are the
   * commits claw made, the only ones a rebase moves. Must be an ancestor of HEAD.
   */
  base: string
  /**
   * Where the remote branch was when the run started (a pull request's head sha): the branch
   * exists and is updated by fast-forward. Undefined: the branch is new, and a push that finds
   * the name taken by other commits is not made (`reason: 'branch-exists'`); the caller picks
   * another name.
   */
  expectedRemoteSha?: string
  credentials?: PushCredentials
  /** Pushes tried when the remote keeps moving (default 3). */
  maxAttempts?: number
}

/** Why a push was not made. */
export type PushFailure =
  /** HEAD is `base`: there is nothing of ours to push. */
  | 'no-commits'
  /** A new branch's name is taken on the remote by commits we do not have. */
  | 'branch-exists'
  /** Our commits do not apply on the remote's new head; the rebase was undone. */
  | 'conflict'
  /** The remote moved again after every rebase, `maxAttempts` times. */
  | 'moved'
  /** The server refused the update (a protected branch, a hook). */
  | 'remote-rejected'
  /** The server refused the credential (HTTP 401 or 403). */
  | 'auth'
  /** Anything else: network, timeout, a git failure. */
  | 'error'

export type PushResult =
  | {
      pushed: true
      /** The commit the remote branch now points at. */
      sha: string
      /** Whether the branch did not exist before this push. */
      created: boolean
      /** Whether our commits were rebased onto a head that moved. */
      rebased: boolean
      /** Pushes made, 1 when the first went through. */
      attempts: number
    }
  | {
      pushed: false
      reason: PushFailure
      /** One line saying what happened, without the credential. */
      message: string
      /** Where our commits are: the local HEAD. */
      sha: string
      /** The local branch holding our commits (created when HEAD was detached). */
      localBranch: string
      /** Our commits (`base..sha`, or `<head they were rebased onto>..sha`) as `git format-patch --stdout --binary` text; `git am` takes it. */
      patch: string
    }

/** Pushes HEAD to `branch` on the remote; see the file comment for what it will and won't do. */
export async function pushBranch(git: Git, options: PushOptions): Promise<PushResult> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3)
  // A pull request's head branch name comes from whoever opened it: refuse one git would read as
  // something else (`a:refs/heads/main` would make a second refspec).
  const problem = branchNameProblem(options.branch)
  if (problem !== undefined) {
    throw new RangeError(`cannot push to ${JSON.stringify(options.branch)}: ${problem}`)
  }
  const url = await pushUrl(git, options.remote)
  const secrets =
    options.credentials === undefined
      ? []
      : credentialSecrets({
          entries: [{ file: '', key: '', values: [options.credentials.header] }]
        })
  const network = {
    timeoutMs: NETWORK_TIMEOUT_MS,
    secrets,
    env:
      options.credentials === undefined
        ? {}
        : credentialEnvironment(options.credentials.url ?? url, options.credentials.header)
  }
  const original = await git.resolveCommit('HEAD')
  const base = await git.resolveCommit(options.base)
  if ((await git.exec(['merge-base', '--is-ancestor', base, original])).exitCode !== 0) {
    throw new RangeError(`the base ${base} of our commits is not an ancestor of HEAD ${original}`)
  }
  // Where our commits start: `base`, or after a rebase the head they were rebased onto.
  let ours = base
  const fail = async (reason: PushFailure, message: string): Promise<PushResult> => {
    const sha = await git.resolveCommit('HEAD')
    const localBranch = await keepOnLocalBranch(git, options.branch, sha)
    const patch = await formatPatch(git, ours, sha)
    return { pushed: false, reason, message, sha, localBranch, patch }
  }
  if (base === original) return fail('no-commits', 'there are no commits to push')

  let rebased = false
  for (let attempt = 1; ; attempt++) {
    let outcome: PushAttempt
    try {
      outcome = await pushOnce(git, url, options.branch, network)
    } catch (error) {
      if (!(error instanceof GitError)) throw error
      return fail(classify(error), pushErrorMessage(error))
    }
    if (outcome.kind === 'pushed') {
      return {
        pushed: true,
        sha: await git.resolveCommit('HEAD'),
        created: outcome.created,
        rebased,
        attempts: attempt
      }
    }
    if (outcome.kind === 'remote-rejected') {
      return fail('remote-rejected', `the remote refused the push: ${outcome.detail}`)
    }
    // The remote has commits we do not.
    if (options.expectedRemoteSha === undefined) {
      return fail(
        'branch-exists',
        `the branch ${options.branch} already exists on the remote with other commits`
      )
    }
    if (attempt >= maxAttempts) {
      return fail(
        'moved',
        `the branch ${options.branch} kept moving on the remote; gave up after ${attempt} pushes`
      )
    }
    let remoteHead: string
    try {
      await git.run(
        ['fetch', '--no-tags', '--end-of-options', url, `refs/heads/${options.branch}`],
        network
      )
      remoteHead = await git.resolveCommit('FETCH_HEAD')
    } catch (error) {
      if (!(error instanceof GitError)) throw error
      return fail(classify(error), pushErrorMessage(error))
    }
    const before = await git.resolveCommit('HEAD')
    // Rebases only base..HEAD; merge commits of ours (there are none) would be flattened.
    const rebase = await git.exec(['rebase', '--no-autosquash', '--onto', remoteHead, ours])
    if (rebase.exitCode !== 0) {
      await git.exec(['rebase', '--abort'])
      if ((await git.resolveCommit('HEAD')) !== before) await git.run(['reset', '--hard', before])
      const conflict = /CONFLICT|could not apply/i.test(`${rebase.stdout}\n${rebase.stderr}`)
      return fail(
        conflict ? 'conflict' : 'error',
        conflict
          ? `the branch ${options.branch} moved on the remote and our commits conflict with its new head ${remoteHead.slice(0, 12)}`
          : `rebasing onto the remote's new head failed: ${oneLine(rebase.stderr)}`
      )
    }
    rebased = true
    ours = remoteHead
  }
}

type PushAttempt =
  | { kind: 'pushed'; created: boolean }
  | { kind: 'moved' }
  | { kind: 'remote-rejected'; detail: string }

/** One plain push of HEAD; a refusal is an answer, anything else a `GitError`. */
async function pushOnce(
  git: Git,
  url: string,
  branch: string,
  network: { timeoutMs: number; secrets: string[]; env: Record<string, string> }
): Promise<PushAttempt> {
  const ref = `refs/heads/${branch}`
  const args = ['push', '--porcelain', '--no-verify', '--end-of-options', url, `HEAD:${ref}`]
  const output = await git.exec(args, network)
  // --porcelain: `<flag>\t<from>:<to>\t<summary>` per ref on stdout (transport.c, print_ref_status).
  const line = output.stdout
    .split('\n')
    .map(text => /^(.)\t([^\t]*)\t(.*)$/.exec(text))
    .find(match => match?.[2]?.endsWith(`:${ref}`))
  const flag = line?.[1]
  const summary = line?.[3] ?? ''
  if (output.exitCode === 0 && (flag === ' ' || flag === '*' || flag === '=')) {
    return { kind: 'pushed', created: flag === '*' }
  }
  if (flag === '!' && /^\[rejected\] \((fetch first|non-fast-forward)\)/.test(summary)) {
    return { kind: 'moved' }
  }
  if (flag === '!') {
    const detail = [summary, oneLine(output.stderr)].filter(text => text !== '').join(': ')
    return { kind: 'remote-rejected', detail: redact(detail, network.secrets) }
  }
  // Not a refusal of the ref: authentication, network, a server error.
  const detail = redact(oneLine(output.stderr) || oneLine(output.stdout), network.secrets)
  throw new GitError(
    `git ${redact(args.join(' '), network.secrets)} failed (exit ${output.exitCode}): ${detail}`,
    args,
    output.exitCode,
    redact(output.stderr, network.secrets),
    redact(output.stdout, network.secrets)
  )
}

/** Whether a failed push or fetch was the server refusing the credential. */
function classify(error: GitError): PushFailure {
  const text = `${error.stderr}\n${error.message}`
  if (
    /Authentication failed|could not read (Username|Password)|\b(401|403)\b|Permission to .* denied/i.test(
      text
    )
  ) {
    return 'auth'
  }
  return 'error'
}

function pushErrorMessage(error: GitError): string {
  if (classify(error) === 'auth') {
    return `the remote refused the credential (HTTP 401/403): check that the token may push to this repository (${error.message})`
  }
  return error.message
}

/** The URL a push to `remote` goes to: the URL itself, or the remote's push URL. */
async function pushUrl(git: Git, remote: string): Promise<string> {
  if (/[:/]/.test(remote)) return remote
  return (await git.run(['remote', 'get-url', '--push', '--end-of-options', remote])).trim()
}

/**
 * Makes sure a local branch points at `sha` and returns its name: the current branch when HEAD is
 * on one (it already does), else `branch`, or `<branch>-unpushed-<sha>` when `branch` exists
 * locally with other commits (it is never moved).
 */
async function keepOnLocalBranch(git: Git, branch: string, sha: string): Promise<string> {
  const current = await git.currentBranch()
  if (current !== undefined) return current
  for (const name of [branch, `${branch}-unpushed-${sha.slice(0, 12)}`]) {
    const existing = await git.exec(['rev-parse', '--quiet', '--verify', `refs/heads/${name}`])
    if (existing.exitCode !== 0) {
      await git.run(['branch', '--end-of-options', name, sha])
      return name
    }
    if (existing.stdout.trim() === sha) return name
  }
  throw new Error(`could not find a free local branch name to keep ${sha} on`)
}

/** `base..head` as mailbox text (`git format-patch --stdout --binary`) that `git am` applies. */
export async function formatPatch(git: Git, base: string, head = 'HEAD'): Promise<string> {
  return git.run([
    'format-patch',
    '--stdout',
    '--binary',
    '--no-signature',
    '--no-ext-diff',
    '--no-textconv',
    '--end-of-options',
    `${base}..${head}`
  ])
}
