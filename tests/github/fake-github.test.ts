/**
 * The fake GitHub itself, through plain `fetch`: it must reject what GitHub's description rejects
 * and say which field is wrong, and its answers must match the description's response schemas.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment -- raw replies are read as loose JSON, the way a test reads GitHub's answers */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../fixtures/fake-github.mjs'

const TOKEN = 'ghs_fake_token'
const REPO = '/repos/octo-org/octo-repo'

let github: FakeGitHub

beforeAll(async () => {
  // validateResponses: every 2xx body is checked against the description (a 500 otherwise).
  github = await startFakeGitHub({ token: TOKEN, validateResponses: true })
})
afterAll(() => github.close())

async function call(
  method: string,
  path: string,
  body?: unknown,
  token: string | null = TOKEN
): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(`${github.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      ...(token === null ? {} : { authorization: `token ${token}` }),
      'content-type': 'application/json'
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await response.text()
  let json: unknown = text
  try {
    json = JSON.parse(text)
  } catch {
    // a text body (logs)
  }
  return { status: response.status, headers: response.headers, json }
}

describe('fake GitHub', () => {
  it('loads the description in well under a second', () => {
    expect(github.descriptionLoadMs).toBeLessThan(1000)
  })

  it('rejects a body that does not match the description with 422 naming the field', async () => {
    const issue = github.state.addIssue({ title: 'bug' })
    const wrongType = await call('POST', `${REPO}/issues/${issue.number}/comments`, { body: 42 })
    expect(wrongType.status).toBe(422)
    expect(wrongType.json.message).toBe('Validation Failed')
    expect(wrongType.json.errors).toEqual([
      expect.objectContaining({
        field: 'body',
        code: 'invalid',
        message: 'body field body must be string'
      })
    ])

    const typo = await call('POST', `${REPO}/issues/${issue.number}/comments`, { bdy: 'hello' })
    expect(typo.status).toBe(422)
    expect(
      typo.json.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)
    ).toEqual(['body:missing_field', 'bdy:unknown_field'])
    // Nothing was created.
    expect(github.state.comments.filter(c => c.issue_number === issue.number)).toEqual([])
  })

  it('names nested fields and enum values of a review body', async () => {
    const pull = github.state.addPullRequest({ title: 'feature' })
    const response = await call('POST', `${REPO}/pulls/${pull.number}/reviews`, {
      event: 'COMMENTED',
      body: 'x',
      comments: [{ path: 'a.ts', line: '3', body: 'y' }]
    })
    expect(response.status).toBe(422)
    const messages = response.json.errors.map((e: { message: string }) => e.message)
    expect(messages).toContain(
      'body field event must be equal to one of the allowed values ("APPROVE", "REQUEST_CHANGES", "COMMENT")'
    )
    expect(messages).toContain('body field comments[0].line must be integer')
  })

  it('rejects bad path and query parameters', async () => {
    const path = await call('GET', `${REPO}/issues/not-a-number`)
    expect(path.status).toBe(422)
    expect(path.json.errors[0]).toMatchObject({ field: 'issue_number', code: 'invalid' })

    const query = await call('GET', `${REPO}/pulls?per_pge=5`)
    expect(query.status).toBe(422)
    expect(query.json.errors[0]).toMatchObject({ field: 'per_pge', code: 'unknown_field' })
  })

  it('answers 404 naming an unknown route, and 404 for a method the path lacks', async () => {
    const typo = await call('GET', `${REPO}/isues/1`)
    expect(typo.status).toBe(404)
    expect(typo.json.message).toContain('GET /repos/octo-org/octo-repo/isues/1')

    const method = await call('DELETE', `${REPO}/pulls/1`)
    expect(method.status).toBe(404)
    expect(method.json.message).toContain('/repos/{owner}/{repo}/pulls/{pull_number} has no DELETE')
  })

  it('answers 401 for a wrong or missing token', async () => {
    const wrong = await call('GET', REPO, undefined, 'ghs_other')
    expect(wrong.status).toBe(401)
    expect(wrong.json.message).toBe('Bad credentials')
    const missing = await call('GET', REPO, undefined, null)
    expect(missing.status).toBe(401)
    expect(missing.json.message).toBe('Requires authentication')
  })

  it('answers 404 for another repository, as for a token that cannot see it', async () => {
    const response = await call('GET', '/repos/someone/else')
    expect(response.status).toBe(404)
  })

  it('answers 501 for a valid operation it does not implement', async () => {
    const response = await call('PUT', `${REPO}/issues/1/lock`, {})
    expect(response.status).toBe(501)
    expect(response.json.message).toContain('issues.lock')
  })

  it('paginates with Link headers', async () => {
    const issue = github.state.addIssue()
    for (let i = 1; i <= 65; i++) github.state.addComment(issue.number, `comment ${i}`)
    const first = await call('GET', `${REPO}/issues/${issue.number}/comments`)
    expect(first.json).toHaveLength(30)
    const link = first.headers.get('link') ?? ''
    expect(link).toContain('rel="next"')
    expect(link).toMatch(/page=3>; rel="last"/)

    const last = await call('GET', `${REPO}/issues/${issue.number}/comments?per_page=30&page=3`)
    expect(last.json.map((c: { body: string }) => c.body)).toEqual(
      Array.from({ length: 5 }, (_, i) => `comment ${61 + i}`)
    )
    expect(last.headers.get('link')).toContain('rel="prev"')
    expect(last.headers.get('link')).not.toContain('rel="next"')
  })

  it('round-trips comments and pull requests between the API and the state', async () => {
    const issue = github.state.addIssue({ title: 'Crash on start', user: 'alice' })
    const created = await call('POST', `${REPO}/issues/${issue.number}/comments`, { body: 'on it' })
    expect(created.status).toBe(201)
    expect(created.json.user.login).toBe('github-actions[bot]')
    expect(created.json.html_url).toBe(
      `https://github.com/octo-org/octo-repo/issues/${issue.number}#issuecomment-${created.json.id}`
    )
    expect(github.state.comments.find(c => c.id === created.json.id)?.body).toBe('on it')

    const fetched = await call('GET', `${REPO}/issues/${issue.number}`)
    expect(fetched.json).toMatchObject({
      title: 'Crash on start',
      user: { login: 'alice' },
      comments: 1
    })
    expect(fetched.json.pull_request).toBeUndefined()

    const opened = await call('POST', `${REPO}/pulls`, {
      title: 'Fix crash',
      head: 'claw/fix-1',
      base: 'main',
      body: 'Fixes it'
    })
    expect(opened.status).toBe(201)
    expect(opened.json).toMatchObject({
      title: 'Fix crash',
      head: { ref: 'claw/fix-1' },
      base: { ref: 'main' },
      user: { login: 'github-actions[bot]' }
    })
    const pull = github.state.pull(opened.json.number)
    expect(pull?.head.ref).toBe('claw/fix-1')
    const asIssue = await call('GET', `${REPO}/issues/${opened.json.number}`)
    expect(asIssue.json.pull_request.html_url).toBe(opened.json.html_url)

    const again = await call('POST', `${REPO}/pulls`, {
      title: 'x',
      head: 'claw/fix-1',
      base: 'main'
    })
    expect(again.status).toBe(422)
    expect(again.json.errors[0].message).toBe(
      'A pull request already exists for octo-org:claw/fix-1.'
    )

    const listed = await call('GET', `${REPO}/pulls?head=octo-org:claw/fix-1&state=open`)
    expect(listed.json.map((p: { number: number }) => p.number)).toEqual([opened.json.number])
  })

  it('checks inline review comments against the diff', async () => {
    const pull = github.state.addPullRequest({
      user: 'alice',
      files: [{ filename: 'src/a.ts', patch: '@@ -10,3 +10,4 @@\n a\n-b\n+c\n+d\n e' }]
    })
    const outside = await call('POST', `${REPO}/pulls/${pull.number}/reviews`, {
      event: 'COMMENT',
      body: 'summary',
      comments: [{ path: 'src/a.ts', line: 40, side: 'RIGHT', body: 'far away' }]
    })
    expect(outside.status).toBe(422)
    expect(outside.json.errors[0].message).toContain('Line could not be resolved')

    const inside = await call('POST', `${REPO}/pulls/${pull.number}/reviews`, {
      event: 'REQUEST_CHANGES',
      body: 'summary',
      comments: [
        { path: 'src/a.ts', start_line: 11, line: 12, side: 'RIGHT', body: 'these two' },
        { path: 'src/a.ts', line: 11, side: 'LEFT', body: 'the removed line' }
      ]
    })
    expect(inside.status).toBe(200)
    expect(inside.json.state).toBe('CHANGES_REQUESTED')
    const comments = await call('GET', `${REPO}/pulls/${pull.number}/comments`)
    expect(comments.status).toBe(200)
    expect(comments.json.map((c: { line: number; side: string }) => `${c.side}:${c.line}`)).toEqual(
      ['RIGHT:12', 'LEFT:11']
    )
    const reviews = await call('GET', `${REPO}/pulls/${pull.number}/reviews`)
    expect(reviews.json[0].body).toBe('summary')
    const files = await call('GET', `${REPO}/pulls/${pull.number}/files`)
    expect(files.json[0]).toMatchObject({ filename: 'src/a.ts', additions: 2, deletions: 1 })
  })

  it('answers the remaining operations in the description shapes', async () => {
    github.state.permissions['maintainer'] = 'maintain'
    const permission = await call('GET', `${REPO}/collaborators/maintainer/permission`)
    expect(permission.json).toMatchObject({ permission: 'write', role_name: 'maintain' })
    const stranger = await call('GET', `${REPO}/collaborators/stranger/permission`)
    expect(stranger.json.permission).toBe('read')

    const repo = await call('GET', REPO)
    expect(repo.json).toMatchObject({ full_name: 'octo-org/octo-repo', default_branch: 'main' })

    const comment = github.state.addComment(github.state.addIssue().number, 'start')
    const updated = await call('PATCH', `${REPO}/issues/comments/${comment.id}`, { body: 'done' })
    expect(updated.json.body).toBe('done')
    expect((await call('GET', `${REPO}/issues/comments/${comment.id}`)).json.body).toBe('done')
    const reaction = await call('POST', `${REPO}/issues/comments/${comment.id}/reactions`, {
      content: 'eyes'
    })
    expect(reaction.status).toBe(201)
    expect(github.state.reactions.at(-1)).toMatchObject({ comment_id: comment.id, content: 'eyes' })

    const run = github.state.addWorkflowRun({
      jobs: [{ name: 'test', conclusion: 'failure', log: '##[error]expected 1, got 2\n' }],
      artifacts: [{ name: 'claw-session' }]
    })
    const jobs = await call('GET', `${REPO}/actions/runs/${run.id}/jobs`)
    expect(jobs.json).toMatchObject({
      total_count: 1,
      jobs: [{ name: 'test', conclusion: 'failure' }]
    })
    const artifacts = await call('GET', `${REPO}/actions/runs/${run.id}/artifacts`)
    expect(artifacts.json.artifacts[0].name).toBe('claw-session')

    const job = run.jobs[0]!
    const redirect = await call('GET', `${REPO}/actions/jobs/${job.id}/logs`)
    expect(redirect.status).toBe(302)
    const log = await fetch(redirect.headers.get('location') ?? '')
    expect(await log.text()).toBe('##[error]expected 1, got 2\n')
  })

  it('replies to a review comment in its thread, a reply to a reply included', async () => {
    const pull = github.state.addPullRequest({
      user: 'alice',
      files: [{ filename: 'src/b.ts', patch: '@@ -1,2 +1,2 @@\n-x\n+y\n z' }]
    })
    const top = github.state.addReviewComment(pull.number, {
      path: 'src/b.ts',
      line: 1,
      body: '/claw fix use z',
      user: 'alice'
    })
    const replies = `${REPO}/pulls/${pull.number}/comments/${top.id}/replies`
    const reply = await call('POST', replies, { body: 'on it' })
    expect(reply.status).toBe(201)
    expect(reply.json).toMatchObject({
      body: 'on it',
      in_reply_to_id: top.id,
      path: 'src/b.ts',
      line: 1,
      user: { login: 'github-actions[bot]' }
    })
    expect(reply.headers.get('location')).toBe(reply.json.url)

    // A reply to the reply lands in the same thread, under the first comment.
    const nested = await call(
      'POST',
      `${REPO}/pulls/${pull.number}/comments/${reply.json.id}/replies`,
      { body: 'done' }
    )
    expect(nested.status).toBe(201)
    expect(nested.json.in_reply_to_id).toBe(top.id)
    const listed = await call('GET', `${REPO}/pulls/${pull.number}/comments`)
    expect(listed.json.map((c: { body: string }) => c.body)).toEqual([
      '/claw fix use z',
      'on it',
      'done'
    ])
    expect(listed.json[0].in_reply_to_id).toBeUndefined()

    expect((await call('POST', replies, {})).status).toBe(422)
    const missing = await call('POST', `${REPO}/pulls/${pull.number}/comments/1/replies`, {
      body: 'x'
    })
    expect(missing.status).toBe(404)
    const otherPull = github.state.addPullRequest()
    const wrongPull = await call(
      'POST',
      `${REPO}/pulls/${otherPull.number}/comments/${top.id}/replies`,
      { body: 'x' }
    )
    expect(wrongPull.status).toBe(404)
  })

  it('lists check runs for a sha, a branch or a pull request head', async () => {
    const pull = github.state.addPullRequest({ head: { ref: 'checks-1', sha: 'c'.repeat(40) } })
    github.state.addCheckRun({ name: 'test', head_sha: pull.head.sha, conclusion: 'failure' })
    github.state.addCheckRun({ name: 'test', head_sha: pull.head.sha, conclusion: 'success' })
    github.state.addCheckRun({ name: 'lint', head_sha: pull.head.sha, status: 'in_progress' })
    github.state.addCheckRun({ name: 'other', head_sha: 'd'.repeat(40) })

    const latest = await call('GET', `${REPO}/commits/${pull.head.sha}/check-runs`)
    expect(latest.status).toBe(200)
    expect(latest.json.total_count).toBe(2)
    expect(
      latest.json.check_runs.map(
        (r: { name: string; status: string; conclusion: string | null }) =>
          `${r.name}:${r.status}:${r.conclusion}`
      )
    ).toEqual(['lint:in_progress:null', 'test:completed:success'])
    expect(latest.json.check_runs[0]).toMatchObject({
      head_sha: pull.head.sha,
      html_url: expect.stringContaining('https://github.com/octo-org/octo-repo/runs/'),
      pull_requests: [{ number: pull.number, head: { ref: 'checks-1' } }]
    })

    const all = await call('GET', `${REPO}/commits/checks-1/check-runs?filter=all`)
    expect(all.json.total_count).toBe(3)
    const named = await call(
      'GET',
      `${REPO}/commits/${encodeURIComponent('heads/checks-1')}/check-runs?check_name=test&status=completed`
    )
    expect(named.json.check_runs.map((r: { conclusion: string }) => r.conclusion)).toEqual([
      'success'
    ])

    github.state.setBranch('release', 'd'.repeat(40))
    const branch = await call('GET', `${REPO}/commits/release/check-runs`)
    expect(branch.json.check_runs.map((r: { name: string }) => r.name)).toEqual(['other'])
    const none = await call('GET', `${REPO}/commits/${'e'.repeat(40)}/check-runs`)
    expect(none.json).toEqual({ total_count: 0, check_runs: [] })
    const unknown = await call('GET', `${REPO}/commits/no-such-branch/check-runs`)
    expect(unknown.status).toBe(422)
    expect(unknown.json.message).toBe('No commit found for SHA: no-such-branch')
  })

  it('reads branches as git refs and as branches', async () => {
    github.state.setBranch('feature/x', 'f'.repeat(40))
    const ref = await call('GET', `${REPO}/git/ref/${encodeURIComponent('heads/feature/x')}`)
    expect(ref.status).toBe(200)
    expect(ref.json).toMatchObject({
      ref: 'refs/heads/feature/x',
      object: { type: 'commit', sha: 'f'.repeat(40) }
    })
    const branch = await call('GET', `${REPO}/branches/${encodeURIComponent('feature/x')}`)
    expect(branch.status).toBe(200)
    expect(branch.json).toMatchObject({
      name: 'feature/x',
      commit: { sha: 'f'.repeat(40) },
      protected: false
    })
    // The default branch exists from the start.
    const main = await call('GET', `${REPO}/branches/main`)
    expect(main.json.commit.sha).toBe(github.state.branches['main'])

    expect((await call('GET', `${REPO}/git/ref/heads%2Fnope`)).status).toBe(404)
    expect((await call('GET', `${REPO}/git/ref/tags%2Fv1`)).status).toBe(404)
    const missing = await call('GET', `${REPO}/branches/nope`)
    expect(missing.status).toBe(404)
    expect(missing.json.message).toBe('Branch not found')
  })

  it('plays scripted faults after validation, then recovers', async () => {
    github.fail('repos.get', { status: 502, times: 2 })
    expect((await call('GET', REPO)).status).toBe(502)
    // An invalid request is still a 422, not the scripted fault.
    expect((await call('GET', `${REPO}?bogus=1`)).status).toBe(422)
    expect((await call('GET', REPO)).status).toBe(502)
    expect((await call('GET', REPO)).status).toBe(200)

    github.fail('pulls/create', { status: 403, headers: { 'retry-after': '7' } })
    const limited = await call('POST', `${REPO}/pulls`, { title: 't', head: 'x', base: 'main' })
    expect(limited.status).toBe(403)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(limited.json.message).toContain('secondary rate limit')
  })

  it('records requests', async () => {
    const before = github.requests.length
    await call('GET', `${REPO}/pulls?state=all`)
    expect(github.requests.slice(before)).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `${REPO}/pulls`,
        query: { state: 'all' },
        operationId: 'pulls/list',
        operation: 'pulls.list',
        status: 200
      })
    ])
  })
})
