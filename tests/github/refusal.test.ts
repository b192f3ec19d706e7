/**
 * Refusal replies through the real Octokit (createOctokit) against the fake GitHub, which checks
 * every request against GitHub's REST description. The fake's clock starts at 2026-01-01 and
 * moves one second per object created, so each test passes `now` relative to the fake's
 * timestamps rather than the machine's clock.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startFakeGitHub,
  type FakeGitHub,
  type Handler,
  type ReviewComment
} from '../fixtures/fake-github.mjs'
import { createOctokit, type GitHubClient } from '../../src/github/octokit.js'
import { BOT_MARKER, BOT_MARKER_PATTERN, planFromEvent } from '../../src/github/events.js'
import { REFUSAL_REPLY_INTERVAL_MS } from '../../src/github/permission.js'
import {
  REFUSAL_MARKER,
  refusalReplyBody,
  replyToRefusal,
  type RefusalReplyOptions
} from '../../src/github/refusal.js'

const TOKEN = 'ghs_fake_token'
const repo = { owner: 'octo-org', repo: 'octo-repo' }
const MINUTE = 60_000
const MESSAGE =
  'Only users with write, maintain or admin permission on the repository may trigger claw; ' +
  'this user has "read" permission.'

/**
 * `pulls.createReplyForReviewComment` is not in the fake: the reply joins the thread of the
 * comment it answers (same file and line) and is written by the token's owner, as on GitHub.
 */
const createReplyForReviewComment: Handler = ({ state, params, body, render }) => {
  const parent = state.reviewComments.find(
    comment => comment.id === params['comment_id'] && comment.pull_number === params['pull_number']
  )
  if (!parent) {
    return {
      status: 404,
      body: { message: `Not Found (no review comment ${params['comment_id']})` }
    }
  }
  // Validated against the description: `body` is a string.
  const { body: text } = body as { body: string }
  const time = state.now()
  const reply: ReviewComment = {
    ...parent,
    id: state.nextId(),
    body: text,
    user: state.viewer,
    created_at: time,
    updated_at: time
  }
  state.reviewComments.push(reply)
  const renderReviewComment = render['reviewComment'] as (
    comment: ReviewComment
  ) => Record<string, unknown>
  return { status: 201, body: { ...renderReviewComment(reply), in_reply_to_id: parent.id } }
}

let github: FakeGitHub
let octokit: GitHubClient

beforeAll(async () => {
  github = await startFakeGitHub({
    token: TOKEN,
    handlers: { 'pulls.createReplyForReviewComment': createReplyForReviewComment }
  })
  octokit = createOctokit({
    token: TOKEN,
    baseUrl: github.url,
    log: () => {},
    retries: 0,
    paceWrites: false
  })
})
afterAll(() => github.close())

/** An issue with one refused `/claw fix` comment; `at(ms)` is that many ms after the comment. */
function refusedIssue(): { issueNumber: number; at: (ms: number) => Date } {
  const issue = github.state.addIssue({ title: 'Crash on start' })
  const comment = github.state.addComment(issue.number, '/claw fix', 'mallory')
  const base = Date.parse(comment.created_at)
  return { issueNumber: issue.number, at: ms => new Date(base + ms) }
}

/** A pull request with one refused `/claw fix` review comment on it. */
function reviewThread(): { pull: { number: number }; trigger: ReviewComment } {
  const pull = github.state.addPullRequest({ title: 'Add a flag' })
  const time = github.state.now()
  const trigger: ReviewComment = {
    id: github.state.nextId(),
    review_id: github.state.nextId(),
    pull_number: pull.number,
    path: 'src/flag.ts',
    line: 3,
    side: 'RIGHT',
    start_line: null,
    start_side: null,
    position: 3,
    body: '/claw fix rename this',
    commit_id: pull.head.sha,
    user: github.state.actor('mallory'),
    created_at: time,
    updated_at: time
  }
  github.state.reviewComments.push(trigger)
  return { pull, trigger }
}

async function reply(
  options: Omit<RefusalReplyOptions, 'owner' | 'repo' | 'log' | 'message'> & { message?: string }
): Promise<{ result: Awaited<ReturnType<typeof replyToRefusal>>; logs: string[] }> {
  const logs: string[] = []
  const result = await replyToRefusal(octokit, {
    ...repo,
    message: MESSAGE,
    log: line => logs.push(line),
    ...options
  })
  return { result, logs }
}

function issueComments(issueNumber: number): string[] {
  return github.state.comments
    .filter(comment => comment.issue_number === issueNumber)
    .map(comment => comment.body)
}

function requestsSince(index: number, operation: string): FakeGitHub['requests'] {
  return github.requests.slice(index).filter(request => request.operation === operation)
}

describe('REFUSAL_MARKER', () => {
  it("is one of claw's markers, so a refusal reply never triggers claw", () => {
    expect(BOT_MARKER_PATTERN.test(REFUSAL_MARKER)).toBe(true)
    // A reply whose message starts a line with the trigger, posted by someone who is not claw
    // (an app token's login, say): the marker alone must keep it from starting a run.
    const body = refusalReplyBody('/claw fix needs write permission on the repository.')
    expect(body).toMatch(/^\/claw fix/m)
    const plan = planFromEvent({
      eventName: 'issue_comment',
      payload: {
        action: 'created',
        issue: { number: 7, title: 'Crash', html_url: 'https://github.com/o/r/issues/7' },
        comment: {
          id: 1,
          body,
          user: { login: 'claw-app', type: 'User' },
          created_at: '2026-01-01T00:00:00Z',
          html_url: 'https://github.com/o/r/issues/7#issuecomment-1'
        }
      },
      settings: { trigger: '/claw', prompt: '', allowedBots: [] },
      self: { botMarker: BOT_MARKER }
    })
    expect(plan).toMatchObject({ kind: 'skip', reason: expect.stringContaining("claw's marker") })
  })
})

describe('replyToRefusal', () => {
  it('replies to the first refusal on an issue, with the marker and the message escaped', async () => {
    const { issueNumber, at } = refusedIssue()
    const before = github.requests.length

    const { result, logs } = await reply({
      replyTo: { issueNumber },
      message: 'The bot <img src=x onerror=alert(1)> [evil](https://evil.example) may not.',
      now: at(1000)
    })

    expect(result).toBe('replied')
    expect(logs).toEqual([])
    const posted = issueComments(issueNumber)[1] ?? ''
    expect(posted.startsWith(`${REFUSAL_MARKER}\n`)).toBe(true)
    expect(posted).toContain(
      'The bot \\<img src=x onerror=alert(1)\\> \\[evil\\](https://evil.example)'
    )
    expect(posted).not.toMatch(/(?<!\\)<img/)
    expect(posted).toContain('at most once every 10 minutes')
    const [listed] = requestsSince(before, 'issues.listComments')
    expect(listed?.query['since']).toBe(at(1000 - REFUSAL_REPLY_INTERVAL_MS).toISOString())
  })

  it('stays silent on a second refusal within ten minutes, and replies again after', async () => {
    const { issueNumber, at } = refusedIssue()
    expect((await reply({ replyTo: { issueNumber }, now: at(1000) })).result).toBe('replied')
    const repliedAt = Date.parse(github.state.comments.at(-1)?.created_at ?? '')
    const after = (ms: number): Date => new Date(repliedAt + ms)

    const before = github.requests.length
    const second = await reply({ replyTo: { issueNumber }, now: after(9 * MINUTE) })
    expect(second.result).toBe('rate-limited')
    expect(requestsSince(before, 'issues.createComment')).toEqual([])
    expect(issueComments(issueNumber)).toHaveLength(2)

    const third = await reply({ replyTo: { issueNumber }, now: after(10 * MINUTE + 1000) })
    expect(third.result).toBe('replied')
    const bodies = issueComments(issueNumber)
    expect(bodies).toHaveLength(3)
    expect(bodies.filter(body => body.includes(REFUSAL_MARKER))).toHaveLength(2)
  })

  it('honours a shorter interval', async () => {
    const { issueNumber, at } = refusedIssue()
    const intervalMs = MINUTE
    expect((await reply({ replyTo: { issueNumber }, now: at(1000), intervalMs })).result).toBe(
      'replied'
    )
    const repliedAt = Date.parse(github.state.comments.at(-1)?.created_at ?? '')
    const later = new Date(repliedAt + 2 * MINUTE)
    expect((await reply({ replyTo: { issueNumber }, now: later, intervalMs })).result).toBe(
      'replied'
    )
    expect(issueComments(issueNumber).at(-1)).toContain('at most once a minute')
  })

  it('reads only as many pages as it takes to find a recent reply', async () => {
    const { issueNumber } = refusedIssue()
    const reply1 = github.state.addComment(issueNumber, `${REFUSAL_MARKER}\nNo.`)
    for (let i = 0; i < 150; i++) github.state.addComment(issueNumber, '/claw fix', 'mallory')
    const before = github.requests.length

    const { result } = await reply({
      replyTo: { issueNumber },
      now: new Date(Date.parse(reply1.created_at) + 5 * MINUTE)
    })

    expect(result).toBe('rate-limited')
    expect(requestsSince(before, 'issues.listComments')).toHaveLength(1)
  })

  it('replies in the review comment thread, and the reply holds back the next refusal', async () => {
    const { pull, trigger } = reviewThread()
    const now = new Date(Date.parse(trigger.created_at) + 1000)
    const replyTo = { issueNumber: pull.number, reviewCommentId: trigger.id }
    const before = github.requests.length

    expect((await reply({ replyTo, now })).result).toBe('replied')

    expect(requestsSince(before, 'issues.createComment')).toEqual([])
    const posted = requestsSince(before, 'pulls.createReplyForReviewComment')
    expect(posted).toHaveLength(1)
    expect(posted[0]?.path).toBe(
      `/repos/octo-org/octo-repo/pulls/${pull.number}/comments/${trigger.id}/replies`
    )
    const thread = github.state.reviewComments.filter(c => c.pull_number === pull.number)
    expect(thread.map(comment => comment.body.includes(REFUSAL_MARKER))).toEqual([false, true])

    const again = github.requests.length
    const second = await reply({ replyTo, now: new Date(now.getTime() + MINUTE) })
    expect(second.result).toBe('rate-limited')
    expect(requestsSince(again, 'pulls.listReviewComments')).toHaveLength(1)
    expect(requestsSince(again, 'pulls.createReplyForReviewComment')).toEqual([])
  })

  it("counts a refusal reply on the pull request's conversation for a review thread", async () => {
    const { pull, trigger } = reviewThread()
    const conversation = github.state.addComment(pull.number, `${REFUSAL_MARKER}\nNo.`)
    const before = github.requests.length

    const { result } = await reply({
      replyTo: { issueNumber: pull.number, reviewCommentId: trigger.id },
      now: new Date(Date.parse(conversation.created_at) + MINUTE)
    })

    expect(result).toBe('rate-limited')
    // One recent reply is enough: the review comments are not even listed.
    expect(requestsSince(before, 'pulls.listReviewComments')).toEqual([])
    expect(github.state.reviewComments.filter(c => c.pull_number === pull.number)).toHaveLength(1)
  })

  it('returns failed and logs, without throwing or replying, when listing fails', async () => {
    const { issueNumber, at } = refusedIssue()
    github.fail('issues.listComments', { status: 500, message: 'Server Error' })
    const before = github.requests.length

    const { result, logs } = await reply({ replyTo: { issueNumber }, now: at(1000) })

    expect(result).toBe('failed')
    expect(logs).toEqual([expect.stringMatching(/^Could not reply to the refused trigger: .*500/)])
    expect(logs[0]).toContain('issues.listComments')
    expect(requestsSince(before, 'issues.createComment')).toEqual([])
    expect(issueComments(issueNumber)).toHaveLength(1)
  })

  it('returns failed and names the missing permission when the comment is refused', async () => {
    const { issueNumber, at } = refusedIssue()
    github.fail('issues.createComment', { status: 403 })

    const { result, logs } = await reply({ replyTo: { issueNumber }, now: at(1000) })

    expect(result).toBe('failed')
    expect(logs).toHaveLength(1)
    expect(logs[0]).toContain('issues: write')
    expect(issueComments(issueNumber)).toHaveLength(1)
  })

  it('returns failed for an issue that does not exist', async () => {
    const { result, logs } = await reply({ replyTo: { issueNumber: 999_999 } })
    expect(result).toBe('failed')
    expect(logs[0]).toContain('GitHub found nothing for issues.listComments')
  })
})
