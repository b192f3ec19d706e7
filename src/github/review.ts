/**
 * Posting a run's findings as one pull request review. Every review is `COMMENT`: claw never
 * approves nor requests changes, so its review can neither unblock a merge nor block one.
 *
 * Findings on lines the diff shows become inline comments; the rest (and those over the inline
 * cap) are listed in the review body, so GitHub's refusal of one anchor never loses the others.
 * Each finding carries a marker with its fingerprint; after a new push the next review reads the
 * markers of earlier reviews and does not repeat their findings.
 */
import { createHash } from 'node:crypto'
import type { ReviewFinding } from '../tools/review-comment.js'
import type { DiffIndex } from './diff-lines.js'
import { describeGitHubError, type GitHubClient } from './octokit.js'
import { ThreadReads } from './reads.js'

/** `<!-- claw:finding <12 hex> -->`; invisible once rendered, and read back by `previousFindings`. */
export const FINDING_MARKER = /<!-- claw:finding ([0-9a-f]{12}) -->/

/** GitHub's limit on a review body and on a comment body is 65,536 characters; stay under it. */
export const MAX_BODY_CHARS = 65_000
/** Inline comments per review; more are listed in the body (a wall of comments helps no one). */
export const MAX_INLINE_COMMENTS = 50
/** The model's summary is cut here, so that the findings moved to the body keep their room. */
export const MAX_SUMMARY_CHARS = 20_000

const DEFAULT_SUMMARY = 'claw reviewed this pull request.'

export function findingMarker(fingerprint: string): string {
  return `<!-- claw:finding ${fingerprint} -->`
}

/**
 * What identifies a finding across pushes: its file, side, text and suggestion, but not its line
 * numbers, which shift whenever code above it changes. Whitespace in the body is normalised so
 * that a re-wrapped paragraph is still the same finding.
 */
export function findingFingerprint(finding: ReviewFinding): string {
  const body = finding.body.trim().replace(/\s+/g, ' ')
  const suggestion = finding.suggestion === undefined ? '-' : `+${finding.suggestion}`
  return createHash('sha256')
    .update([finding.path, finding.side, body, suggestion].join('\0'))
    .digest('hex')
    .slice(0, 12)
}

export interface ReviewCommentDraft {
  path: string
  line: number
  side: 'RIGHT' | 'LEFT'
  start_line?: number
  start_side?: 'RIGHT' | 'LEFT'
  body: string
}

export interface BuiltReview {
  /** The review body: summary, findings that are not inline, footer. */
  body: string
  comments: ReviewCommentDraft[]
  /** Findings posted as inline comments. */
  inline: number
  /** Findings listed in the body (outside the diff, or over the inline cap). */
  inBody: number
  /** Findings dropped because an earlier review made them. */
  repeated: number
  /** Findings left out because the body reached GitHub's size limit. */
  omitted: number
  /** The body with every finding in it and no inline comment, for when GitHub refuses an anchor. */
  fallbackBody: string
}

export interface BuildReviewOptions {
  findings: readonly ReviewFinding[]
  diff: Pick<DiffIndex, 'isInDiff'>
  /** The model's final message; empty gives a default line. */
  summary: string
  /** Fingerprints of findings earlier reviews made (`previousFindings`). */
  previous: ReadonlySet<string>
  /** Markdown after everything else, e.g. a link to the run. */
  footer?: string
}

interface Placed {
  finding: ReviewFinding
  fingerprint: string
}

interface BodyGroup {
  heading: string
  note: string
  items: Placed[]
}

export function buildReview(options: BuildReviewOptions): BuiltReview {
  let repeated = 0
  const inline: Placed[] = []
  const outside: Placed[] = []
  const overflow: Placed[] = []
  for (const finding of options.findings) {
    const fingerprint = findingFingerprint(finding)
    if (options.previous.has(fingerprint)) {
      repeated++
      continue
    }
    const placed = { finding, fingerprint }
    const start = finding.startLine ?? finding.line
    if (!options.diff.isInDiff(finding.path, finding.side, start, finding.line)) {
      outside.push(placed)
    } else if (inline.length >= MAX_INLINE_COMMENTS || inlineBody(placed).length > MAX_BODY_CHARS) {
      overflow.push(placed)
    } else {
      inline.push(placed)
    }
  }

  const summary = cutSummary(options.summary)
  const closing = [
    ...(repeated > 0
      ? [
          repeated === 1
            ? '_1 finding from an earlier review is not repeated._'
            : `_${repeated} findings from earlier reviews are not repeated._`
        ]
      : []),
    ...(options.footer !== undefined && options.footer.trim() !== '' ? [options.footer] : [])
  ]
  const outsideGroup: BodyGroup = {
    heading: 'Findings outside the diff',
    note: "These lines are not in the pull request's diff, so they cannot carry an inline comment.",
    items: outside
  }
  const overflowGroup: BodyGroup = {
    heading: 'More findings',
    note: `Only ${MAX_INLINE_COMMENTS} findings are posted inline; these follow here.`,
    items: overflow
  }
  const main = composeBody(summary, [outsideGroup, overflowGroup], closing)
  const fallback = composeBody(
    summary,
    [
      {
        heading: 'Findings',
        note: 'GitHub could not place these on the diff, so they are listed here.',
        items: [...inline, ...overflow]
      },
      outsideGroup
    ],
    closing
  )
  return {
    body: main.body,
    comments: inline.map(placed => inlineComment(placed)),
    inline: inline.length,
    inBody: main.shown,
    repeated,
    omitted: main.omitted,
    fallbackBody: fallback.body
  }
}

function inlineComment(placed: Placed): ReviewCommentDraft {
  const { finding } = placed
  const comment: ReviewCommentDraft = {
    path: finding.path,
    line: finding.line,
    side: finding.side,
    body: inlineBody(placed)
  }
  // GitHub refuses a start_line equal to line: a one-line range is a single-line comment.
  if (finding.startLine !== undefined && finding.startLine < finding.line) {
    comment.start_line = finding.startLine
    comment.start_side = finding.side
  }
  return comment
}

function inlineBody({ finding, fingerprint }: Placed): string {
  const parts = [neutraliseMarkers(finding.body.trim())]
  if (finding.suggestion !== undefined) {
    // Only the new version's lines can be replaced; a LEFT suggestion is shown as plain code.
    parts.push(fenced(finding.suggestion, finding.side === 'RIGHT' ? 'suggestion' : ''))
  }
  parts.push(findingMarker(fingerprint))
  return parts.join('\n\n')
}

function bodyEntry({ finding, fingerprint }: Placed): string {
  const start = finding.startLine ?? finding.line
  const lines = start < finding.line ? `${start}-${finding.line}` : `${finding.line}`
  const version = finding.side === 'LEFT' ? ' (old version)' : ''
  const parts = [
    `**${escapeMarkdown(finding.path)}:${lines}**${version}`,
    neutraliseMarkers(finding.body.trim())
  ]
  // Outside a review comment a ```suggestion block cannot be applied: show the text as code.
  if (finding.suggestion !== undefined) parts.push(fenced(finding.suggestion, ''))
  parts.push(findingMarker(fingerprint))
  return parts.join('\n\n')
}

/**
 * Summary, groups of findings and closing lines, within MAX_BODY_CHARS: findings are added in
 * order while they fit, and a line counts those that do not.
 */
function composeBody(
  summary: string,
  groups: readonly BodyGroup[],
  closing: readonly string[]
): { body: string; shown: number; omitted: number } {
  const SEPARATOR = '\n\n'
  const tail = closing.join(SEPARATOR)
  // Room kept for the "left out" line and separators.
  const reserve = 200 + tail.length
  const pieces = [summary]
  let length = summary.length
  let shown = 0
  let omitted = 0
  for (const group of groups) {
    if (group.items.length === 0) continue
    const heading = `### ${group.heading} (${group.items.length})${SEPARATOR}${group.note}`
    let headed = false
    for (const item of group.items) {
      const entry = bodyEntry(item)
      const cost =
        (headed ? 0 : heading.length + SEPARATOR.length) + entry.length + SEPARATOR.length
      if (omitted > 0 || length + cost + reserve > MAX_BODY_CHARS) {
        omitted++
        continue
      }
      if (!headed) {
        pieces.push(heading)
        headed = true
      }
      pieces.push(entry)
      length += cost
      shown++
    }
  }
  if (omitted > 0) {
    pieces.push(
      `_${omitted === 1 ? '1 more finding is' : `${omitted} more findings are`} left out: ` +
        "the review body reached GitHub's size limit._"
    )
  }
  if (tail !== '') pieces.push(tail)
  let body = pieces.join(SEPARATOR)
  // Only a footer longer than the limit could get here; GitHub would refuse the whole review.
  if (body.length > MAX_BODY_CHARS) body = `${body.slice(0, MAX_BODY_CHARS - 1)}…`
  return { body, shown, omitted }
}

function cutSummary(summary: string): string {
  const text = neutraliseMarkers(summary.trim())
  if (text === '') return DEFAULT_SUMMARY
  if (text.length <= MAX_SUMMARY_CHARS) return text
  return `${text.slice(0, MAX_SUMMARY_CHARS)}…\n\n_(The summary is cut for length.)_`
}

/**
 * A code block whose fence is longer than any run of backticks in the text, so that code with
 * its own fences (a Markdown file, a template literal) cannot close the block early.
 */
function fenced(text: string, info: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map(match => match[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  // Empty text deletes the lines. Otherwise it is their whole new content: one final newline is
  // the end of the last line, not an extra empty line.
  if (text === '') return `${fence}${info}\n${fence}`
  return `${fence}${info}\n${text.replace(/\r?\n$/, '')}\n${fence}`
}

/**
 * Markdown punctuation in a path (chosen by the pull request's author) is escaped, so that a file
 * named `[x](https://evil)` or `<img ...>` shows as its name and not as a link or HTML.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what is replaced
      .replace(/[\u0000-\u001f\u007f]/g, '?')
      .replace(/[\\`*_{}[\]()#+\-.!|<>~&"]/g, match => `\\${match}`)
  )
}

/**
 * A marker written by the model (quoted from a comment, or planted by a prompt injection) would
 * make `previousFindings` suppress a later finding and mark text as claw's own; it is shown as
 * text instead.
 */
function neutraliseMarkers(text: string): string {
  return text.replace(/<!--(\s*claw:)/gi, '&lt;!--$1')
}

export interface PullRequestRef {
  owner: string
  repo: string
  pullNumber: number
}

/**
 * Fingerprints of the findings earlier reviews of the pull request made, from the markers in
 * review comments and review bodies.
 *
 * @param request.authors when given, only comments and reviews by these logins count (compared
 *   case-insensitively), so that nobody else can silence a finding by posting its marker
 */
export async function previousFindings(
  octokit: GitHubClient,
  request: PullRequestRef & {
    authors?: readonly string[]
    /** The run's shared reads (the context reads the same reviews); default: reads of its own. */
    reads?: ThreadReads
  }
): Promise<Set<string>> {
  const reads = request.reads ?? new ThreadReads(octokit, request.owner, request.repo)
  const [comments, reviews] = await Promise.all([
    call('pulls.listReviewComments', () => reads.reviewComments(request.pullNumber)),
    call('pulls.listReviews', () => reads.reviews(request.pullNumber))
  ])
  const authors = request.authors?.map(login => login.toLowerCase())
  // Only a bot account's markers count (claw posts as github-actions[bot] or an app): a person
  // copying a marker into a comment must not be able to silence a finding.
  const counts = (user: { login: string; type?: string } | null): boolean =>
    user !== null &&
    user.type === 'Bot' &&
    (authors === undefined || authors.includes(user.login.toLowerCase()))
  const found = new Set<string>()
  const pattern = new RegExp(FINDING_MARKER.source, 'g')
  for (const item of [...comments, ...reviews]) {
    if (!counts(item.user) || typeof item.body !== 'string') continue
    for (const match of item.body.matchAll(pattern)) {
      if (match[1] !== undefined) found.add(match[1])
    }
  }
  return found
}

export interface PostedReview {
  id: number
  url: string
  /** GitHub refused an inline anchor, so every finding went into the body of a second attempt. */
  movedAfterRejection: boolean
}

/**
 * Posts the review on `commitId` (the head the agent read, so that lines match even if the
 * pull request moved on since). A 422 means GitHub could not resolve an anchor (the diff changed
 * under us, or our reading of it differs from GitHub's): the review is posted once more with
 * every finding in the body, so nothing the agent found is lost.
 */
export async function postReview(
  octokit: GitHubClient,
  request: PullRequestRef & { commitId: string; review: BuiltReview }
): Promise<PostedReview> {
  const base = {
    owner: request.owner,
    repo: request.repo,
    pull_number: request.pullNumber,
    commit_id: request.commitId,
    event: 'COMMENT' as const
  }
  const { review } = request
  try {
    const response = await octokit.rest.pulls.createReview({
      ...base,
      body: review.body,
      ...(review.comments.length > 0 ? { comments: review.comments } : {})
    })
    return { id: response.data.id, url: response.data.html_url, movedAfterRejection: false }
  } catch (error) {
    if (statusOf(error) !== 422 || review.comments.length === 0) {
      throw new Error(describeGitHubError(error, 'pulls.createReview'), { cause: error })
    }
  }
  const response = await call('pulls.createReview', () =>
    octokit.rest.pulls.createReview({ ...base, body: review.fallbackBody })
  )
  return { id: response.data.id, url: response.data.html_url, movedAfterRejection: true }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

async function call<T>(operation: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    throw new Error(describeGitHubError(error, operation), { cause: error })
  }
}
