/**
 * `/claw fix ...` on an issue, end to end through the bundle: the runner runs `dist/index.js` on
 * an `issue_comment` payload, the fake GitHub answers the permission check, the issue, the
 * progress comment and the pull request, the scripted model fixes examples/demo/repo, and the fix
 * is pushed over HTTP (git http-backend) with the credential actions/checkout persisted.
 *
 * The payload is GitHub's published `issue_comment.created` example (`@octokit/webhooks-examples`)
 * with these alterations: `comment.body` is `/claw fix the ms parsing`; `issue.number` and
 * `issue.title` are the issue seeded in the fake; `repository.name`, `repository.full_name` and
 * `repository.owner.login` name the fake's repository (`octo-org/octo-repo`).
 *
 * It runs the committed `dist/` (set CLAW_DIST_DIR to run a bundle built elsewhere).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIST_DIR, REPOSITORY_ROOT, runAction } from '../fixtures/runner.js'
import { startFakeAnthropic, type FakeAnthropic } from '../fixtures/fake-anthropic.mjs'
import { startFakeGitHub, type FakeGitHub, type Role } from '../fixtures/fake-github.mjs'
import {
  checkoutHeader,
  httpBackendPath,
  startGitHttpServer,
  type GitHttpServer
} from '../fixtures/git-http-server.mjs'
import { demoSteps } from '../../scripts/scripted-tasks.mjs'
import { BOT_MARKER } from '../../src/github/events.js'

type Payload = Record<string, unknown> & { action?: string }

const require = createRequire(import.meta.url)
const DEFINITIONS = require('@octokit/webhooks-examples') as { name: string; examples: Payload[] }[]

const TOKEN = 'ghs_issueFixE2eToken0123456789'
const ISSUE_TITLE = 'Durations in milliseconds do not parse'

const haveDist = existsSync(join(DIST_DIR, 'index.js'))
const describeE2e = haveDist && httpBackendPath() !== undefined ? describe : describe.skip

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      '-c',
      'protocol.file.allow=always',
      ...args
    ],
    { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: cwd } }
  ).trim()
}

/** The published `issue_comment.created` example, altered as the file comment lists. */
function commentPayload(issueNumber: number): Payload {
  const definition = DEFINITIONS.find(candidate => candidate.name === 'issue_comment')
  const found = definition?.examples.find(payload => payload.action === 'created')
  if (found === undefined) throw new Error('no issue_comment.created example')
  const payload = structuredClone(found) as Payload & {
    comment: { body: string }
    issue: { number: number; title: string }
    repository: { name: string; full_name: string; owner: { login: string } }
  }
  payload.comment.body = '/claw fix the ms parsing'
  payload.issue.number = issueNumber
  payload.issue.title = ISSUE_TITLE
  payload.repository.name = 'octo-repo'
  payload.repository.full_name = 'octo-org/octo-repo'
  payload.repository.owner.login = 'octo-org'
  return payload
}

describeE2e(`/claw fix on an issue through the bundle (${DIST_DIR}/index.js)`, () => {
  let root: string
  let remote: string
  let server: GitHttpServer
  let model: FakeAnthropic
  let github: FakeGitHub
  const cleanups: (() => void)[] = []

  async function start(role: Role): Promise<number> {
    github = await startFakeGitHub({
      token: TOKEN,
      state: { permissions: { Codertocat: role } }
    })
    return github.state.addIssue({
      title: ISSUE_TITLE,
      body: '`parseDuration("250ms")` throws `cannot parse "s"`.'
    }).number
  }

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'claw-issue-fix-'))
    const work = join(root, 'work')
    cpSync(join(REPOSITORY_ROOT, 'examples/demo/repo'), work, { recursive: true })
    git(work, 'init', '-q', '-b', 'main')
    git(work, 'add', '-A')
    git(work, 'commit', '-q', '-m', 'sample')
    remote = join(root, 'remote.git')
    git(root, 'clone', '-q', '--bare', work, remote)
    server = await startGitHttpServer({ root, token: TOKEN })
    model = await startFakeAnthropic(demoSteps())
  })

  afterEach(async () => {
    await Promise.all([server.close(), model.close(), github.close()])
    rmSync(root, { recursive: true, force: true })
    cleanups.splice(0).forEach(cleanup => cleanup())
  })

  /** Runs the action on the comment, in a workspace checked out the way actions/checkout does. */
  function runOnComment(issueNumber: number) {
    return runAction('index.js', {
      eventName: 'issue_comment',
      payload: commentPayload(issueNumber),
      inputs: { 'anthropic-api-key': 'sk-ant-issue-fix-key', 'github-token': TOKEN },
      env: {
        ANTHROPIC_BASE_URL: model.url,
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: server.url
      },
      // A file clone (the server lives in this process, which a synchronous clone would block),
      // then the remote and the persisted credential as actions/checkout leaves them.
      prepareWorkspace: workspace => {
        git(workspace, 'clone', '-q', remote, '.')
        git(workspace, 'remote', 'set-url', 'origin', `${server.url}/remote.git`)
        git(
          workspace,
          'config',
          '--local',
          `http.${server.url}/.extraheader`,
          checkoutHeader(TOKEN)
        )
      },
      timeoutMs: 90_000,
      keep: true
    })
  }

  it('fixes the issue, pushes a branch with a co-author and opens a pull request', async () => {
    const number = await start('write')
    const result = await runOnComment(number)
    cleanups.push(result.cleanup)

    expect(result.stdout.split('\n').filter(line => line.startsWith('::error::'))).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ conclusion: 'success', task: 'fix' })

    // The model read the trigger's text as the instructions and the issue fenced as data.
    const firstRequest = JSON.stringify(model.requests[0]?.body)
    expect(firstRequest).toContain('the ms parsing')
    expect(firstRequest).toContain('untrusted-data')
    expect(firstRequest).toContain(ISSUE_TITLE)

    // The branch on the remote, with the fix and the commenter as co-author.
    const branch = result.outputs['branch'] ?? ''
    expect(branch).toMatch(new RegExp(`^claw/issue-${number}-`))
    expect(git(root, '--git-dir', remote, 'for-each-ref', '--format=%(refname:short)')).toContain(
      branch
    )
    const message = git(root, '--git-dir', remote, 'log', '-1', '--format=%B', branch)
    expect(message).toMatch(
      /^Co-authored-by: Codertocat <21031067\+Codertocat@users\.noreply\.github\.com>$/m
    )
    expect(git(root, '--git-dir', remote, 'diff', '--stat', 'main', branch)).toContain(
      'src/parse.js'
    )

    // The pull request.
    const pull = github.state.pulls.at(-1)
    expect(pull?.head.ref).toBe(branch)
    expect(pull?.base.ref).toBe('main')
    expect(pull?.body).toContain(`Fixes #${number}`)
    expect(pull?.body).toContain('/actions/runs/1658821493')
    expect(result.outputs['pull-request']).toMatch(new RegExp(`/pull/${pull?.number}$`))

    // The progress comment: claw's marker, and the pull request at the end.
    const comments = github.state.comments.filter(comment => comment.issue_number === number)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain(BOT_MARKER)
    expect(comments[0]?.body).toContain(`Pull request: [#${pull?.number}]`)

    // The checkout credential is back in the workspace's config after the run.
    expect(git(result.workspace, 'config', '--local', '--get-regexp', 'extraheader')).toContain(
      'AUTHORIZATION: basic'
    )
  }, 120_000)

  it('skips a commenter with read permission: no model request, no branch', async () => {
    const number = await start('read')
    const result = await runOnComment(number)
    result.cleanup()

    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ conclusion: 'skipped', task: 'fix' })
    expect(result.stdout).toMatch(/^claw: skipped\. Only users with write, maintain or admin/m)
    expect(model.requests).toHaveLength(0)
    expect(git(root, '--git-dir', remote, 'for-each-ref', '--format=%(refname:short)')).toBe('main')
    expect(github.state.pulls).toHaveLength(0)
    expect(github.state.comments).toHaveLength(0)
  }, 120_000)
})
