/**
 * `/claw fix ...` on an issue, end to end through the bundle: the runner runs `dist/index.js` on
 * an `issue_comment` payload, the fake GitHub answers the permission check, the issue, the
 * progress comment and the pull request, the scripted model fixes examples/demo/repo, and the fix
 * is pushed over HTTP (git http-backend) with the credential actions/checkout persisted.
 *
 * The payload is `issueComment` from tests/fixtures/payloads.ts: GitHub's published
 * `issue_comment.created` example on `octo-org/octo-repo`, with `comment.body`, `issue.number`
 * and `issue.title` altered. The workspace, the remote and the fakes come from
 * tests/fixtures/event-harness.ts.
 *
 * It runs the committed `dist/` (set CLAW_DIST_DIR to run a bundle built elsewhere).
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { DIST_DIR } from '../fixtures/runner.js'
import type { Role } from '../fixtures/fake-github.mjs'
import {
  endToEndAvailable,
  startEventHarness,
  type EventHarness
} from '../fixtures/event-harness.js'
import { issueComment } from '../fixtures/payloads.js'
import { demoSteps } from '../../scripts/scripted-tasks.mjs'
import { BOT_MARKER } from '../../src/github/events.js'

const ISSUE_TITLE = 'Durations in milliseconds do not parse'

const describeE2e = endToEndAvailable ? describe : describe.skip

describeE2e(`/claw fix on an issue through the bundle (${DIST_DIR}/index.js)`, () => {
  let harness: EventHarness | undefined

  afterEach(async () => {
    await harness?.close()
    harness = undefined
  })

  /** A harness where Codertocat (the example's commenter) has `role`, and the issue to fix. */
  async function start(role: Role): Promise<{ harness: EventHarness; number: number }> {
    harness = await startEventHarness({
      roles: { Codertocat: role },
      steps: demoSteps(),
      artifacts: true
    })
    const { number } = harness.github.state.addIssue({
      title: ISSUE_TITLE,
      body: '`parseDuration("250ms")` throws `cannot parse "s"`.'
    })
    return { harness, number }
  }

  function runOnComment(on: EventHarness, issueNumber: number) {
    return on.run({
      eventName: 'issue_comment',
      payload: issueComment({
        body: '/claw fix the ms parsing',
        issueNumber,
        issueTitle: ISSUE_TITLE
      })
    })
  }

  it('fixes the issue, pushes a branch with a co-author and opens a pull request', async () => {
    const { harness: h, number } = await start('write')
    const result = await runOnComment(h, number)

    expect(result.stdout.split('\n').filter(line => line.startsWith('::error::'))).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ conclusion: 'success', task: 'fix' })

    // The model read the trigger's text as the instructions and the issue fenced as data.
    const firstRequest = JSON.stringify(h.model.requests[0]?.body)
    expect(firstRequest).toContain('the ms parsing')
    expect(firstRequest).toContain('untrusted-data')
    expect(firstRequest).toContain(ISSUE_TITLE)

    // The branch on the remote, with the fix and the commenter as co-author.
    const branch = result.outputs['branch'] ?? ''
    expect(branch).toMatch(new RegExp(`^claw/issue-${number}-`))
    expect(h.remoteBranches()).toContain(branch)
    expect(h.remoteLog(branch)[0]?.message).toMatch(
      /^Co-authored-by: Codertocat <21031067\+Codertocat@users\.noreply\.github\.com>$/m
    )
    expect(h.remoteGit('diff', '--stat', 'main', branch)).toContain('src/parse.js')

    // The pull request.
    const pull = h.github.state.pulls.at(-1)
    expect(pull?.head.ref).toBe(branch)
    expect(pull?.base.ref).toBe('main')
    expect(pull?.body).toContain(`Fixes #${number}`)
    // What the agent ran before the pull request, and how it ended: the tests failed, then passed.
    expect(pull?.body).toContain('**Commands the agent ran**')
    expect(pull?.body).toContain(
      '- `npm test`: exit 1 (failed)\n- `npm test`: exit 0\n- `git diff`: exit 0'
    )
    expect(pull?.body).toMatch(/\/actions\/runs\/\d+\)/)
    expect(result.outputs['pull-request']).toMatch(new RegExp(`/pull/${pull?.number}$`))

    // The session, uploaded by the post step for the issue and for the pull request.
    expect(h.results?.artifacts.map(artifact => artifact.name).sort()).toEqual([
      `claw-session-issue-${number}`,
      `claw-session-pr-${pull?.number}`
    ])

    // The progress comment: claw's marker, and the pull request at the end.
    const comments = h.github.state.comments.filter(comment => comment.issue_number === number)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain(BOT_MARKER)
    expect(comments[0]?.body).toContain(`Pull request: [#${pull?.number}]`)

    // The checkout credential is back in the workspace's config after the run.
    expect(h.git(result.workspace, 'config', '--local', '--get-regexp', 'extraheader')).toContain(
      'AUTHORIZATION: basic'
    )
  }, 120_000)

  it('skips a commenter with read permission: no model request, no branch', async () => {
    const { harness: h, number } = await start('read')
    const result = await runOnComment(h, number)

    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ conclusion: 'skipped', task: 'fix' })
    expect(result.stdout).toMatch(/^claw: skipped\. Only users with write, maintain or admin/m)
    expect(h.model.requests).toHaveLength(0)
    expect(h.remoteBranches()).toEqual(['main'])
    expect(h.github.state.pulls).toHaveLength(0)
    // One short reply says why, marked so that it never triggers claw itself.
    expect(h.github.state.comments).toHaveLength(1)
    expect(h.github.state.comments[0]?.body).toContain('<!-- claw:refusal -->')
    expect(h.github.state.comments[0]?.body).toContain('Only users with write, maintain or admin')
    // The reads the run would need went out beside the permission check; the one write is the
    // refusal (no progress comment, nothing else).
    const writes = h.github.requests.filter(request => request.method !== 'GET')
    expect(writes.map(request => request.operation)).toEqual(['issues.createComment'])
  }, 120_000)
})
