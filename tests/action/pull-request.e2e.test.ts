/**
 * claw on pull requests, end to end through the bundle: reviews (`pull_request` events and
 * `/claw review`), `/claw fix` on a pull request of this repository (pushed to its head, rebased
 * when the branch moved during the run) and on a fork's (offered as a patch and suggestions).
 *
 * Each run is `dist/index.js` spawned the way a runner does, on a payload built from GitHub's
 * published examples (tests/fixtures/payloads.ts), against the scripted model, the fake GitHub and
 * a real git remote over HTTP (tests/fixtures/event-harness.ts). The pull request adds
 * `src/clamp.js` to examples/demo/repo with a bug on its line 4.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Step } from '../fixtures/fake-anthropic.mjs'
import {
  endToEndAvailable,
  startEventHarness,
  type EventHarness
} from '../fixtures/event-harness.js'
import { issueComment, pullRequest } from '../fixtures/payloads.js'
import { BOT_MARKER } from '../../src/github/events.js'

const describeE2e = endToEndAvailable ? describe : describe.skip

const CLAMP = [
  '// Clamps a duration in milliseconds to the range [min, max].',
  'export function clampDuration(ms, min, max) {',
  "  if (min > max) throw new RangeError('min is greater than max')",
  '  return Math.min(min, Math.max(ms, max))',
  '}',
  ''
].join('\n')
const BUGGY_LINE = '  return Math.min(min, Math.max(ms, max))'
const FIXED_LINE = '  return Math.max(min, Math.min(ms, max))'

let nextId = 0
const use = (name: string, input: Record<string, unknown>) => ({
  type: 'tool_use' as const,
  id: `toolu_pr_${++nextId}`,
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

/** The review: one finding on the bug (in the diff, with a fix), one on a line outside it. */
function reviewSteps(): Step[] {
  return [
    reply(use('Read', { file_path: 'src/clamp.js' })),
    reply(
      use('ReviewComment', {
        file_path: 'src/clamp.js',
        line: 4,
        body: '`Math.min` and `Math.max` are swapped: every duration comes back as `min`.',
        suggestion: FIXED_LINE
      }),
      use('ReviewComment', {
        file_path: 'src/parse.js',
        line: 11,
        body: 'The unit alternation tries `m` before `ms`.'
      })
    ),
    reply(text('One bug in `clampDuration`; one older problem in the parser.'))
  ]
}

/** The fix on the pull request's head: read, edit the bug, summarise. */
function fixSteps(duringEdit?: () => void): (request: unknown, index: number) => Step | undefined {
  const steps = [
    reply(use('Read', { file_path: 'src/clamp.js' })),
    reply(
      use('Edit', { file_path: 'src/clamp.js', old_string: BUGGY_LINE, new_string: FIXED_LINE })
    ),
    reply(text('Swapped `Math.min` and `Math.max` in `clampDuration`.'))
  ]
  return (_request, index) => {
    if (index === 1) duringEdit?.()
    return steps[index]
  }
}

describeE2e('claw on pull requests, through the bundle', () => {
  let h: EventHarness

  afterEach(async () => {
    await h.close()
  })

  async function start(steps: Parameters<typeof startEventHarness>[0]['steps']) {
    h = await startEventHarness({ roles: { Codertocat: 'write' }, steps, artifacts: true })
    return h.openPullRequest({ files: { 'src/clamp.js': CLAMP }, title: 'Add clampDuration' })
  }

  it('reviews a new pull request inline, and does not repeat its findings after a push', async () => {
    const steps = [...reviewSteps(), ...reviewSteps()]
    const opened = await start(steps)
    const requestsBefore = h.github.requests.length
    const first = await h.run({
      eventName: 'pull_request',
      payload: pullRequest({
        action: 'opened',
        number: opened.number,
        headRef: 'feature-1',
        headSha: opened.headSha,
        baseSha: opened.baseSha
      })
    })
    expect(first.stdout.split('\n').filter(line => line.startsWith('::error::'))).toEqual([])
    expect(first.outputs).toMatchObject({ conclusion: 'success', task: 'review' })
    // The pull request, its files, reviews and review comments are read once each, shared by the
    // checkout, the diff index, the earlier findings and the context.
    const reads = h.github.requests
      .slice(requestsBefore)
      .map(request => request.operation)
      .filter(operation => operation?.startsWith('pulls.') && !operation.startsWith('pulls.create'))
    expect(reads.sort()).toEqual([
      'pulls.get',
      'pulls.listFiles',
      'pulls.listReviewComments',
      'pulls.listReviews'
    ])

    // ReviewComment was offered, and the diff reached the model fenced as data.
    const request = h.model.requests[0]?.body as { tools: { name: string }[] }
    expect(request.tools.map(tool => tool.name).sort()).toEqual([
      'Bash',
      'Glob',
      'Grep',
      'Read',
      'ReviewComment'
    ])
    expect(JSON.stringify(request)).toContain('untrusted-data')

    const review = h.github.state.reviews.at(-1)
    expect(String(review?.id)).toBe(first.outputs['review-id'])
    expect(review?.state).toBe('COMMENTED')
    expect(review?.commit_id).toBe(opened.headSha)
    expect(review?.body).toContain('One bug in `clampDuration`')
    // The finding outside the diff is in the body, with its place.
    expect(review?.body).toContain('src/parse\\.js')
    expect(review?.body).toContain('tries `m` before `ms`')
    const inline = h.github.state.reviewComments.filter(comment => comment.review_id === review?.id)
    expect(inline).toHaveLength(1)
    expect(inline[0]).toMatchObject({ path: 'src/clamp.js', line: 4, side: 'RIGHT' })
    expect(inline[0]?.body).toContain(`\`\`\`suggestion\n${FIXED_LINE}\n\`\`\``)
    expect(h.results?.artifacts.map(artifact => artifact.name)).toEqual([
      `claw-session-pr-${opened.number}`
    ])
    // A review changes nothing on the remote.
    expect(h.remoteLog('feature-1')[0]?.sha).toBe(opened.headSha)

    // A new push: the same findings are not posted again.
    const pushed = h.pushRemoteBranch('feature-1', {
      from: 'feature-1',
      files: { 'NOTES.md': 'Notes on clamping.\n' }
    })
    h.github.state.pull(opened.number)!.head.sha = pushed
    const second = await h.run({
      eventName: 'pull_request',
      payload: pullRequest({
        action: 'synchronize',
        number: opened.number,
        headRef: 'feature-1',
        headSha: pushed,
        baseSha: opened.baseSha
      })
    })
    expect(second.outputs).toMatchObject({ conclusion: 'success', task: 'review' })
    const again = h.github.state.reviews.at(-1)
    expect(again?.id).not.toBe(review?.id)
    expect(h.github.state.reviewComments.filter(c => c.review_id === again?.id)).toHaveLength(0)
    expect(again?.body).toContain('2 findings from earlier reviews are not repeated')
    expect(again?.body).not.toContain('tries `m` before `ms`')
  }, 180_000)

  it('reviews a very large pull request within its budget and names what it left out', async () => {
    h = await startEventHarness({ roles: { Codertocat: 'write' }, steps: reviewSteps() })
    // The bug, and a 30,000-line lock file that cannot fit the context budget.
    const lock = JSON.stringify(
      { packages: Object.fromEntries(Array.from({ length: 10_000 }, (_, n) => [`pkg-${n}`, n])) },
      null,
      2
    )
    const opened = h.openPullRequest({
      files: { 'src/clamp.js': CLAMP, 'package-lock.json': lock },
      title: 'Add clampDuration'
    })
    const result = await h.run({
      eventName: 'pull_request',
      payload: pullRequest({
        action: 'opened',
        number: opened.number,
        headRef: 'feature-1',
        headSha: opened.headSha,
        baseSha: opened.baseSha
      })
    })
    expect(result.outputs).toMatchObject({ conclusion: 'success', task: 'review' })
    // The first request stayed small: the lock file's diff was left out, and the model told so.
    const first = JSON.stringify(h.model.requests[0]?.body)
    expect(first.length).toBeLessThan(150_000)
    expect(first).toContain('return Math.min(min, Math.max(ms, max))')
    const review = h.github.state.reviews.at(-1)
    expect(review?.body).toContain('**Not reviewed**')
    expect(review?.body).toContain('package\\-lock\\.json')
  }, 120_000)

  it('reviews on a "/claw review" comment, with the review linked from the progress comment', async () => {
    const opened = await start(reviewSteps())
    const result = await h.run({
      eventName: 'issue_comment',
      payload: issueComment({
        body: '/claw review',
        issueNumber: opened.number,
        issueTitle: 'Add clampDuration',
        onPullRequest: true
      })
    })
    expect(result.outputs).toMatchObject({ conclusion: 'success', task: 'review' })
    expect(h.github.state.reviews).toHaveLength(1)
    const progress = h.github.state.comments.filter(c => c.issue_number === opened.number)
    expect(progress).toHaveLength(1)
    expect(progress[0]?.body).toContain(BOT_MARKER)
    expect(progress[0]?.body).toContain('Posted a review')
  }, 120_000)

  it('pushes a fix to the head branch of a pull request of this repository', async () => {
    const opened = await start(fixSteps())
    // The head's CI is red: a GitHub Actions check run (its id is the job's) with a log.
    const ci = h.github.state.addWorkflowRun({
      head_sha: opened.headSha,
      head_branch: 'feature-1',
      jobs: [{ name: 'test', conclusion: 'failure', log: 'not ok 1 - clamps 5 into [1, 3]\n' }]
    })
    const check = h.github.state.addCheckRun({
      name: 'test',
      head_sha: opened.headSha,
      status: 'completed',
      conclusion: 'failure'
    })
    check.id = ci.jobs[0]?.id ?? check.id
    const result = await h.run({
      eventName: 'issue_comment',
      payload: issueComment({
        body: '/claw fix the clamping',
        issueNumber: opened.number,
        issueTitle: 'Add clampDuration',
        onPullRequest: true
      })
    })
    expect(result.stdout.split('\n').filter(line => line.startsWith('::error::'))).toEqual([])
    expect(result.outputs).toMatchObject({
      conclusion: 'success',
      task: 'fix',
      branch: 'feature-1'
    })
    // The failed check's log reached the model, fenced as data.
    const firstRequest = JSON.stringify(h.model.requests[0]?.body)
    expect(firstRequest).toContain('Logs of the failed checks')
    expect(firstRequest).toContain('not ok 1 - clamps 5 into [1, 3]')
    const log = h.remoteLog('feature-1')
    expect(log[0]?.parents).toEqual([opened.headSha])
    expect(log[0]?.message).toMatch(/^Co-authored-by: Codertocat </m)
    expect(h.remoteGit('show', 'feature-1:src/clamp.js')).toContain(FIXED_LINE)
    // No new pull request: the fix is on the existing one.
    expect(h.github.state.pulls).toHaveLength(1)
  }, 120_000)

  it('rebases its commit when the head branch moved during the run, keeping the other push', async () => {
    let moved = ''
    const opened = await start(
      fixSteps(() => {
        moved = h.pushRemoteBranch('feature-1', {
          from: 'feature-1',
          files: { 'NOTES.md': 'Pushed by a person while claw worked.\n' }
        })
      })
    )
    const result = await h.run({
      eventName: 'issue_comment',
      payload: issueComment({
        body: '/claw fix',
        issueNumber: opened.number,
        issueTitle: 'Add clampDuration',
        onPullRequest: true
      })
    })
    expect(result.outputs).toMatchObject({ conclusion: 'success', task: 'fix' })
    const log = h.remoteLog('feature-1')
    // The person's commit stays, claw's sits on top of it: never a force push.
    expect(moved).not.toBe('')
    expect(log[0]?.parents).toEqual([moved])
    expect(h.remoteGit('show', 'feature-1:NOTES.md')).toContain('Pushed by a person')
    expect(h.remoteGit('show', 'feature-1:src/clamp.js')).toContain(FIXED_LINE)
    const progress = h.github.state.comments.find(c => c.issue_number === opened.number)
    expect(progress?.body).toContain('after rebasing')
  }, 120_000)

  it('offers the fix to a fork as a patch and a suggestion, pushing nothing', async () => {
    const opened = await start(fixSteps())
    // The head lives in a fork: GitHub keeps it as refs/pull/<n>/head in this repository.
    h.remoteGit('update-ref', `refs/pull/${opened.number}/head`, opened.headSha)
    h.remoteGit('update-ref', '-d', 'refs/heads/feature-1')
    h.github.state.pull(opened.number)!.head.repository = 'forker/octo-repo'
    const before = h.remoteGit('for-each-ref', '--format=%(refname) %(objectname)')

    const result = await h.run({
      eventName: 'issue_comment',
      payload: issueComment({
        body: '/claw fix',
        issueNumber: opened.number,
        issueTitle: 'Add clampDuration',
        onPullRequest: true
      })
    })
    expect(result.outputs).toMatchObject({ conclusion: 'success', task: 'fix' })
    expect(h.remoteGit('for-each-ref', '--format=%(refname) %(objectname)')).toBe(before)

    // The patch, complete, in a comment: it applies with git am on the fork's head.
    const patchComment = h.github.state.comments.find(
      c => c.issue_number === opened.number && c.body.includes('git am')
    )
    expect(patchComment?.body).toContain(`-${BUGGY_LINE}`)
    expect(patchComment?.body).toContain(`+${FIXED_LINE}`)
    const patch = /```+diff\n([\s\S]*?)\n```+/.exec(patchComment?.body ?? '')?.[1] ?? ''
    const check = join(h.root, 'fork-check')
    h.git(h.root, 'clone', '-q', h.remote, check)
    h.git(check, 'checkout', '-q', opened.headSha)
    writeFileSync(join(h.root, 'claw.patch'), `${patch}\n`)
    h.git(check, 'am', '-q', join(h.root, 'claw.patch'))
    expect(readFileSync(join(check, 'src/clamp.js'), 'utf8')).toContain(FIXED_LINE)

    // And the one-line change as a suggestion the author can apply.
    const suggestion = h.github.state.reviewComments.find(c => c.path === 'src/clamp.js')
    expect(suggestion?.line).toBe(4)
    expect(suggestion?.body).toContain(`\`\`\`suggestion\n${FIXED_LINE}\n\`\`\``)
  }, 120_000)
})
