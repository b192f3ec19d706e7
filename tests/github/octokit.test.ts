/**
 * The real Octokit from the factory against the fake GitHub, which checks every request against
 * GitHub's REST description. No Octokit mocking: retries, rate-limit waits and pagination are
 * the plugins' own.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../fixtures/fake-github.mjs'
import { createOctokit, describeGitHubError, type GitHubClient } from '../../src/github/octokit.js'

const TOKEN = 'ghs_fake_token'
const repo = { owner: 'octo-org', repo: 'octo-repo' }

let github: FakeGitHub
let octokit: GitHubClient
let logs: string[]

beforeAll(async () => {
  github = await startFakeGitHub({ token: TOKEN })
})
afterAll(() => github.close())

function client(token = TOKEN): GitHubClient {
  logs = []
  return createOctokit({
    token,
    baseUrl: github.url,
    log: line => logs.push(line),
    retryBaseDelayMs: 10,
    paceWrites: false
  })
}

beforeAll(() => {
  octokit = client()
})
afterEach(() => {
  logs = []
})

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the request to fail')
}

describe('createOctokit against the fake GitHub', () => {
  it('creates and updates a comment', async () => {
    const issue = github.state.addIssue({ title: 'bug' })
    const created = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: 'claw is working on it'
    })
    expect(created.status).toBe(201)
    const updated = await octokit.rest.issues.updateComment({
      ...repo,
      comment_id: created.data.id,
      body: 'claw opened a pull request'
    })
    expect(updated.data.body).toBe('claw opened a pull request')
    expect(github.state.comments.find(c => c.id === created.data.id)?.body).toBe(
      'claw opened a pull request'
    )
    const sent = github.requests.filter(r => r.operation?.startsWith('issues.'))
    expect(sent.map(r => r.headers['authorization'])).toEqual([`token ${TOKEN}`, `token ${TOKEN}`])
  })

  it('paginates 250 comments', async () => {
    const issue = github.state.addIssue()
    for (let i = 1; i <= 250; i++) github.state.addComment(issue.number, `comment ${i}`, 'alice')
    const before = github.requests.length
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: issue.number,
      per_page: 100
    })
    expect(comments.map(c => c.body)).toEqual(
      Array.from({ length: 250 }, (_, i) => `comment ${i + 1}`)
    )
    const pages = github.requests.slice(before)
    expect(pages.map(r => r.query['page'] ?? '1')).toEqual(['1', '2', '3'])
  })

  it('opens a pull request and posts a review with inline comments', async () => {
    const created = await octokit.rest.pulls.create({
      ...repo,
      title: 'claw: fix the crash',
      head: 'claw/fix-7',
      base: 'main',
      body: 'Fixes #7'
    })
    expect(created.data.html_url).toBe(
      `https://github.com/octo-org/octo-repo/pull/${created.data.number}`
    )
    expect(created.data.head.ref).toBe('claw/fix-7')

    const pull = github.state.addPullRequest({
      user: 'alice',
      files: [{ filename: 'src/app.ts', patch: '@@ -1,3 +1,3 @@\n import x\n-old()\n+run()\n end' }]
    })
    const review = await octokit.rest.pulls.createReview({
      ...repo,
      pull_number: pull.number,
      event: 'COMMENT',
      body: 'Two findings.',
      comments: [
        { path: 'src/app.ts', line: 2, side: 'RIGHT', body: '```suggestion\nrun(options)\n```' },
        { path: 'src/app.ts', line: 2, side: 'LEFT', body: 'This was needed.' }
      ]
    })
    expect(review.data.state).toBe('COMMENTED')
    const comments = await octokit.rest.pulls.listReviewComments({
      ...repo,
      pull_number: pull.number
    })
    expect(comments.data.map(c => [c.path, c.line, c.side, c.pull_request_review_id])).toEqual([
      ['src/app.ts', 2, 'RIGHT', review.data.id],
      ['src/app.ts', 2, 'LEFT', review.data.id]
    ])
  })

  it('retries a 502 and then succeeds', async () => {
    github.fail('repos.get', { status: 502, times: 2 })
    const before = github.requests.length
    const response = await octokit.rest.repos.get(repo)
    expect(response.data.full_name).toBe('octo-org/octo-repo')
    expect(github.requests.slice(before).map(r => r.status)).toEqual([502, 502, 200])
  })

  it('honours retry-after on a secondary rate limit', async () => {
    const issue = github.state.addIssue()
    github.fail('issues.createComment', { status: 403, headers: { 'retry-after': '1' } })
    const before = github.requests.length
    const response = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: 'after the limit'
    })
    expect(response.status).toBe(201)
    const [limited, retried] = github.requests.slice(before)
    expect([limited?.status, retried?.status]).toEqual([403, 201])
    expect(retried!.time - limited!.time).toBeGreaterThanOrEqual(950)
    expect(logs.join('\n')).toMatch(/secondary rate limit on POST .*retrying in 1 s/)
  })

  it('reads job logs through the redirect', async () => {
    const run = github.state.addWorkflowRun({
      jobs: [{ name: 'test', conclusion: 'failure', log: 'FAIL tests/a.test.ts\n' }]
    })
    const jobs = await octokit.rest.actions.listJobsForWorkflowRun({ ...repo, run_id: run.id })
    const failed = jobs.data.jobs.find(job => job.conclusion === 'failure')!
    const log = await octokit.rest.actions.downloadJobLogsForWorkflowRun({
      ...repo,
      job_id: failed.id
    })
    expect(log.data).toBe('FAIL tests/a.test.ts\n')
  })

  it('turns 401, 403 and 404 into one clear line', async () => {
    const badToken = await failure(client('ghs_expired').rest.repos.get(repo))
    expect(describeGitHubError(badToken, 'repos.get')).toBe(
      'GitHub rejected the token on repos.get (401 Bad credentials): it is invalid or expired; check the github-token input'
    )

    github.fail('pulls.create', { status: 403 })
    const forbidden = await failure(
      octokit.rest.pulls.create({ ...repo, title: 't', head: 'claw/x', base: 'main' })
    )
    expect(describeGitHubError(forbidden, 'pulls.create')).toBe(
      "the token lacks pull-requests: write for pulls.create; add it to the workflow's permissions"
    )

    github.fail('pulls.create', {
      status: 403,
      message: 'GitHub Actions is not permitted to create or approve pull requests.'
    })
    const setting = await failure(
      octokit.rest.pulls.create({ ...repo, title: 't', head: 'claw/y', base: 'main' })
    )
    expect(describeGitHubError(setting, 'pulls.create')).toMatch(
      /^the repository does not let GitHub Actions create or approve pull requests/
    )

    const hidden = await failure(octokit.rest.repos.get({ owner: 'octo-org', repo: 'secret' }))
    expect(describeGitHubError(hidden, 'repos.get')).toMatch(
      /^the repository was not found, or the token cannot see it \(repos\.get \(GET \/repos\/octo-org\/secret\)\)/
    )

    const missing = await failure(octokit.rest.issues.get({ ...repo, issue_number: 9999 }))
    expect(describeGitHubError(missing, 'issues.get')).toBe(
      'GitHub found nothing for issues.get (GET /repos/octo-org/octo-repo/issues/9999): it does not exist, or the token cannot see the repository'
    )

    const existing = github.state.addPullRequest({ head: 'claw/dup' })
    const invalid = await failure(
      octokit.rest.pulls.create({ ...repo, title: 't', head: existing.head.ref, base: 'main' })
    )
    expect(describeGitHubError(invalid, 'pulls.create')).toBe(
      'GitHub rejected pulls.create as invalid (POST /repos/octo-org/octo-repo/pulls): Validation Failed: A pull request already exists for octo-org:claw/dup.'
    )

    expect(describeGitHubError(new Error('fetch failed'), 'pulls.get')).toBe(
      'GitHub pulls.get failed: fetch failed'
    )
  })

  it('does not retry a 422 from the fake', async () => {
    const before = github.requests.length
    const error = await failure(
      // @ts-expect-error -- a wrong type on purpose: the fake must answer 422 naming the field
      octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 5 })
    )
    expect((error as { status: number }).status).toBe(422)
    expect((error as Error).message).toContain('body field body must be string')
    expect(github.requests.length - before).toBe(1)
  })

  it('uses GITHUB_API_URL when no baseUrl is given', async () => {
    const saved = process.env['GITHUB_API_URL']
    process.env['GITHUB_API_URL'] = `${github.url}/`
    try {
      const fromEnvironment = createOctokit({ token: TOKEN, log: () => {}, paceWrites: false })
      const response = await fromEnvironment.rest.repos.get(repo)
      expect(response.data.name).toBe('octo-repo')
    } finally {
      if (saved === undefined) delete process.env['GITHUB_API_URL']
      else process.env['GITHUB_API_URL'] = saved
    }
  })
})
