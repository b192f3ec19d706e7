/**
 * The trigger matrix beyond pull requests, end to end through the bundle: `/claw ask`, a fix that
 * changes nothing, the label trigger, the scheduled docs refresh (one rolling pull request), the
 * repair of a failed workflow run, what never starts a run (bots, claw's own comments, unhandled
 * actions and events), refusal replies in a flood, and an API fault during delivery.
 *
 * Each run is `dist/index.js` spawned the way a runner does, on a payload built from GitHub's
 * published examples (tests/fixtures/payloads.ts), against the scripted model, the fake GitHub and
 * a real git remote over HTTP (tests/fixtures/event-harness.ts), on examples/demo/repo.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Script, Step } from '../fixtures/fake-anthropic.mjs'
import type { Role } from '../fixtures/fake-github.mjs'
import {
  endToEndAvailable,
  startEventHarness,
  type EventHarness
} from '../fixtures/event-harness.js'
import { issueComment, issues, pullRequest, schedule, workflowRun } from '../fixtures/payloads.js'
import { demoSteps } from '../../scripts/scripted-tasks.mjs'
import { BOT_MARKER } from '../../src/github/events.js'

const describeE2e = endToEndAvailable ? describe : describe.skip

let nextId = 0
const use = (name: string, input: Record<string, unknown>) => ({
  type: 'tool_use' as const,
  id: `toolu_ev_${++nextId}`,
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

const ISSUE_TITLE = 'Durations in milliseconds do not parse'
const OLD_UNITS = 'Units: `d`, `h`, `m`, `s`, `ms`.'

/** The docs refresh: the README gains a unit it forgot, or (second run) one more sentence. */
function docsSteps(oldText: string, newText: string): Step[] {
  return [
    reply(use('Read', { file_path: 'README.md' })),
    reply(use('Edit', { file_path: 'README.md', old_string: oldText, new_string: newText })),
    reply(text('The README now matches the parser.'))
  ]
}

describeE2e('the trigger matrix, through the bundle', () => {
  let h: EventHarness

  afterEach(async () => {
    await h.close()
  })

  async function start(steps: Script, roles: Record<string, Role> = { Codertocat: 'write' }) {
    // The real clock: the refusal reply's rate limit compares GitHub's timestamps with its own.
    h = await startEventHarness({ roles, steps, github: { realClock: true }, artifacts: true })
    return h.github.state.addIssue({
      title: ISSUE_TITLE,
      body: '`parseDuration("250ms")` throws `cannot parse "s"`.'
    }).number
  }

  const errors = (stdout: string): string[] =>
    stdout.split('\n').filter(line => line.startsWith('::error::'))

  it('/claw ask: answers in a comment, offering no tool that writes, pushing nothing', async () => {
    const number = await start([
      reply(use('Grep', { pattern: 'UNIT_MS', output_mode: 'files_with_matches' })),
      reply(text('Units are defined in `src/units.js` (`UNIT_MS`).'))
    ])
    const result = await h.run({
      eventName: 'issue_comment',
      payload: issueComment({
        body: '/claw ask where are the units defined?',
        issueNumber: number,
        issueTitle: ISSUE_TITLE
      })
    })
    expect(errors(result.stdout)).toEqual([])
    expect(result.outputs).toMatchObject({ conclusion: 'success', task: 'ask' })
    const tools = (h.model.requests[0]?.body as { tools: { name: string }[] }).tools
    expect(tools.map(tool => tool.name).sort()).toEqual(['Bash', 'Glob', 'Grep', 'Read'])
    const answer = h.github.state.comments.find(c => c.body.includes('@Codertocat asked'))
    expect(answer?.body).toContain('Units are defined in `src/units.js`')
    expect(answer?.body).toContain(BOT_MARKER)
    expect(h.remoteBranches()).toEqual(['main'])
  }, 120_000)

  it('/claw fix that changes nothing: no branch, no pull request, and the comment says so', async () => {
    const number = await start([reply(text('The parser already handles this; nothing to change.'))])
    const result = await h.run({
      eventName: 'issue_comment',
      payload: issueComment({ body: '/claw fix', issueNumber: number, issueTitle: ISSUE_TITLE })
    })
    expect(result.outputs).toMatchObject({ conclusion: 'success', task: 'fix', branch: '' })
    expect(h.remoteBranches()).toEqual(['main'])
    expect(h.github.state.pulls).toHaveLength(0)
    const progress = h.github.state.comments.find(c => c.issue_number === number)
    expect(progress?.body).toContain('changed no files')
  }, 120_000)

  it('a label trigger starts a fix on an issue when the label is added', async () => {
    const number = await start(demoSteps())
    const result = await h.run({
      eventName: 'issues',
      payload: issues({
        action: 'labeled',
        number,
        title: ISSUE_TITLE,
        body: 'Please fix.',
        labels: ['bug', 'claw'],
        label: 'claw'
      }),
      inputs: { 'label-trigger': 'claw' }
    })
    expect(errors(result.stdout)).toEqual([])
    expect(result.outputs).toMatchObject({ conclusion: 'success', task: 'fix' })
    expect(result.outputs['branch']).toMatch(new RegExp(`^claw/issue-${number}-`))
    expect(h.github.state.pulls.at(-1)?.body).toContain(`Fixes #${number}`)

    // Without the input, the same event starts nothing.
    const again = await h.run({
      eventName: 'issues',
      payload: issues({ action: 'labeled', number, title: ISSUE_TITLE, label: 'claw' })
    })
    expect(again.outputs).toMatchObject({ conclusion: 'skipped' })
    expect(again.stdout).toContain('no label trigger is configured')
  }, 180_000)

  it('the scheduled docs refresh opens one rolling pull request and updates it in place', async () => {
    await start([
      ...docsSteps(OLD_UNITS, 'Units: `d` (days), `h`, `m`, `s`, `ms`.'),
      ...docsSteps('`ms`.', '`ms` (milliseconds).')
    ])
    const first = await h.run({ eventName: 'schedule', payload: schedule({ cron: '0 6 * * 1' }) })
    expect(errors(first.stdout)).toEqual([])
    expect(first.outputs).toMatchObject({
      conclusion: 'success',
      task: 'docs',
      branch: 'claw/docs-refresh'
    })
    expect(h.github.state.pulls).toHaveLength(1)
    const pull = h.github.state.pulls[0]
    expect(pull?.head.ref).toBe('claw/docs-refresh')
    const firstSha = h.remoteLog('claw/docs-refresh')[0]?.sha

    const second = await h.run({ eventName: 'schedule', payload: schedule({ cron: '0 6 * * 1' }) })
    expect(second.outputs).toMatchObject({ conclusion: 'success', task: 'docs' })
    expect(h.github.state.pulls).toHaveLength(1)
    expect(second.outputs['pull-request']).toBe(first.outputs['pull-request'])
    // The second commit continues the first: the branch only moved forward.
    const log = h.remoteLog('claw/docs-refresh')
    expect(log[0]?.parents).toEqual([firstSha])
    // Each run's session, kept under the docs name and the rolling pull request's.
    expect(h.results?.artifacts.map(artifact => artifact.name)).toEqual([
      'claw-session-docs',
      `claw-session-pr-${pull?.number}`,
      'claw-session-docs',
      `claw-session-pr-${pull?.number}`
    ])
    const readme = h.remoteGit('show', 'claw/docs-refresh:README.md')
    expect(readme).toContain('(days)')
    expect(readme).toContain('(milliseconds)')
  }, 180_000)

  it('repairs a failed run on a branch by pushing to it', async () => {
    await start(demoSteps())
    const head = h.pushRemoteBranch('feature-2', {
      files: { 'NOTES.md': 'Work in progress.\n' }
    })
    const run = h.github.state.addWorkflowRun({
      head_sha: head,
      head_branch: 'feature-2',
      jobs: [
        {
          name: 'test',
          conclusion: 'failure',
          log: '2026-12-01T10:00:00.000Z not ok 3 - parses 250ms\n2026-12-01T10:00:00.100Z # fail 3\n',
          steps: [{ name: 'npm test', conclusion: 'failure' }]
        }
      ]
    })
    const result = await h.run({
      eventName: 'workflow_run',
      payload: workflowRun({
        conclusion: 'failure',
        headBranch: 'feature-2',
        headSha: head,
        runId: run.id,
        workflowPath: '.github/workflows/ci.yml'
      })
    })
    expect(errors(result.stdout)).toEqual([])
    expect(result.outputs).toMatchObject({
      conclusion: 'success',
      task: 'repair',
      branch: 'feature-2'
    })
    // The failed job's log reached the model as data, without its timestamps.
    const firstRequest = JSON.stringify(h.model.requests[0]?.body)
    expect(firstRequest).toContain('not ok 3 - parses 250ms')
    expect(firstRequest).not.toContain('2026-12-01T10:00:00.000Z')
    expect(h.remoteLog('feature-2')[0]?.parents).toEqual([head])
    expect(h.remoteGit('diff', '--stat', head, 'feature-2')).toContain('src/parse.js')
    expect(h.results?.artifacts.map(artifact => artifact.name)).toEqual([
      `claw-session-run-${run.id}`
    ])
    // The repair commit carries the trailer the attempt limit counts.
    expect(h.remoteLog('feature-2')[0]?.message).toContain(`Claw-Repair: ${run.id}`)
  }, 120_000)

  it('stops repairing a branch after two claw repairs in a row still fail', async () => {
    await start([])
    h.pushRemoteBranch('feature-3', {
      files: { 'a.md': 'a\n' },
      message: 'Repair CI\n\nClaw-Repair: 1'
    })
    const head = h.pushRemoteBranch('feature-3', {
      from: 'feature-3',
      files: { 'b.md': 'b\n' },
      message: 'Repair CI again\n\nClaw-Repair: 2'
    })
    const run = h.github.state.addWorkflowRun({
      head_sha: head,
      head_branch: 'feature-3',
      jobs: [{ name: 'test', conclusion: 'failure', log: 'not ok 1\n' }]
    })
    const result = await h.run({
      eventName: 'workflow_run',
      payload: workflowRun({
        conclusion: 'failure',
        headBranch: 'feature-3',
        headSha: head,
        runId: run.id,
        workflowPath: '.github/workflows/ci.yml'
      })
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ conclusion: 'skipped', task: 'repair' })
    expect(result.stdout).toContain('2 repair(s) by claw in a row')
    expect(h.model.requests).toHaveLength(0)
    expect(h.remoteLog('feature-3')[0]?.sha).toBe(head)
  }, 120_000)

  it('never starts for a bot that is not allowed, claw’s own comment, or an unhandled action', async () => {
    const number = await start([])
    const cases = [
      issueComment({
        body: '/claw fix',
        issueNumber: number,
        commenter: { login: 'renovate[bot]', id: 2740, type: 'Bot' }
      }),
      issueComment({ body: `${BOT_MARKER}\n/claw fix`, issueNumber: number }),
      issueComment({ body: 'Looks good to me', issueNumber: number })
    ]
    for (const payload of cases) {
      const result = await h.run({ eventName: 'issue_comment', payload })
      expect(result.exitCode).toBe(0)
      expect(result.outputs['conclusion']).toBe('skipped')
      expect(result.stdout).toMatch(/^claw: skipped\. /m)
    }
    const closed = await h.run({
      eventName: 'pull_request',
      payload: pullRequest({ action: 'closed', number: 7 }),
      checkout: 'main'
    })
    expect(closed.outputs['conclusion']).toBe('skipped')
    const push = await h.run({ eventName: 'push', payload: { ref: 'refs/heads/main' } })
    expect(push.outputs['conclusion']).toBe('skipped')
    expect(h.model.requests).toHaveLength(0)
    expect(h.github.state.comments).toHaveLength(0)
  }, 180_000)

  it('answers a flood of unauthorised triggers with one reply', async () => {
    const number = await start([], { Codertocat: 'read' })
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await h.run({
        eventName: 'issue_comment',
        payload: issueComment({ body: '/claw fix', issueNumber: number, commentId: 500 + attempt })
      })
      expect(result.outputs['conclusion']).toBe('skipped')
    }
    const replies = h.github.state.comments.filter(c => c.body.includes('<!-- claw:refusal -->'))
    expect(replies).toHaveLength(1)
    expect(h.model.requests).toHaveLength(0)
  }, 120_000)

  it('keeps the pushed branch and says what to do when the pull request cannot be opened', async () => {
    const number = await start(demoSteps())
    h.github.fail('pulls.create', { status: 403 })
    const result = await h.run({
      eventName: 'issue_comment',
      payload: issueComment({ body: '/claw fix', issueNumber: number, issueTitle: ISSUE_TITLE })
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ conclusion: 'failure', task: 'fix' })
    const branch = result.outputs['branch'] ?? ''
    expect(h.remoteBranches()).toContain(branch)
    const error = errors(result.stdout).join('\n')
    expect(error).toContain(`Pushed ${branch}`)
    expect(error).toMatch(/pull-requests: write/)
    const progress = h.github.state.comments.find(c => c.issue_number === number)
    expect(progress?.body).toContain('pull-requests: write')
  }, 120_000)
})
