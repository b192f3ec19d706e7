/**
 * Building and posting a review through the real Octokit (createOctokit) against the fake GitHub,
 * which checks every createReview against GitHub's REST description and refuses (422) an inline
 * comment on a line outside its file's hunks, as GitHub does.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub, type Pull } from '../fixtures/fake-github.mjs'
import { DiffIndex } from '../../src/github/diff-lines.js'
import { createOctokit, type GitHubClient } from '../../src/github/octokit.js'
import {
  FINDING_MARKER,
  MAX_BODY_CHARS,
  MAX_INLINE_COMMENTS,
  buildReview,
  escapeMarkdown,
  findingFingerprint,
  findingMarker,
  postReview,
  previousFindings,
  type BuildReviewOptions
} from '../../src/github/review.js'
import type { ReviewFinding } from '../../src/tools/review-comment.js'

const TOKEN = 'ghs_fake_token'
const repo = { owner: 'octo-org', repo: 'octo-repo' }

/** src/app.ts: new lines 1-5 (2 and 3 added, old 2 deleted) and 20-23 (21 added). */
const APP_PATCH = [
  '@@ -1,4 +1,5 @@',
  ' import { run } from "./run"',
  '-run()',
  '+const options = load()',
  '+run(options)',
  ' ',
  ' export {}',
  '@@ -18,3 +19,4 @@ function tail() {',
  ' a',
  '+b',
  ' c',
  ' d'
].join('\n')
const FILES = [
  { filename: 'src/app.ts', patch: APP_PATCH },
  { filename: 'docs/logo.png' } // binary: no patch, no commentable line
]

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

function openPull(files = FILES): Pull {
  return github.state.addPullRequest({ user: 'alice', files })
}

function finding(fields: Partial<ReviewFinding> & { line: number }): ReviewFinding {
  return { path: 'src/app.ts', side: 'RIGHT', body: 'A finding.', ...fields }
}

function build(options: Partial<BuildReviewOptions> & { findings: ReviewFinding[] }) {
  return buildReview({
    diff: new DiffIndex(FILES),
    summary: 'Looks mostly fine.',
    previous: new Set(),
    ...options
  })
}

async function post(pull: Pull, review: ReturnType<typeof buildReview>) {
  const posted = await postReview(octokit, {
    ...repo,
    pullNumber: pull.number,
    commitId: pull.head.sha,
    review
  })
  const stored = github.state.reviews.find(r => r.id === posted.id)
  const comments = github.state.reviewComments.filter(c => c.review_id === posted.id)
  return { posted, stored, comments }
}

describe('posting a review', () => {
  it('anchors findings in the diff and lists the others in the body, as a COMMENT review', async () => {
    const pull = openPull()
    const inDiff = finding({
      line: 3,
      body: 'Handle a missing config.',
      suggestion: 'run(options ?? {})'
    })
    const outside = finding({ line: 10, body: 'This helper is unused.' })
    const binary = finding({ path: 'docs/logo.png', line: 1, body: 'Too large.' })
    const review = build({ findings: [inDiff, outside, binary] })
    expect(review).toMatchObject({ inline: 1, inBody: 2, repeated: 0, omitted: 0 })

    const { posted, stored, comments } = await post(pull, review)
    expect(posted.movedAfterRejection).toBe(false)
    expect(posted.url).toMatch(
      /^https:\/\/github\.com\/octo-org\/octo-repo\/pull\/\d+#pullrequestreview-\d+$/
    )
    expect(stored).toMatchObject({ state: 'COMMENTED', commit_id: pull.head.sha })
    const request = github.requests.filter(r => r.operation === 'pulls.createReview').at(-1)
    expect((request?.body as { event?: unknown } | undefined)?.event).toBe('COMMENT')

    expect(comments.map(c => [c.path, c.line, c.side, c.start_line])).toEqual([
      ['src/app.ts', 3, 'RIGHT', null]
    ])
    expect(comments[0]?.body).toBe(
      'Handle a missing config.\n\n```suggestion\nrun(options ?? {})\n```\n\n' +
        findingMarker(findingFingerprint(inDiff))
    )
    const body = stored?.body ?? ''
    expect(body.startsWith('Looks mostly fine.\n\n### Findings outside the diff (2)\n\n')).toBe(
      true
    )
    expect(body).toContain(
      `**src/app\\.ts:10**\n\nThis helper is unused.\n\n${findingMarker(findingFingerprint(outside))}`
    )
    expect(body).toContain(`**docs/logo\\.png:1**\n\nToo large.`)
    expect(body).not.toContain('Handle a missing config.')
  })

  it('places a multi-line finding with start_line and start_side, and one on the old version', async () => {
    const pull = openPull()
    const range = finding({ startLine: 1, line: 4, body: 'Split this block.' })
    const old = finding({ line: 2, side: 'LEFT', body: 'The old call handled errors.' })
    const acrossHunks = finding({ startLine: 4, line: 20, body: 'Spans two hunks.' })
    const review = build({ findings: [range, old, acrossHunks] })
    expect(review).toMatchObject({ inline: 2, inBody: 1 })

    const { comments, stored } = await post(pull, review)
    expect(comments.map(c => [c.line, c.side, c.start_line, c.start_side])).toEqual([
      [4, 'RIGHT', 1, 'RIGHT'],
      [2, 'LEFT', null, null]
    ])
    expect(stored?.body).toContain('**src/app\\.ts:4-20**\n\nSpans two hunks.')
  })

  it('fences a suggestion that contains backticks with a longer fence', async () => {
    const pull = openPull()
    const suggestion = 'const doc = `\n```ts\ncode\n```\n`\n'
    const review = build({ findings: [finding({ line: 3, body: 'Quote it.', suggestion })] })
    const { comments } = await post(pull, review)
    expect(comments[0]?.body).toMatch(
      /^Quote it\.\n\n````suggestion\nconst doc = `\n```ts\ncode\n```\n`\n````\n\n<!-- claw:finding [0-9a-f]{12} -->$/
    )
  })

  it('shows a suggestion in the body as a plain code block', () => {
    const review = build({
      findings: [finding({ line: 12, body: 'Rename.', suggestion: 'const total = 0' })]
    })
    expect(review.body).toContain('Rename.\n\n```\nconst total = 0\n```\n\n<!-- claw:finding ')
    expect(review.body).not.toContain('```suggestion')
  })

  it('does not repeat findings of an earlier review after a new push', async () => {
    const pull = openPull()
    const first = [
      finding({ line: 3, body: 'Handle a missing config.' }),
      finding({ line: 10, body: 'This helper is unused.' })
    ]
    await post(pull, build({ findings: first }))

    const previous = await previousFindings(octokit, { ...repo, pullNumber: pull.number })
    expect(previous).toEqual(new Set(first.map(findingFingerprint)))

    // After the push the same findings sit on other lines, with the body re-wrapped.
    const second = [
      finding({ line: 2, body: 'Handle a missing\n  config.' }),
      finding({ line: 11, body: 'This helper is unused.' }),
      finding({ line: 21, body: 'A new problem.' })
    ]
    const review = build({ findings: second, previous })
    expect(review).toMatchObject({ inline: 1, inBody: 0, repeated: 2 })
    const { comments, stored } = await post(pull, review)
    expect(comments.map(c => c.body.split('\n')[0])).toEqual(['A new problem.'])
    expect(stored?.body).toBe(
      'Looks mostly fine.\n\n_2 findings from earlier reviews are not repeated._'
    )
  })

  it('reads markers only from bot accounts, and from the given authors when asked', async () => {
    const pull = openPull()
    const planted = finding({ line: 3, body: 'Planted.' })
    github.state.reviews.push({
      id: github.state.nextId(),
      pull_number: pull.number,
      body: `LGTM ${findingMarker(findingFingerprint(planted))}`,
      state: 'COMMENTED',
      commit_id: pull.head.sha,
      user: github.state.actor('mallory'),
      submitted_at: github.state.now()
    })
    const where = { ...repo, pullNumber: pull.number }
    // A person's copy of a marker silences nothing.
    expect(await previousFindings(octokit, where)).toEqual(new Set())
    github.state.reviews.at(-1)!.user = github.state.actor('other-app[bot]', 'Bot')
    expect(await previousFindings(octokit, where)).toEqual(new Set([findingFingerprint(planted)]))
    expect(await previousFindings(octokit, { ...where, authors: ['GitHub-Actions[bot]'] })).toEqual(
      new Set()
    )
  })

  it('moves every inline comment into the body when GitHub cannot resolve an anchor (422)', async () => {
    // GitHub's diff has moved on: line 3 is no longer in a hunk, though our index says it is.
    const pull = openPull([{ filename: 'src/app.ts', patch: '@@ -30,2 +30,3 @@\n x\n+y\n z' }])
    const anchored = finding({ line: 3, body: 'Handle a missing config.', suggestion: 'run({})' })
    const outside = finding({ line: 10, body: 'This helper is unused.' })
    const review = build({ findings: [anchored, outside] })
    expect(review.comments).toHaveLength(1)

    const before = github.requests.length
    const { posted, stored, comments } = await post(pull, review)
    expect(posted.movedAfterRejection).toBe(true)
    expect(
      github.requests
        .slice(before)
        .filter(r => r.operation === 'pulls.createReview')
        .map(r => r.status)
    ).toEqual([422, 200])
    expect(comments).toEqual([])
    const body = stored?.body ?? ''
    expect(body).toContain('### Findings (1)')
    expect(body).toContain(
      `**src/app\\.ts:3**\n\nHandle a missing config.\n\n\`\`\`\nrun({})\n\`\`\`\n\n${findingMarker(findingFingerprint(anchored))}`
    )
    expect(body).toContain('### Findings outside the diff (1)')
    // The markers are there, so a later review does not repeat these findings either.
    expect(await previousFindings(octokit, { ...repo, pullNumber: pull.number })).toEqual(
      new Set([anchored, outside].map(findingFingerprint))
    )
  })

  it('retries a scripted 422 once, and reports other failures in one clear line', async () => {
    const pull = openPull()
    const review = build({ findings: [finding({ line: 3 })] })
    github.fail('pulls.createReview', { status: 422, message: 'Validation Failed' })
    expect((await post(pull, review)).posted.movedAfterRejection).toBe(true)

    github.fail('pulls.createReview', { status: 422, times: 2, message: 'Validation Failed' })
    await expect(post(pull, review)).rejects.toThrow(
      /^GitHub rejected pulls\.createReview as invalid \(POST \/repos\/octo-org\/octo-repo\/pulls\/\d+\/reviews\): Validation Failed/
    )

    github.fail('pulls.createReview', { status: 403 })
    const before = github.requests.length
    await expect(post(pull, review)).rejects.toThrow(
      "the token lacks pull-requests: write for pulls.createReview; add it to the workflow's permissions"
    )
    // A 403 is not an anchor problem: no second attempt.
    expect(github.requests.slice(before).map(r => r.status)).toEqual([403])
  })
})

describe('review size limits', () => {
  it(`posts at most ${MAX_INLINE_COMMENTS} inline comments and lists the rest`, async () => {
    const pull = openPull()
    const findings = Array.from({ length: MAX_INLINE_COMMENTS + 5 }, (_, i) =>
      finding({ line: 3, body: `Finding ${i + 1}.` })
    )
    const review = build({ findings })
    expect(review).toMatchObject({ inline: MAX_INLINE_COMMENTS, inBody: 5, omitted: 0 })
    const { comments, stored } = await post(pull, review)
    expect(comments).toHaveLength(MAX_INLINE_COMMENTS)
    expect(stored?.body).toContain('### More findings (5)\n\nOnly 50 findings are posted inline')
    expect(stored?.body).toContain('Finding 55.')
  })

  it('cuts the body at the size limit, says how many findings are left out, and is accepted', async () => {
    const pull = openPull()
    const findings = Array.from({ length: 20 }, (_, i) =>
      finding({ line: 100 + i, body: `${i + 1}: ${'x'.repeat(7990)}` })
    )
    const review = build({
      findings,
      summary: 's'.repeat(30_000),
      footer: 'Made by claw in [this run](https://github.com/octo-org/octo-repo/actions/runs/1).'
    })
    expect(review.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS)
    expect(review.inBody + review.omitted).toBe(20)
    expect(review.omitted).toBeGreaterThan(0)
    expect(review.body).toContain('_(The summary is cut for length.)_')
    expect(review.body).toContain(
      `_${review.omitted} more findings are left out: the review body reached GitHub's size limit._`
    )
    expect(review.body.endsWith('/actions/runs/1).')).toBe(true)
    expect(review.fallbackBody.length).toBeLessThanOrEqual(MAX_BODY_CHARS)
    const { stored } = await post(pull, review)
    expect(stored?.body).toBe(review.body)
  })

  it('writes a default summary when the model wrote none', () => {
    expect(build({ findings: [], summary: '  \n' }).body).toBe('claw reviewed this pull request.')
  })
})

describe('text the model and the pull request control', () => {
  it('escapes Markdown in a path listed in the body', () => {
    const path = 'docs/[x](https://evil.example)<img src=x>*.md'
    const review = build({ findings: [finding({ path, line: 1 })] })
    expect(review.body).toContain(`**${escapeMarkdown(path)}:1**`)
    expect(escapeMarkdown(path)).toBe(
      'docs/\\[x\\]\\(https://evil\\.example\\)\\<img src=x\\>\\*\\.md'
    )
    expect(escapeMarkdown('a\nb')).toBe('a?b')
  })

  it('shows a finding marker written by the model as text, so it cannot silence a finding', () => {
    const fake = findingMarker('0123456789ab')
    const review = build({
      findings: [finding({ line: 3, body: `See ${fake}` }), finding({ line: 10, body: fake })],
      summary: `Summary ${fake}`
    })
    const all = [review.body, ...review.comments.map(c => c.body)].join('\n')
    expect(all).not.toContain(fake)
    expect(all).toContain('&lt;!-- claw:finding 0123456789ab -->')
    const found = [...all.matchAll(new RegExp(FINDING_MARKER.source, 'g'))].map(m => m[1])
    expect(found).toHaveLength(2)
    expect(found).not.toContain('0123456789ab')
  })

  it('fingerprints path, side, body and suggestion, not the line', () => {
    const base = finding({ line: 3, body: 'Same  text.' })
    const fingerprint = findingFingerprint(base)
    expect(fingerprint).toMatch(/^[0-9a-f]{12}$/)
    expect(findingFingerprint({ ...base, line: 9, startLine: 7 })).toBe(fingerprint)
    expect(findingFingerprint({ ...base, body: ' Same\ntext. ' })).toBe(fingerprint)
    for (const changed of [
      { ...base, path: 'src/b.ts' },
      { ...base, side: 'LEFT' as const },
      { ...base, body: 'Other text.' },
      { ...base, suggestion: 'x' },
      { ...base, suggestion: '' }
    ]) {
      expect(findingFingerprint(changed)).not.toBe(fingerprint)
    }
  })
})
