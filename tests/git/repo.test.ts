/**
 * The Git class against real git in temp folders: state queries, the working-tree patch (checked
 * by applying it to a second clone), identity, errors, timeouts, and the hardening that keeps
 * code named by the repository's config (hooks, fsmonitor) from running during delivery.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLAW_IDENTITY, Git, GitError } from '../../src/git/repo.js'
import { checkoutHeader, startGitHttpServer } from '../fixtures/git-http-server.mjs'

let root: string
let repo: string

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: root,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Human',
      GIT_AUTHOR_EMAIL: 'human@example.com',
      GIT_COMMITTER_NAME: 'Human',
      GIT_COMMITTER_EMAIL: 'human@example.com'
    }
  })
}

function gitFor(cwd: string, extra: NodeJS.ProcessEnv = {}): Git {
  return new Git({ cwd, env: { PATH: process.env['PATH'], HOME: root, ...extra } })
}

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'claw-repo-')))
  repo = join(root, 'work')
  mkdirSync(repo)
  git(repo, 'init', '-q', '-b', 'main')
  writeFileSync(join(repo, '.gitignore'), 'build/\n*.log\n')
  writeFileSync(join(repo, 'a.txt'), 'one\ntwo\n')
  writeFileSync(join(repo, 'gone.txt'), 'to be deleted\n')
  writeFileSync(join(repo, 'blob.bin'), Buffer.from([0, 1, 2, 3, 255, 0, 7]))
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'initial')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('Git state', () => {
  it('reports the branch, the head, and a detached HEAD', async () => {
    const g = gitFor(repo)
    expect(await g.currentBranch()).toBe('main')
    const head = git(repo, 'rev-parse', 'HEAD').trim()
    expect(await g.headSha()).toBe(head)
    git(repo, 'checkout', '-q', '--detach')
    expect(await g.currentBranch()).toBeUndefined()
    expect(await g.headSha()).toBe(head)
  })

  it('has no head before the first commit', async () => {
    const fresh = join(root, 'fresh')
    mkdirSync(fresh)
    git(fresh, 'init', '-q', '-b', 'main')
    expect(await gitFor(fresh).headSha()).toBeUndefined()
    expect(await gitFor(fresh).currentBranch()).toBe('main')
  })

  it('sees modified, deleted and untracked files, but not ignored ones', async () => {
    const g = gitFor(repo)
    expect(await g.hasChanges()).toBe(false)
    mkdirSync(join(repo, 'build'))
    writeFileSync(join(repo, 'build', 'out.js'), 'x')
    writeFileSync(join(repo, 'debug.log'), 'x')
    expect(await g.hasChanges()).toBe(false)
    mkdirSync(join(repo, 'new', 'deep'), { recursive: true })
    writeFileSync(join(repo, 'new', 'deep', 'file.ts'), 'export {}\n')
    expect(await g.hasChanges()).toBe(true)
    rmSync(join(repo, 'new'), { recursive: true })
    unlinkSync(join(repo, 'gone.txt'))
    expect(await g.hasChanges()).toBe(true)
    git(repo, 'checkout', '--', 'gone.txt')
    writeFileSync(join(repo, 'a.txt'), 'one\nTWO\n')
    expect(await g.hasChanges()).toBe(true)
  })
})

describe('workingTreePatch', () => {
  it('is a patch of every change, untracked and binary files included, that applies to a clone', async () => {
    const g = gitFor(repo)
    writeFileSync(join(repo, 'a.txt'), 'one\nTWO\nthree\n')
    unlinkSync(join(repo, 'gone.txt'))
    writeFileSync(join(repo, 'blob.bin'), Buffer.from([9, 0, 8, 0, 7]))
    mkdirSync(join(repo, 'src'))
    writeFileSync(join(repo, 'src', 'new.ts'), 'export const x = 1\n')
    writeFileSync(join(repo, 'src', 'icon.png'), Buffer.from([137, 80, 78, 71, 0, 0, 1]))
    writeFileSync(join(repo, 'ignored.log'), 'not in the patch\n')
    git(repo, 'add', 'a.txt') // partly staged: the patch still shows the working tree
    const indexBefore = readFileSync(join(repo, '.git', 'index'))

    const patch = await g.workingTreePatch()
    expect(patch).toContain('GIT binary patch')
    expect(patch).toContain('src/new.ts')
    expect(patch).not.toContain('ignored.log')
    // The repository's own index is untouched, and no temporary index is left behind.
    expect(readFileSync(join(repo, '.git', 'index'))).toEqual(indexBefore)
    expect(git(repo, 'status', '--porcelain')).toContain('?? src/')
    expect(execFileSync('ls', [join(repo, '.git')], { encoding: 'utf8' })).not.toContain('claw')

    const clone = join(root, 'clone')
    git(root, 'clone', '-q', repo, clone)
    writeFileSync(join(root, 'p.diff'), patch)
    git(clone, 'apply', '--index', join(root, 'p.diff'))
    for (const file of ['a.txt', 'blob.bin', 'src/new.ts', 'src/icon.png']) {
      expect(readFileSync(join(clone, file))).toEqual(readFileSync(join(repo, file)))
    }
    expect(existsSync(join(clone, 'gone.txt'))).toBe(false)
  })

  it('is empty without changes, and works before the first commit', async () => {
    expect(await gitFor(repo).workingTreePatch()).toBe('')
    const fresh = join(root, 'fresh')
    mkdirSync(fresh)
    git(fresh, 'init', '-q', '-b', 'main')
    writeFileSync(join(fresh, 'first.txt'), 'hello\n')
    expect(await gitFor(fresh).workingTreePatch()).toContain('+hello')
  })
})

describe('Git commands', () => {
  it('commits as the configured author and committer, whatever GIT_* the parent has', async () => {
    const elsewhere = join(root, 'elsewhere')
    mkdirSync(elsewhere)
    git(elsewhere, 'init', '-q')
    const g = new Git({
      cwd: repo,
      env: {
        PATH: process.env['PATH'],
        HOME: root,
        // A workflow's variables must not redirect delivery to another repository or identity.
        GIT_DIR: join(elsewhere, '.git'),
        GIT_AUTHOR_NAME: 'Mallory'
      },
      committer: { name: 'Committer', email: 'committer@example.com' }
    })
    writeFileSync(join(repo, 'a.txt'), 'changed\n')
    await g.run(['commit', '-q', '-am', 'change'])
    expect(git(repo, 'log', '-1', '--format=%an <%ae>|%cn <%ce>')).toBe(
      `${CLAW_IDENTITY.name} <${CLAW_IDENTITY.email}>|Committer <committer@example.com>\n`
    )
  })

  it('runs no hook and no fsmonitor named by the repository', async () => {
    const marker = join(root, 'hook-ran')
    const script = `#!/bin/sh\necho ran >> '${marker}'\n`
    for (const hook of ['pre-commit', 'commit-msg', 'post-commit']) {
      writeFileSync(join(repo, '.git', 'hooks', hook), script, { mode: 0o755 })
    }
    writeFileSync(join(root, 'fsmonitor.sh'), script, { mode: 0o755 })
    git(repo, 'config', 'core.fsmonitor', join(root, 'fsmonitor.sh'))
    // The hook works when git runs it normally: this test can fail.
    writeFileSync(join(repo, 'a.txt'), 'by a human\n')
    git(repo, 'commit', '-q', '-am', 'human')
    expect(existsSync(marker)).toBe(true)
    rmSync(marker)

    const g = gitFor(repo)
    writeFileSync(join(repo, 'a.txt'), 'by claw\n')
    expect(await g.hasChanges()).toBe(true)
    await g.run(['commit', '-q', '-am', 'claw'])
    expect(existsSync(marker)).toBe(false)
  })

  it('throws a GitError naming the command and stderr on one line', async () => {
    const error = await gitFor(repo)
      .run(['checkout', 'no-such-branch'])
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GitError)
    const gitError = error as GitError
    expect(gitError.message).toMatch(
      /^git checkout no-such-branch failed \(exit 1\): error: pathspec/
    )
    expect(gitError.message).not.toContain('\n')
    expect(gitError.exitCode).toBe(1)
    expect(gitError.args).toEqual(['checkout', 'no-such-branch'])
  })

  it('keeps user and password in a URL out of the message', async () => {
    const error = (await gitFor(repo)
      .run(['ls-remote', 'http://user:s3cretpass@127.0.0.1:9/x.git'], { timeoutMs: 20_000 })
      .catch((caught: unknown) => caught)) as GitError
    expect(error).toBeInstanceOf(GitError)
    expect(error.message).not.toContain('s3cretpass')
    expect(error.message).toContain('http://***@127.0.0.1:9/x.git')
  })

  it('kills git and its children when the timeout passes', async () => {
    // A command git runs through a shell, sleeping far longer than the timeout.
    const started = Date.now()
    const error = await gitFor(repo)
      .run(['-c', 'alias.nap=!sleep 30', 'nap'], { timeoutMs: 300 })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GitError)
    expect((error as GitError).message).toContain('timed out after 300 ms')
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('passes input on stdin', async () => {
    const blob = (await gitFor(repo).run(['hash-object', '--stdin'], { input: 'hello\n' })).trim()
    expect(blob).toBe('ce013625030ba8dba906f756967f9e9ca394464a')
  })
})

describe('defaultBranch', () => {
  it('reads origin/HEAD that git clone sets', async () => {
    git(repo, 'branch', '-q', '-m', 'trunk')
    const clone = join(root, 'clone')
    git(root, 'clone', '-q', repo, clone)
    expect(await gitFor(clone).defaultBranch()).toBe('trunk')
  })

  it('asks the remote, with the credential, when the clone has no origin/HEAD (actions/checkout)', async () => {
    const serverRoot = join(root, 'server')
    mkdirSync(serverRoot)
    git(root, 'clone', '-q', '--bare', repo, join(serverRoot, 'remote.git'))
    git(join(serverRoot, 'remote.git'), 'symbolic-ref', 'HEAD', 'refs/heads/main')
    const server = await startGitHttpServer({ root: serverRoot, token: 'ghs_default0000' })
    try {
      const work = join(root, 'checkout')
      mkdirSync(work)
      git(work, 'init', '-q')
      git(work, 'remote', 'add', 'origin', `${server.url}/remote.git`)
      const g = gitFor(work)
      const env = {
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: `http.${server.url}/.extraheader`,
        GIT_CONFIG_VALUE_0: checkoutHeader('ghs_default0000')
      }
      expect(await g.defaultBranch('origin', { env })).toBe('main')
      await expect(g.defaultBranch('origin')).rejects.toThrow(/could not read Username|401/)
    } finally {
      await server.close()
    }
  })
})
