/**
 * Sessions that survive the runner, end to end through the bundle: each run is a separate process
 * of `dist/index.js` followed by `dist/post.js` (which uploads the session as an artifact through
 * the real `@actions/artifact` client to the fake results service), on a fresh checkout.
 *
 * 1. `/claw fix` on an issue: the agent edits the parser, then asks to run `node --test`, which the
 *    policy answers `ask`: the run ends `needs-approval` and the comment lists the pending call.
 * 2. `/claw approve` on the issue: the session is downloaded, the working tree put back, the
 *    approved call run, and the fix delivered as a pull request.
 * 3. `/claw ...` on that pull request: the same conversation goes on (no context gathered again),
 *    and the change is pushed to the pull request's branch.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Step } from '../fixtures/fake-anthropic.mjs'
import {
  endToEndAvailable,
  startEventHarness,
  type EventHarness
} from '../fixtures/event-harness.js'
import { runtimeToken, startFakeResults, type FakeResults } from '../fixtures/fake-results.mjs'
import { issueComment } from '../fixtures/payloads.js'
import { REPOSITORY_ROOT } from '../fixtures/runner.js'
import { demoSteps } from '../../scripts/scripted-tasks.mjs'

const describeE2e = endToEndAvailable ? describe : describe.skip

const ISSUE_TITLE = 'Durations in milliseconds do not parse'

let nextId = 0
const use = (name: string, input: Record<string, unknown>) => ({
  type: 'tool_use' as const,
  id: `toolu_resume_${++nextId}`,
  name,
  input
})
const text = (value: string) => ({ type: 'text' as const, text: value })
const reply = (...content: ReturnType<typeof use | typeof text>[]): Step => ({
  reply: {
    content,
    stop_reason: content.some(block => block.type === 'tool_use') ? 'tool_use' : 'end_turn'
  }
})

/** The model's side of all three runs, in order: one fake serves them all. */
function steps(): Step[] {
  const demo = demoSteps()
  return [
    // Run 1: read, fix, then a test command the policy answers with `ask`.
    demo[1] as Step,
    demo[2] as Step,
    reply(use('Bash', { command: 'node --test test/', description: 'Run the tests' })),
    // Run 2, after the approval: the test result is back; done.
    reply(text('Fixed the unit order in `PART`; `node --test test/` passes.')),
    // Run 3, the follow-up on the pull request.
    reply(use('Read', { file_path: 'README.md' })),
    reply(
      use('Edit', {
        file_path: 'README.md',
        old_string: 'Units: `d`, `h`, `m`, `s`, `ms`.',
        new_string: 'Units: `d`, `h`, `m`, `s`, `ms` (milliseconds, tried before `m`).'
      })
    ),
    reply(text('The README now says that `ms` is tried before `m`.'))
  ]
}

describeE2e('a session across three runs, through the bundle', () => {
  let h: EventHarness
  let results: FakeResults
  let sample: string

  afterEach(async () => {
    await Promise.all([h.close(), results.close()])
    rmSync(sample, { recursive: true, force: true })
  })

  it('pauses for approval, resumes from the artifact, delivers, and continues on the pull request', async () => {
    // The demo library with a policy that asks before `node --test`.
    sample = mkdtempSync(join(tmpdir(), 'claw-resume-sample-'))
    cpSync(join(REPOSITORY_ROOT, 'examples/demo/repo'), sample, { recursive: true })
    const policyFile = join(sample, '.github/claw.yml')
    writeFileSync(
      policyFile,
      readFileSync(policyFile, 'utf8').replace(
        "    deny: ['git push *']",
        "    ask: ['node --test *']\n    deny: ['git push *']"
      )
    )
    h = await startEventHarness({
      roles: { Codertocat: 'write' },
      steps: steps(),
      sample,
      github: { realClock: true }
    })
    results = await startFakeResults({ github: h.github })
    const issue = h.github.state.addIssue({
      title: ISSUE_TITLE,
      body: '`parseDuration("250ms")` throws `cannot parse "s"`.'
    }).number

    /** One workflow run: main, then post (which uploads the session), as a runner does. */
    async function workflowRun(runId: number, body: string, onPullRequest?: number) {
      const env = {
        GITHUB_RUN_ID: String(runId),
        ACTIONS_RUNTIME_TOKEN: runtimeToken(runId, 1),
        ACTIONS_RESULTS_URL: `${results.url}/`
      }
      const payload = issueComment({
        body,
        issueNumber: onPullRequest ?? issue,
        issueTitle: ISSUE_TITLE,
        onPullRequest: onPullRequest !== undefined,
        commentId: 9000 + runId
      })
      const main = await h.run({ eventName: 'issue_comment', payload, env })
      const post = await h.run({
        eventName: 'issue_comment',
        payload,
        env,
        entry: 'post.js',
        state: main.state
      })
      return { main, post }
    }

    // Run 1: paused.
    const first = await workflowRun(101, '/claw fix the ms parsing')
    expect(first.main.stdout.split('\n').filter(l => l.startsWith('::error::'))).toEqual([])
    expect(first.main.outputs).toMatchObject({ conclusion: 'needs-approval', task: 'fix' })
    expect(h.remoteBranches()).toEqual(['main'])
    const progress = h.github.state.comments.find(c => c.issue_number === issue)
    expect(progress?.body).toContain('Waiting for approval')
    expect(progress?.body).toContain('node --test test/')
    expect(progress?.body).toContain('/claw approve')
    expect(first.post.stdout).toContain('claw-session-issue-')
    expect(results.artifacts.map(a => a.name)).toContain(`claw-session-issue-${issue}`)
    const afterFirst = h.model.requests.length

    // Run 2: approved, resumed from the artifact on a fresh checkout, delivered.
    const second = await workflowRun(102, '/claw approve')
    expect(second.main.stdout.split('\n').filter(l => l.startsWith('::error::'))).toEqual([])
    expect(second.main.outputs).toMatchObject({ conclusion: 'success', task: 'fix' })
    const resumed = JSON.stringify(h.model.requests[afterFirst]?.body)
    // The earlier conversation, and the approved call's real result instead of "Not run".
    expect(resumed).toContain('the ms parsing')
    expect(resumed).toContain('pass 8')
    expect(resumed).not.toContain('needs a maintainer')
    const branch = second.main.outputs['branch'] ?? ''
    expect(branch).toMatch(new RegExp(`^claw/issue-${issue}-`))
    // The edit from run 1 was put back and is in the delivered commit.
    expect(h.remoteGit('diff', 'main', branch, '--', 'src/parse.js')).toContain('(ms|d|h|m|s)')
    const pull = h.github.state.pulls.at(-1)
    expect(pull?.body).toContain(`Fixes #${issue}`)
    expect(results.artifacts.map(a => a.name)).toContain(`claw-session-pr-${pull?.number}`)
    const afterSecond = h.model.requests.length

    // Run 3: a follow-up on the pull request continues the same conversation.
    const third = await workflowRun(
      103,
      '/claw also say in the README that ms is tried first',
      pull?.number
    )
    expect(third.main.stdout.split('\n').filter(l => l.startsWith('::error::'))).toEqual([])
    expect(third.main.outputs).toMatchObject({ conclusion: 'success', task: 'fix', branch })
    const continued = JSON.stringify(h.model.requests[afterSecond]?.body)
    expect(continued).toContain('the ms parsing')
    expect(continued).toContain('pass 8')
    expect(continued).toContain('also say in the README that ms is tried first')
    expect(h.remoteGit('show', `${branch}:README.md`)).toContain('tried before `m`')
    expect(h.github.state.pulls).toHaveLength(1)
  }, 300_000)
})
