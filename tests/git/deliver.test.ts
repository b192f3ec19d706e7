/**
 * Commit and push against a real remote: a bare repository served over smart HTTP by
 * `git http-backend` behind a loopback server that wants the credential GitHub wants
 * (tests/fixtures/git-http-server.mjs). The workspace is made the way actions/checkout makes it:
 * `git init`, a remote, the `http.<server>/.extraheader` in `.git/config`, a shallow fetch
 * (depth 1) and a checkout. A second clone plays the human who pushes in between. Every git
 * command claw runs goes through a PATH shim that logs its arguments, so the tests can show that
 * the token never reaches a command line and that nothing is ever force-pushed.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  basicAuthHeader,
  coAuthorFor,
  commitChanges,
  commitMessage,
  credentialEnvironment,
  noreplyEmail,
  pushBranch,
  type PushResult
} from '../../src/git/deliver.js'
import { CLAW_IDENTITY, Git } from '../../src/git/repo.js'
import {
  checkoutHeader,
  httpBackendPath,
  startGitHttpServer,
  type GitHttpServer,
  type ServedRequest
} from '../fixtures/git-http-server.mjs'

const execFileAsync = promisify(execFile)

const TOKEN = 'ghs_deliverytoken0123456789abcdefABCDEF'
const OTHER_TOKEN = 'ghs_wrongtoken9876543210zyxwvuZYXWVU'
const OCTOCAT = coAuthorFor({ id: 583231, login: 'octocat' })

let root: string
let bare: string
let server: GitHttpServer
let remoteUrl: string
let argvLog: string
let shimPath: string
let onRequest: ((request: ServedRequest) => void) | undefined

/** git as the test (and the human) runs it: the real binary, no shim, no user config. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: humanEnv()
  })
}

/**
 * The same for commands that talk to the server: asynchronous, because the server runs in this
 * process and a synchronous spawn would block the event loop it answers on.
 */
async function gitNet(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd, encoding: 'utf8', env: humanEnv() })
  return stdout
}

function humanEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: root,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Human',
    GIT_AUTHOR_EMAIL: 'human@example.com',
    GIT_COMMITTER_NAME: 'Human',
    GIT_COMMITTER_EMAIL: 'human@example.com'
  }
}

/** A workspace made the way actions/checkout makes one (with persist-credentials). */
async function checkout(
  name: string,
  branch = 'main',
  options: { persist?: boolean } = {}
): Promise<string> {
  const dir = join(root, name)
  mkdirSync(dir)
  git(dir, 'init', '-q')
  git(dir, 'remote', 'add', 'origin', remoteUrl)
  if (options.persist ?? true) {
    git(dir, 'config', '--local', `http.${server.url}/.extraheader`, checkoutHeader(TOKEN))
  }
  const header = ['-c', `http.${server.url}/.extraheader=${checkoutHeader(TOKEN)}`]
  await gitNet(
    dir,
    ...header,
    'fetch',
    '-q',
    '--no-tags',
    '--depth=1',
    'origin',
    `+refs/heads/${branch}:refs/remotes/origin/${branch}`
  )
  git(dir, 'checkout', '-q', '-B', branch, `refs/remotes/origin/${branch}`)
  return dir
}

/** A human's commit on `branch`, pushed from a clone of their own. */
async function humanPushes(
  branch: string,
  file: string,
  content: string,
  message: string
): Promise<string> {
  const dir = await checkout(`human-${Date.now()}-${Math.random().toString(36).slice(2)}`, branch)
  writeFileSync(join(dir, file), content)
  git(dir, 'commit', '-q', '-am', message)
  await gitNet(dir, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`)
  return git(dir, 'rev-parse', 'HEAD').trim()
}

function remoteSha(branch: string): string | undefined {
  try {
    return git(bare, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`).trim()
  } catch {
    return undefined
  }
}

/** Subjects on the remote branch, newest first. */
function remoteSubjects(branch: string): string[] {
  return git(bare, 'log', '--format=%s', `refs/heads/${branch}`).trim().split('\n')
}

/** The Git claw uses: through the argv-logging shim, with the runner's HOME. */
function clawGit(cwd: string): Git {
  return new Git({ cwd, env: { PATH: shimPath, HOME: root } })
}

function credentials(token = TOKEN): { header: string } {
  return { header: basicAuthHeader(token) }
}

/** Every command line claw ran: no token in any form, and no force of any kind. */
function expectCleanCommandLines(): string {
  const lines = readFileSync(argvLog, 'utf8')
  expect(lines).toContain('push --porcelain')
  for (const token of [TOKEN, OTHER_TOKEN]) {
    const base64 = Buffer.from(`x-access-token:${token}`).toString('base64')
    for (const form of [token, base64, `x-access-token:${token}`]) expect(lines).not.toContain(form)
  }
  expect(lines).not.toMatch(/--force|\s-f\s|\+HEAD|\+refs/)
  return lines
}

function expectPushed(result: PushResult): asserts result is Extract<PushResult, { pushed: true }> {
  if (!result.pushed) throw new Error(`not pushed: ${result.reason}: ${result.message}`)
}

function expectNotPushed(
  result: PushResult
): asserts result is Extract<PushResult, { pushed: false }> {
  if (result.pushed) throw new Error(`pushed ${result.sha}, expected a refusal`)
}

beforeEach(async () => {
  if (httpBackendPath() === undefined) throw new Error('git http-backend is needed for these tests')
  root = realpathSync(mkdtempSync(join(tmpdir(), 'claw-deliver-')))
  const seed = join(root, 'seed')
  mkdirSync(seed)
  git(seed, 'init', '-q', '-b', 'main')
  mkdirSync(join(seed, 'src'))
  writeFileSync(join(seed, 'src', 'value.txt'), 'alpha\nbeta\ngamma\n')
  writeFileSync(join(seed, 'README.md'), '# project\n')
  writeFileSync(join(seed, '.gitignore'), '*.log\n')
  git(seed, 'add', '-A')
  git(seed, 'commit', '-q', '-m', 'initial')
  git(seed, 'branch', 'feature')
  bare = join(root, 'server', 'remote.git')
  mkdirSync(join(root, 'server'))
  git(root, 'clone', '-q', '--bare', seed, bare)
  server = await startGitHttpServer({
    root: join(root, 'server'),
    token: TOKEN,
    onRequest: request => onRequest?.(request)
  })
  remoteUrl = `${server.url}/remote.git`

  const bin = join(root, 'bin')
  mkdirSync(bin)
  argvLog = join(root, 'argv.log')
  writeFileSync(argvLog, '')
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh\nprintf '%s\\n' "$*" >> '${argvLog}'\nexec '${realGit}' "$@"\n`,
    { mode: 0o755 }
  )
  shimPath = `${bin}:${process.env['PATH'] ?? '/usr/bin:/bin'}`
})

afterEach(async () => {
  onRequest = undefined
  await server.close()
  rmSync(root, { recursive: true, force: true })
})

describe('commitChanges', () => {
  it('commits every change as claw with the co-author trailer, and a new branch is pushed', async () => {
    const work = await checkout('workspace', 'main', { persist: false })
    const claw = clawGit(work)
    const base = await claw.headSha()
    writeFileSync(join(work, 'src', 'value.txt'), 'alpha\nBETA\ngamma\n')
    writeFileSync(join(work, 'src', 'new-file.ts'), 'export const fixed = true\n')
    writeFileSync(join(work, 'debug.log'), 'ignored, never committed\n')
    const configBefore = readFileSync(join(work, '.git', 'config'), 'utf8')

    const commit = await commitChanges(claw, {
      message: 'Fix parsing of ms\n\n#42 was caused by the unit being upper case.',
      coAuthor: OCTOCAT
    })
    expect(commit.nothing).toBeUndefined()
    expect(commit.sha).toMatch(/^[0-9a-f]{40}$/)

    const result = await pushBranch(claw, {
      remote: 'origin',
      branch: 'claw/issue-42-fix-parsing-of-ms',
      base: base ?? '',
      credentials: credentials()
    })
    expectPushed(result)
    expect(result).toEqual({
      pushed: true,
      sha: commit.sha,
      created: true,
      rebased: false,
      attempts: 1
    })

    // What a user sees on the remote: the branch, the commit, its author and trailer, the files.
    expect(remoteSha('claw/issue-42-fix-parsing-of-ms')).toBe(commit.sha)
    const message = git(bare, 'log', '-1', '--format=%B', commit.sha ?? '')
    expect(message).toBe(
      'Fix parsing of ms\n\n#42 was caused by the unit being upper case.\n\n' +
        'Co-authored-by: octocat <583231+octocat@users.noreply.github.com>\n\n'
    )
    expect(
      git(bare, 'log', '-1', '--format=%(trailers:key=Co-authored-by)', commit.sha ?? '')
    ).toBe('Co-authored-by: octocat <583231+octocat@users.noreply.github.com>\n\n')
    expect(git(bare, 'log', '-1', '--format=%an <%ae>|%cn', commit.sha ?? '')).toBe(
      `${CLAW_IDENTITY.name} <${CLAW_IDENTITY.email}>|${CLAW_IDENTITY.name}\n`
    )
    expect(git(bare, 'ls-tree', '-r', '--name-only', commit.sha ?? '').split('\n')).toEqual(
      expect.arrayContaining(['src/new-file.ts', 'src/value.txt'])
    )
    expect(git(bare, 'ls-tree', '-r', '--name-only', commit.sha ?? '')).not.toContain('debug.log')
    expect(remoteSha('main')).toBe(base)

    // The credential went through the environment only: not in .git/config, not in any argv.
    expect(readFileSync(join(work, '.git', 'config'), 'utf8')).toBe(configBefore)
    expectCleanCommandLines()
    expect(server.requests.some(request => request.path.includes('git-receive-pack'))).toBe(true)
    expect(server.requests.every(request => request.authorized)).toBe(true)
  })

  it('makes no commit and pushes nothing when nothing changed', async () => {
    const work = await checkout('workspace')
    const claw = clawGit(work)
    const head = await claw.headSha()
    writeFileSync(join(work, 'only-ignored.log'), 'x\n')
    expect(await commitChanges(claw, { message: 'Nothing', coAuthor: OCTOCAT })).toEqual({
      nothing: true
    })
    expect(await claw.headSha()).toBe(head)

    const result = await pushBranch(claw, {
      remote: 'origin',
      branch: 'claw/issue-1-nothing',
      base: head ?? '',
      credentials: credentials()
    })
    expectNotPushed(result)
    expect(result.reason).toBe('no-commits')
    expect(result.patch).toBe('')
    expect(remoteSha('claw/issue-1-nothing')).toBeUndefined()
  })

  it('builds the message and the noreply address the way GitHub credits co-authors', () => {
    expect(noreplyEmail(583231, 'octocat')).toBe('583231+octocat@users.noreply.github.com')
    expect(commitMessage('  Subject\r\n\r\nBody  \n')).toBe('Subject\n\nBody\n')
    // A newline in a profile name must not add a trailer of its own.
    expect(
      commitMessage('Fix', { name: 'Eve\nSigned-off-by: Boss <b@x>', email: 'e@x.org>' })
    ).toBe('Fix\n\nCo-authored-by: Eve Signed-off-by: Boss b@x <e@x.org>\n')
    expect(() => commitMessage(' \n ')).toThrow(/subject/)
    expect(() => commitMessage('Fix', { name: 'x', email: 'not-an-address' })).toThrow(/co-author/)
  })
})

describe('pushBranch to an existing branch (a pull request head)', () => {
  async function commitOn(work: string, file: string, content: string, message: string) {
    const claw = clawGit(work)
    const base = (await claw.headSha()) ?? ''
    writeFileSync(join(work, file), content)
    const commit = await commitChanges(claw, { message, coAuthor: OCTOCAT })
    if (commit.nothing) throw new Error('expected a commit')
    return { claw, base, sha: commit.sha }
  }

  it('fast-forwards the branch', async () => {
    const work = await checkout('workspace', 'feature')
    const start = remoteSha('feature')
    const { claw, base, sha } = await commitOn(work, 'README.md', '# fixed\n', 'Fix the readme')
    const result = await pushBranch(claw, {
      remote: 'origin',
      branch: 'feature',
      base,
      expectedRemoteSha: start,
      credentials: credentials()
    })
    expectPushed(result)
    expect(result).toMatchObject({ sha, created: false, rebased: false, attempts: 1 })
    expect(remoteSha('feature')).toBe(sha)
    expect(git(bare, 'rev-parse', `${sha}^`).trim()).toBe(start)
    expectCleanCommandLines()
  })

  it('rebases our commits onto a head that moved and pushes both', async () => {
    const work = await checkout('workspace', 'feature')
    const start = remoteSha('feature')
    const { claw, base, sha } = await commitOn(
      work,
      'src/value.txt',
      'alpha\nbeta (fixed)\ngamma\n',
      'Fix beta'
    )
    const human = await humanPushes('feature', 'README.md', '# project, by a human\n', 'Human edit')

    const result = await pushBranch(claw, {
      remote: 'origin',
      branch: 'feature',
      base,
      expectedRemoteSha: start,
      credentials: credentials()
    })
    expectPushed(result)
    expect(result).toMatchObject({ created: false, rebased: true, attempts: 2 })
    expect(result.sha).not.toBe(sha)
    expect(remoteSha('feature')).toBe(result.sha)
    // Ours on top of the human's commit, which is still there; both changes in the tree.
    expect(git(bare, 'rev-parse', `${result.sha}^`).trim()).toBe(human)
    expect(remoteSubjects('feature')).toEqual(['Fix beta', 'Human edit', 'initial'])
    expect(git(bare, 'show', `${result.sha}:README.md`)).toBe('# project, by a human\n')
    expect(git(bare, 'show', `${result.sha}:src/value.txt`)).toBe('alpha\nbeta (fixed)\ngamma\n')
    expect(git(bare, 'log', '-1', '--format=%(trailers:key=Co-authored-by)', result.sha)).toContain(
      'octocat'
    )
    expectCleanCommandLines()
  })

  it('on a conflicting move pushes nothing, keeps our commit locally and returns it as a patch', async () => {
    const work = await checkout('workspace', 'feature')
    const start = remoteSha('feature') ?? ''
    // A pull request checked out detached, as actions/checkout does for pull_request events.
    git(work, 'checkout', '-q', '--detach')
    git(work, 'branch', '-q', '-D', 'feature')
    const { claw, base, sha } = await commitOn(
      work,
      'src/value.txt',
      'alpha\nbeta by claw\ngamma\n',
      'Fix beta'
    )
    const human = await humanPushes(
      'feature',
      'src/value.txt',
      'alpha\nbeta by a human\ngamma\n',
      'Human'
    )

    const result = await pushBranch(claw, {
      remote: 'origin',
      branch: 'feature',
      base,
      expectedRemoteSha: start,
      credentials: credentials()
    })
    expectNotPushed(result)
    expect(result.reason).toBe('conflict')
    expect(result.message).toMatch(/moved on the remote and our commits conflict/)
    // The remote is untouched: the human's commit is still its head.
    expect(remoteSha('feature')).toBe(human)
    // Our commit is kept, on a local branch, with no rebase left half done.
    expect(result.sha).toBe(sha)
    expect(result.localBranch).toBe('feature')
    expect(git(work, 'rev-parse', 'refs/heads/feature').trim()).toBe(sha)
    expect(git(work, 'rev-parse', 'HEAD').trim()).toBe(sha)
    expect(existsSync(join(work, '.git', 'rebase-merge'))).toBe(false)
    expect(existsSync(join(work, '.git', 'rebase-apply'))).toBe(false)
    expect(git(work, 'status', '--porcelain')).toBe('')

    // The patch is our commit alone, and `git am` recreates it on the base.
    expect(result.patch).toMatch(/^From [0-9a-f]{40} /)
    expect(result.patch).toContain('Subject: [PATCH] Fix beta')
    expect(result.patch).toContain(
      'Co-authored-by: octocat <583231+octocat@users.noreply.github.com>'
    )
    const elsewhere = await checkout('elsewhere', 'main')
    writeFileSync(join(root, 'claw.patch'), result.patch)
    git(elsewhere, 'am', '-q', join(root, 'claw.patch'))
    expect(readFileSync(join(elsewhere, 'src', 'value.txt'), 'utf8')).toBe(
      'alpha\nbeta by claw\ngamma\n'
    )
    const lines = expectCleanCommandLines()
    expect(lines).toContain('rebase --abort')
  })

  it('gives up after maxAttempts when the head keeps moving, keeping the commits', async () => {
    const work = await checkout('workspace', 'feature')
    const start = remoteSha('feature')
    const { claw, base, sha } = await commitOn(work, 'src/value.txt', 'x\n', 'Ours')
    const human = await humanPushes('feature', 'README.md', 'moved\n', 'Human')
    const result = await pushBranch(claw, {
      remote: 'origin',
      branch: 'feature',
      base,
      expectedRemoteSha: start,
      credentials: credentials(),
      maxAttempts: 1
    })
    expectNotPushed(result)
    expect(result).toMatchObject({ reason: 'moved', sha, localBranch: 'feature' })
    expect(result.patch).toContain('Subject: [PATCH] Ours')
    expect(remoteSha('feature')).toBe(human)
  })

  it('after a rebase, a patch holds only our commits, not the ones rebased onto', async () => {
    const work = await checkout('workspace', 'feature')
    const start = remoteSha('feature')
    const { claw, base } = await commitOn(work, 'src/value.txt', 'x\n', 'Ours')
    await humanPushes('feature', 'README.md', 'first move\n', 'Human 1')
    // Right before claw's second push, the head moves again (a human pushes in between).
    let receivePacks = 0
    onRequest = request => {
      if (!request.path.endsWith('info/refs?service=git-receive-pack')) return
      receivePacks += 1
      if (receivePacks !== 2) return
      const head = remoteSha('feature') ?? ''
      const tree = git(bare, 'rev-parse', `${head}^{tree}`).trim()
      const moved = git(bare, 'commit-tree', tree, '-p', head, '-m', 'Human 2').trim()
      git(bare, 'update-ref', 'refs/heads/feature', moved, head)
    }
    const result = await pushBranch(claw, {
      remote: 'origin',
      branch: 'feature',
      base,
      expectedRemoteSha: start,
      credentials: credentials(),
      maxAttempts: 2
    })
    expectNotPushed(result)
    expect(result.reason).toBe('moved')
    expect(receivePacks).toBe(2)
    expect(remoteSubjects('feature')).toEqual(['Human 2', 'Human 1', 'initial'])
    expect(result.patch.match(/^Subject: .*$/gm)).toEqual(['Subject: [PATCH] Ours'])
  })
})

describe('pushBranch refusals', () => {
  it('does not add to a new branch whose name is already taken on the remote', async () => {
    const taken = await humanPushes('feature', 'README.md', 'human work\n', 'Human work')
    git(bare, 'update-ref', 'refs/heads/claw/issue-7-x', taken)
    const work = await checkout('workspace')
    const claw = clawGit(work)
    const base = (await claw.headSha()) ?? ''
    writeFileSync(join(work, 'README.md'), 'claw work\n')
    await commitChanges(claw, { message: 'Claw work' })
    const result = await pushBranch(claw, {
      remote: 'origin',
      branch: 'claw/issue-7-x',
      base,
      credentials: credentials()
    })
    expectNotPushed(result)
    expect(result.reason).toBe('branch-exists')
    expect(result.localBranch).toBe('main')
    expect(result.patch).toContain('Subject: [PATCH] Claw work')
    expect(remoteSha('claw/issue-7-x')).toBe(taken)
    expectCleanCommandLines()
  })

  it('reports a refused credential clearly, without the token, even over a good persisted one', async () => {
    // .git/config holds the good token (persisted by checkout); the one passed in must win.
    const work = await checkout('workspace')
    const claw = clawGit(work)
    const base = (await claw.headSha()) ?? ''
    writeFileSync(join(work, 'README.md'), 'claw work\n')
    await commitChanges(claw, { message: 'Claw work' })
    const served = server.requests.length
    const result = await pushBranch(claw, {
      remote: 'origin',
      branch: 'claw/issue-8-x',
      base,
      credentials: credentials(OTHER_TOKEN)
    })
    expectNotPushed(result)
    expect(result.reason).toBe('auth')
    expect(result.message).toMatch(/^the remote refused the credential/)
    expect(result.patch).toContain('Subject: [PATCH] Claw work')
    for (const token of [TOKEN, OTHER_TOKEN]) {
      expect(JSON.stringify(result)).not.toContain(token)
      expect(JSON.stringify(result)).not.toContain(
        Buffer.from(`x-access-token:${token}`).toString('base64')
      )
    }
    expect(remoteSha('claw/issue-8-x')).toBeUndefined()
    const pushRequests = server.requests.slice(served)
    expect(pushRequests.length).toBeGreaterThan(0)
    expect(pushRequests.every(request => !request.authorized && request.status === 401)).toBe(true)
    expectCleanCommandLines()
  })

  it('sends only the credential passed in, not a stale one persisted in .git/config', async () => {
    const work = await checkout('workspace')
    git(work, 'config', '--local', `http.${server.url}/.extraheader`, checkoutHeader(OTHER_TOKEN))
    const claw = clawGit(work)
    const base = (await claw.headSha()) ?? ''
    writeFileSync(join(work, 'README.md'), 'claw work\n')
    const commit = await commitChanges(claw, { message: 'Claw work' })
    // Scoped to the server as checkout scopes it: the same key as the stale one in .git/config.
    const result = await pushBranch(claw, {
      remote: 'origin',
      branch: 'claw/issue-9-x',
      base,
      credentials: { header: basicAuthHeader(TOKEN), url: `${server.url}/` }
    })
    expectPushed(result)
    expect(remoteSha('claw/issue-9-x')).toBe(commit.sha)
    expect(readFileSync(join(work, '.git', 'config'), 'utf8')).toContain(
      Buffer.from(`x-access-token:${OTHER_TOKEN}`).toString('base64')
    )
    expectCleanCommandLines()
  })

  it('reports a push the server refuses (a hook, a protected branch) without retrying', async () => {
    writeFileSync(
      join(bare, 'hooks', 'pre-receive'),
      '#!/bin/sh\necho "protected branch: pushes need a review" >&2\nexit 1\n',
      { mode: 0o755 }
    )
    const work = await checkout('workspace', 'feature')
    const claw = clawGit(work)
    const base = (await claw.headSha()) ?? ''
    writeFileSync(join(work, 'README.md'), 'claw work\n')
    await commitChanges(claw, { message: 'Claw work' })
    const result = await pushBranch(claw, {
      remote: 'origin',
      branch: 'feature',
      base,
      expectedRemoteSha: base,
      credentials: credentials()
    })
    expectNotPushed(result)
    expect(result.reason).toBe('remote-rejected')
    expect(result.message).toContain('pre-receive hook declined')
    expect(result.message).toContain('protected branch: pushes need a review')
    expect(remoteSha('feature')).toBe(base)
    expect(readFileSync(argvLog, 'utf8').match(/push --porcelain/g)).toHaveLength(1)
  })

  it('refuses a base that is not below HEAD, so only our commits are ever moved', async () => {
    const work = await checkout('workspace')
    const claw = clawGit(work)
    const other = await humanPushes('feature', 'README.md', 'elsewhere\n', 'Elsewhere')
    await gitNet(work, 'fetch', '-q', 'origin', 'feature')
    await expect(
      pushBranch(claw, { remote: 'origin', branch: 'x', base: other, credentials: credentials() })
    ).rejects.toThrow(/not an ancestor of HEAD/)
  })
})

describe('credentialEnvironment', () => {
  it('clears headers from the config files for the URL before adding its own', () => {
    expect(credentialEnvironment('https://github.com/', 'AUTHORIZATION: basic abc')).toEqual({
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_0: '',
      GIT_CONFIG_KEY_1: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_1: 'AUTHORIZATION: basic abc'
    })
    expect(() => credentialEnvironment('https://github.com/', 'a\r\nX-Evil: 1')).toThrow(
      /line break/
    )
  })
})
