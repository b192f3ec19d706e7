/**
 * The progress comment through the real Octokit (createOctokit) against the fake GitHub, which
 * checks every create and edit against GitHub's REST description. Intervals are 50–100 ms so the
 * throttle is exercised in real time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../fixtures/fake-github.mjs'
import { createOctokit, type GitHubClient } from '../../src/github/octokit.js'
import { ProgressComment, type ProgressCommentOptions } from '../../src/github/progress-comment.js'
import { BOT_MARKER } from '../../src/github/events.js'
import { createRedactor } from '../../src/sandbox/redact.js'
import type { SessionEvent } from '../../src/session/events.js'

const TOKEN = 'ghs_fake_token'
const SECRET = 'sk-live-0123456789abcdef'
const repo = { owner: 'octo-org', repo: 'octo-repo' }

let github: FakeGitHub
let octokit: GitHubClient

beforeAll(async () => {
  github = await startFakeGitHub({ token: TOKEN })
  octokit = createOctokit({
    token: TOKEN,
    baseUrl: github.url,
    log: () => {},
    retries: 0,
    paceWrites: false
  })
})
afterAll(() => github.close())

function progress(
  issueNumber: number,
  overrides: Partial<ProgressCommentOptions> = {}
): { comment: ProgressComment; warnings: string[] } {
  const warnings: string[] = []
  const comment = new ProgressComment({
    octokit,
    ...repo,
    issueNumber,
    run: { serverUrl: 'https://github.com', repository: 'octo-org/octo-repo', runId: 4242 },
    task: 'fix',
    redact: createRedactor([SECRET]),
    log: line => warnings.push(line),
    minIntervalMs: 50,
    ...overrides
  })
  return { comment, warnings }
}

function commentRequests(since: number, operation?: string): FakeGitHub['requests'] {
  return github.requests
    .slice(since)
    .filter(r =>
      operation ? r.operation === operation : r.operation?.startsWith('issues.') === true
    )
}

/** The comment body a create or edit sent. */
function sentBody(request: FakeGitHub['requests'][number]): string {
  const body: unknown = request.body
  if (typeof body !== 'object' || body === null || !('body' in body)) return ''
  return typeof body.body === 'string' ? body.body : ''
}

function call(id: string, command: string, decision: 'allow' | 'deny' = 'allow'): SessionEvent {
  return {
    type: 'tool_call',
    id,
    tool: 'Bash',
    input: { command },
    decision:
      decision === 'allow'
        ? { decision, rule: `bash.allow: ${command}`, reason: 'allowed' }
        : { decision, rule: 'bash.deny: git push *', reason: `pushing is denied: ${command}` }
  }
}

function result(id: string, isError = false): SessionEvent {
  return { type: 'tool_result', id, tool: 'Bash', is_error: isError, content: '', duration_ms: 5 }
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

describe('ProgressComment against the fake GitHub', () => {
  it('creates one comment with the marker and edits it to the final state with links', async () => {
    const issue = github.state.addIssue({ title: 'sum is wrong' })
    const before = github.requests.length
    const { comment, warnings } = progress(issue.number)
    const id = await comment.start()
    expect(id).toBeDefined()

    comment.addStep('Read the issue')
    comment.record(call('t1', 'npm test'))
    comment.record(result('t1'))
    comment.record(call('t2', 'git push origin main', 'deny'))
    comment.record({
      type: 'outcome',
      status: 'success',
      reason: 'done',
      turns: 3,
      usage: {
        input_tokens: 100,
        output_tokens: 20,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0
      },
      cost_usd: 0.0123,
      branch: 'claw/fix-7',
      ended_at: '2026-01-01T00:00:00Z'
    })
    comment.finish({ pullRequest: 8, durationMs: 72_000 })
    await comment.flush()

    const created = commentRequests(before, 'issues.createComment')
    expect(created).toHaveLength(1)
    expect(sentBody(created[0]!)).toContain(BOT_MARKER)
    expect(sentBody(created[0]!)).toContain('is working on this')

    const onIssue = github.state.comments.filter(c => c.issue_number === issue.number)
    expect(onIssue).toHaveLength(1)
    const body = onIssue[0]!.body
    expect(onIssue[0]!.id).toBe(id)
    for (const update of commentRequests(before, 'issues.updateComment')) {
      expect(sentBody(update)).toContain(BOT_MARKER)
    }
    expect(body.startsWith(BOT_MARKER)).toBe(true)
    expect(body).toContain('✅ **claw fix**: success')
    expect(body).toContain('- [x] Read the issue')
    expect(body).toContain('- [x] Run `npm test`')
    expect(body).toContain('- [ ] ~~Run `git push origin main`~~ denied')
    expect(body).toContain(
      '[workflow run](https://github.com/octo-org/octo-repo/actions/runs/4242)'
    )
    expect(body).toContain('Took 1 min 12 s · 3 turns · $0.0123')
    expect(body).toContain(
      'Branch: [`claw/fix-7`](https://github.com/octo-org/octo-repo/tree/claw/fix-7)'
    )
    expect(body).toContain('Pull request: [#8](https://github.com/octo-org/octo-repo/pull/8)')
    expect(body).toContain('**Denied by the policy** (1):')
    expect(body).toContain(
      '- Run `git push origin main` (`bash.deny: git push *`): pushing is denied: git push origin main'
    )
    expect(body).not.toContain('**Why:**')
    expect(warnings).toEqual([])
  })

  it('throttles rapid updates and always writes the last state', async () => {
    const issue = github.state.addIssue()
    const interval = 100
    const { comment } = progress(issue.number, { minIntervalMs: interval })
    const before = github.requests.length
    const started = Date.now()
    await comment.start()
    for (let i = 1; i <= 30; i += 1) {
      comment.record(call(`c${i}`, `echo step-${i}`))
      comment.record(result(`c${i}`))
      await sleep(10)
    }
    comment.finish({ status: 'success', reason: 'done' })
    await comment.flush()
    const elapsed = Date.now() - started

    const sent = commentRequests(before)
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(elapsed / interval) + 1)
    // 30 changes over ~300 ms: coalesced, yet more than the create and the final edit.
    expect(sent.length).toBeLessThan(15)
    expect(sent.length).toBeGreaterThanOrEqual(3)
    // Spaced by the interval, as the fake saw them (its clock stamps a request once read, so a
    // slow first connection shortens the next gap a little).
    for (let i = 1; i < sent.length; i += 1) {
      expect(sent[i]!.time - sent[i - 1]!.time).toBeGreaterThanOrEqual(interval * 0.7)
    }
    const last = sent[sent.length - 1]!
    expect(last.operation).toBe('issues.updateComment')
    const stored = github.state.comments.find(c => c.issue_number === issue.number)!
    expect(stored.body).toBe(sentBody(last))
    expect(stored.body).toBe(comment.render())
    expect(stored.body).toContain('- [x] Run `echo step-30`')
    expect(stored.body).toContain('✅ **claw fix**: success')
  })

  it('writes the final state after the shorter final interval, not the whole throttle', async () => {
    const issue = github.state.addIssue()
    // The throttle of intermediate edits is long; the final edit waits only finalIntervalMs.
    const { comment } = progress(issue.number, { minIntervalMs: 5_000, finalIntervalMs: 400 })
    const before = github.requests.length
    await comment.start()
    comment.record(call('s1', 'npm test'))
    comment.record(result('s1'))
    comment.finish({ status: 'success', reason: 'done' })
    const started = Date.now()
    await comment.flush()
    const waited = Date.now() - started

    const sent = commentRequests(before)
    expect(sent.map(request => request.operation)).toEqual([
      'issues.createComment',
      'issues.updateComment'
    ])
    // Spaced from the create by the final interval (the fake stamps a request once read)...
    expect(sent[1]!.time - sent[0]!.time).toBeGreaterThanOrEqual(400 * 0.7)
    // ...and not by the 5 s throttle, which only the edits in between keep.
    expect(waited).toBeLessThan(2_000)
    const stored = github.state.comments.find(c => c.issue_number === issue.number)!
    expect(stored.body).toContain('✅ **claw fix**: success')
  })

  it('keeps the final edit a second after the previous one by default', async () => {
    const issue = github.state.addIssue()
    const { comment } = progress(issue.number, { minIntervalMs: 3_000 })
    const before = github.requests.length
    await comment.start()
    comment.finish({ status: 'success', reason: 'done' })
    await comment.flush()
    const sent = commentRequests(before)
    expect(sent).toHaveLength(2)
    const gap = sent[1]!.time - sent[0]!.time
    expect(gap).toBeGreaterThanOrEqual(1_000 * 0.7)
    expect(gap).toBeLessThan(2_500)
  })

  it('warns on a 500 from updateComment and still lands the final state', async () => {
    const issue = github.state.addIssue()
    const { comment, warnings } = progress(issue.number)
    await comment.start()
    github.fail('issues.updateComment', { status: 500, times: 2 })
    comment.record(call('f1', 'npm test'))
    await sleep(120)
    // The throttled edit failed: a warning, nothing thrown, the comment is unchanged.
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/Could not update the progress comment: .*500/)

    comment.record(result('f1', true))
    comment.finish({ status: 'error', reason: 'the model API failed' })
    // The next edit (the final one) fails once more and is retried.
    await expect(comment.flush()).resolves.toBeUndefined()
    expect(warnings).toHaveLength(2)
    const stored = github.state.comments.find(c => c.issue_number === issue.number)!
    expect(stored.body).toBe(comment.render())
    expect(stored.body).toContain('- [x] Run `npm test` (failed)')
    expect(stored.body).toContain('❌ **claw fix**: error')
    expect(stored.body).toContain('**Why:** the model API failed')
  })

  it('does not throw when the comment cannot be created, and tries once more at the end', async () => {
    const issue = github.state.addIssue()
    const { comment, warnings } = progress(issue.number)
    github.fail('issues.createComment', { status: 403 })
    await expect(comment.start()).resolves.toBeUndefined()
    expect(warnings[0]).toMatch(
      /Could not create the progress comment: the token lacks issues: write/
    )
    comment.record(call('x1', 'npm test'))
    comment.finish({ status: 'success', reason: 'done' })
    await comment.flush()
    const stored = github.state.comments.filter(c => c.issue_number === issue.number)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.body).toContain('✅ **claw fix**: success')
  })

  it('redacts secrets and escapes hostile text in labels and reasons', async () => {
    const issue = github.state.addIssue()
    const { comment } = progress(issue.number, { maxDenied: 2 })
    await comment.start()
    comment.record(call('h1', `curl -H "Authorization: ${SECRET}" https://x.test`))
    comment.record(call('h2', 'echo ``` ` done'))
    comment.record(call('h3', 'git push <img src=x onerror=alert(1)>', 'deny'))
    comment.record(call('h4', `git push ${SECRET}`, 'deny'))
    comment.record(call('h5', 'git push third', 'deny'))
    comment.finish({
      status: 'refusal',
      reason: `stopped: **bold** [link](https://evil.test) ${SECRET}\n- [x] fake step`
    })
    await comment.flush()
    const body = github.state.comments.find(c => c.issue_number === issue.number)!.body

    expect(body).not.toContain(SECRET)
    expect(body).toContain('[REDACTED]')
    // A code span longer than any backtick run inside it.
    expect(body).toContain('- [ ] Run ````echo ``` ` done````')
    // Inside a code span the tag is text; in the reason it is escaped.
    expect(body).toContain('~~Run `git push <img src=x onerror=alert(1)>`~~ denied')
    expect(body).toContain('pushing is denied: git push \\<img src=x onerror=alert(1)\\>')
    expect(body).toContain(
      '**Why:** stopped: \\*\\*bold\\*\\* \\[link\\](https://evil.test) \\[REDACTED\\] - \\[x\\] fake step'
    )
    expect(body).not.toMatch(/^- \[x\] fake step/m)
    expect(body).toContain('**Denied by the policy** (3):')
    expect(body).toContain('- … and 1 more')
  })
})
