/**
 * What the model reads about the issue or pull request a run is about: title, body, the
 * conversation and, for a pull request, CI status, the changed files, their diffs and the review
 * comments, all within a token budget.
 *
 * Everything here was written by someone other than the maintainer who triggered the run, so each
 * piece is sanitised and fenced as data (`fenceAsData`); only the triggering comment carries
 * instructions, and it is left out here (the caller sends it as the request). Comments created or
 * edited after the trigger are left out too (`filterCommentsBefore`): the maintainer never saw
 * them, and an edit after the trigger is the easiest way to slip an injection into a run.
 *
 * Text we write ourselves (headings, the "left out" line, notes on cuts) never quotes untrusted
 * text: fence labels hold only numbers, logins and timestamps, and file paths, which a pull
 * request's author chooses freely, appear only inside fences.
 *
 * Tokens are estimated as UTF-8 bytes / 4 (rounded up): close to real tokenisers for English and
 * code, pessimistic for most other text, and needs no tokenizer. Each piece is measured as
 * rendered (fence and escapes included), so the whole text stays within the budget unless the
 * budget cannot even hold the title and headings.
 */
import { describeGitHubError, type GitHubClient } from './octokit.js'
import { ThreadReads } from './reads.js'
import { fenceAsData, filterCommentsBefore, sanitizeUntrusted } from './sanitize.js'

/** The comment that started the run: it and everything written or edited after it are left out. */
export interface ContextTrigger {
  /** When the triggering comment was created (ISO 8601). */
  createdAt: string
  /** Its id, so that it is left out even when timestamps tie. */
  id?: number
}

export interface ContextRequest {
  owner: string
  repo: string
  /** The issue or pull request number. */
  number: number
  /** Absent when the run was not started by a comment (an issue opened, a label added). */
  trigger?: ContextTrigger
  /** The most tokens `text` may take (estimated as bytes / 4). */
  budgetTokens: number
  /** The run's shared reads (made once, maybe started already); default: reads of its own. */
  reads?: ThreadReads
}

export interface GatheredContext {
  /** Ready for the prompt: fenced data with our headings, ending with what was left out. */
  text: string
  /**
   * What was left out for size, one entry each (`37 older comments`, `the diff of
   * package-lock.json`). File paths here are untrusted: escape them before rendering as Markdown.
   */
  omitted: string[]
  /** The estimate for `text` (bytes / 4). */
  tokens: number
}

/** Bytes per token in the estimate. */
const BYTES_PER_TOKEN = 4

/** The estimated token count of a text: its UTF-8 bytes / 4, rounded up. */
export function estimateTokens(text: string): number {
  return Math.ceil(byteLength(text) / BYTES_PER_TOKEN)
}

/**
 * Kept back for the closing "Left out for size" line, which quotes only counts (never untrusted
 * text), so its length is bounded.
 */
const OMISSION_RESERVE_BYTES = 480
/** Pieces are joined by a blank line. */
const SEPARATOR = '\n\n'
/** The share of the budget the body may take before it is cut (an issue's body matters more). */
const ISSUE_BODY_SHARE = 0.5
const PULL_BODY_SHARE = 0.25
/** No one comment or review comment may take more than this share of the budget. */
const COMMENT_SHARE = 0.2
/** For pull requests: first-pass shares of what is left after title, body, CI and file list. */
const PULL_COMMENTS_SHARE = 0.2
const PULL_REVIEW_SHARE = 0.25
/** The changed-files list (a short line a file) may take this share; later names are left out. */
const FILE_LIST_SHARE = 0.25
const DIFF_LEFT_OUT_MARK = ' [diff left out for size]'
const NO_DIFF_MARK = ' [no diff from GitHub: binary or too large]'

/**
 * Lockfiles, minified and generated files, vendored and built directories: their diffs are long
 * and say little about the change, so they come after every other file.
 */
const GENERATED_PATTERNS: RegExp[] = [
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?)$/,
  /(^|\/)(Cargo\.lock|Gemfile\.lock|composer\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|go\.sum|flake\.lock|packages\.lock\.json)$/,
  /\.lock$/,
  /\.min\.(js|mjs|cjs|css)$/,
  /\.(map|snap)$/,
  /(^|\/)(dist|build|out|vendor|node_modules|third_party|__generated__)\//,
  /[._-]generated\.[^/]+$/,
  /\.pb\.go$/
]

/** Whether a path looks like a lockfile or generated output (ranked after source files). */
export function isGeneratedPath(path: string): boolean {
  return GENERATED_PATTERNS.some(pattern => pattern.test(path))
}

/** The issue (or the issue half of a pull request) with its conversation. */
export async function gatherIssueContext(
  octokit: GitHubClient,
  request: ContextRequest
): Promise<GatheredContext> {
  const { number } = request
  const reads = readsFor(octokit, request)
  const [issue, comments] = await Promise.all([
    call('issues.get', () => reads.issue(number)),
    listComments(reads, request)
  ])

  const budget = new Budget(request.budgetTokens)
  const omitted: string[] = []
  const head = [`# Issue #${number}`, fenceAsData(`issue #${number} title`, issue.title)]
  head.forEach(piece => budget.take(piece))
  const body = fitBody(`issue #${number} body`, issue.body ?? '', budget, ISSUE_BODY_SHARE)
  if (body.omitted) omitted.push(body.omitted)

  const conversation = renderComments(comments.kept, budget.total * COMMENT_SHARE)
  const keptComments = fillNewestFirst(conversation, 0, budget, budget.remaining)
  if (keptComments < conversation.length) {
    omitted.push(count(conversation.length - keptComments, 'older comment'))
  }

  const sections = [...head, ...body.pieces]
  if (conversation.length > 0) {
    sections.push(
      `## Comments (${keptComments} of ${conversation.length}, oldest first)`,
      ...conversation.slice(conversation.length - keptComments).map(piece => piece.text)
    )
  }
  return finish(sections, comments.afterTrigger, omitted, [])
}

/** The pull request: its conversation, CI status, changed files, diff and reviews. */
export async function gatherPullRequestContext(
  octokit: GitHubClient,
  request: ContextRequest
): Promise<GatheredContext> {
  const { owner, repo, number } = request
  const reads = readsFor(octokit, request)
  // Everything but the checks is started at once: only they need the pull request's head.
  const reading = Promise.all([
    listComments(reads, request),
    call('pulls.listFiles', () => reads.pullFiles(number)),
    listReviews(reads, request)
  ])
  // Awaited below, after the pull request: a failure here must not go unhandled meanwhile.
  reading.catch(() => {})
  const pull = await call('pulls.get', () => reads.pull(number))
  const checks = await readChecks(octokit, owner, repo, pull.head.sha)
  const [comments, files, reviews] = await reading

  const budget = new Budget(request.budgetTokens)
  const omitted: string[] = []
  const notes: string[] = []
  const head = [
    `# Pull request #${number}`,
    fenceAsData(`pull request #${number} title`, pull.title),
    fenceAsData(
      `pull request #${number} branches`,
      `${pull.head.ref} → ${pull.base.ref} (${pull.state}${pull.draft ? ', draft' : ''})`
    )
  ]
  head.forEach(piece => budget.take(piece))
  const body = fitBody(`pull request #${number} body`, pull.body ?? '', budget, PULL_BODY_SHARE)
  if (body.omitted) omitted.push(body.omitted)

  const ci = ['## CI status for the head commit', checks]
  ci.forEach(piece => budget.take(piece))

  // The file list is rendered after the diffs are chosen (it marks the ones left out), so room
  // for it is taken now with every line carrying the longer mark.
  const listed = listedFiles(files, budget.total * FILE_LIST_SHARE, budget.remaining)
  budget.take(renderFileList(number, files.slice(0, listed), () => DIFF_LEFT_OUT_MARK))
  budget.take(`## Changed files (${files.length})`)
  if (listed < files.length) {
    const text = `the names of ${count(files.length - listed, 'changed file')}`
    omitted.push(text)
    notes.push(text)
  }

  const conversation = renderComments(comments.kept, budget.total * COMMENT_SHARE)
  const reviewPieces = renderReviews(reviews.kept, budget.total * COMMENT_SHARE)
  const diffs = files.map((file, index) =>
    file.patch === undefined
      ? undefined
      : {
          text: fenceAsData(
            `pull request #${number} diff, file ${index + 1} of ${files.length}`,
            `${file.filename}\n${file.patch}`
          ),
          file
        }
  )
  const withDiff = diffs.filter(diff => diff !== undefined).length
  // Headings with their largest counts, so the real ones cannot be longer.
  budget.take(`## Diff (${withDiff} of ${withDiff} files)`)
  budget.take(`## Review comments (${reviewPieces.length} of ${reviewPieces.length}, oldest first)`)
  budget.take(
    `## Conversation (${conversation.length} of ${conversation.length} comments, oldest first)`
  )

  // First pass: comments and review comments get a share each, the diff the rest; second pass:
  // what the diff left goes back to review comments, then comments.
  const room = budget.remaining
  let keptReviews = fillNewestFirst(reviewPieces, 0, budget, room * PULL_REVIEW_SHARE)
  let keptComments = fillNewestFirst(conversation, 0, budget, room * PULL_COMMENTS_SHARE)
  const keptDiffs = new Set<number>()
  for (const index of rankFiles(files)) {
    const diff = diffs[index]
    if (diff && budget.fits(diff.text)) {
      budget.take(diff.text)
      keptDiffs.add(index)
    }
  }
  keptReviews = fillNewestFirst(reviewPieces, keptReviews, budget, budget.remaining)
  keptComments = fillNewestFirst(conversation, keptComments, budget, budget.remaining)

  const leftOutDiffs = files.filter((_file, index) => diffs[index] && !keptDiffs.has(index))
  if (leftOutDiffs.length > 0) {
    omitted.push(...leftOutDiffs.map(file => `the diff of ${sanitizeUntrusted(file.filename)}`))
    notes.push(
      `the diff of ${count(leftOutDiffs.length, 'file')} (marked "${DIFF_LEFT_OUT_MARK.trim()}" in the changed-files list)`
    )
  }
  if (keptReviews < reviewPieces.length) {
    const text = count(reviewPieces.length - keptReviews, 'older review comment')
    omitted.push(text)
    notes.push(text)
  }
  if (keptComments < conversation.length) {
    const text = count(conversation.length - keptComments, 'older comment')
    omitted.push(text)
    notes.push(text)
  }

  const sections = [...head, ...body.pieces, ...ci, `## Changed files (${files.length})`]
  if (files.length > 0) {
    sections.push(
      renderFileList(number, files.slice(0, listed), (file, index) =>
        file.patch === undefined ? NO_DIFF_MARK : keptDiffs.has(index) ? '' : DIFF_LEFT_OUT_MARK
      )
    )
  }
  if (withDiff > 0) {
    sections.push(
      `## Diff (${keptDiffs.size} of ${withDiff} files)`,
      ...diffs.flatMap((diff, index) => (diff && keptDiffs.has(index) ? [diff.text] : []))
    )
  }
  if (reviewPieces.length > 0) {
    sections.push(
      `## Review comments (${keptReviews} of ${reviewPieces.length}, oldest first)`,
      ...reviewPieces.slice(reviewPieces.length - keptReviews).map(piece => piece.text)
    )
  }
  if (conversation.length > 0) {
    sections.push(
      `## Conversation (${keptComments} of ${conversation.length} comments, oldest first)`,
      ...conversation.slice(conversation.length - keptComments).map(piece => piece.text)
    )
  }
  // The body note comes first in the line, as the body comes first in the text.
  const bodyNote = body.omitted ? [body.omitted] : []
  return finish(sections, comments.afterTrigger + reviews.afterTrigger, omitted, [
    ...bodyNote,
    ...notes
  ])
}

interface Piece {
  text: string
}

/** Room left in a budget, in bytes. */
class Budget {
  readonly total: number
  remaining: number
  constructor(tokens: number) {
    this.total = Math.max(0, Math.floor(tokens)) * BYTES_PER_TOKEN
    this.remaining = this.total - OMISSION_RESERVE_BYTES
  }
  static cost(text: string): number {
    return byteLength(text) + SEPARATOR.length
  }
  fits(text: string): boolean {
    return Budget.cost(text) <= this.remaining
  }
  take(text: string): void {
    this.remaining -= Budget.cost(text)
  }
}

/**
 * Keeps items from the newest backwards, starting after the `already` newest ones, while they fit
 * in `limit` bytes and the budget; stops at the first that does not, so that what is kept is
 * always the latest stretch of the conversation. Returns how many of the newest are kept.
 */
function fillNewestFirst(
  items: readonly Piece[],
  already: number,
  budget: Budget,
  limit: number
): number {
  let kept = already
  let used = 0
  while (kept < items.length) {
    const item = items[items.length - 1 - kept]
    if (!item || Budget.cost(item.text) + used > limit || !budget.fits(item.text)) break
    used += Budget.cost(item.text)
    budget.take(item.text)
    kept++
  }
  return kept
}

/**
 * The body, fenced, cut to `share` of the budget (and what is left of it) with a note after the
 * fence saying how much was cut. The title and headings are taken first and always kept.
 */
function fitBody(
  label: string,
  raw: string,
  budget: Budget,
  share: number
): { pieces: string[]; omitted?: string } {
  const text = sanitizeUntrusted(raw)
  if (text.trim() === '') {
    const piece = '(The body is empty.)'
    budget.take(piece)
    return { pieces: [piece] }
  }
  const limit = Math.min(budget.total * share, budget.remaining)
  const whole = fenceAsData(label, text)
  if (Budget.cost(whole) <= limit) {
    budget.take(whole)
    return { pieces: [whole] }
  }
  const fitted = fitFenced(label, text, limit - 160)
  const omittedChars = [...text].length - [...fitted.kept].length
  const omitted = `the last ${groupThousands(omittedChars)} characters of the body`
  const note = `(The body above is cut for size: ${omitted} are left out.)`
  const pieces = fitted.kept === '' ? [] : [fitted.text]
  pieces.push(note)
  pieces.forEach(piece => budget.take(piece))
  return { pieces, omitted }
}

/**
 * Fences the longest start of `text` whose fenced form fits in `maxBytes`. Measured after fencing,
 * because escaping look-alike fence tags makes the fenced text longer than the input.
 */
function fitFenced(label: string, text: string, maxBytes: number): { text: string; kept: string } {
  let allowed = Math.max(0, maxBytes - byteLength(fenceAsData(label, '')) - SEPARATOR.length)
  for (;;) {
    const kept = cutToBytes(text, allowed)
    const fenced = fenceAsData(label, kept)
    const over = Budget.cost(fenced) - maxBytes
    if (over <= 0 || kept === '') return { text: fenced, kept }
    allowed = Math.max(0, allowed - over)
  }
}

/** The longest start of `text` of at most `maxBytes` UTF-8 bytes, not splitting a character. */
function cutToBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text
  const bytes = Buffer.from(text, 'utf8').subarray(0, Math.max(0, maxBytes))
  return bytes.toString('utf8').replace(/\uFFFD+$/, '')
}

interface ListedComment {
  id: number
  body?: string | null
  user: { login: string } | null
  created_at: string
  updated_at: string
}

/** All issue comments (every page), without the trigger and what came after it. */
async function listComments(
  reads: ThreadReads,
  request: ContextRequest
): Promise<{ kept: ListedComment[]; afterTrigger: number }> {
  const all = await call('issues.listComments', () => reads.issueComments(request.number))
  return beforeTrigger(all, request.trigger, chronological)
}

type Reviewed =
  { kind: 'comment'; comment: ReviewCommentLike } | { kind: 'review'; review: ReviewLike }

interface ReviewCommentLike {
  id: number
  body: string
  path: string
  line?: number | null
  original_line?: number | null
  user: { login: string } | null
  created_at: string
  updated_at: string
}

interface ReviewLike {
  id: number
  body: string
  state: string
  user: { login: string } | null
  submitted_at?: string
}

/** Review comments and the bodies of reviews that have one, oldest first, before the trigger. */
async function listReviews(
  reads: ThreadReads,
  request: ContextRequest
): Promise<{ kept: Reviewed[]; afterTrigger: number }> {
  const [comments, reviews] = await Promise.all([
    call('pulls.listReviewComments', () => reads.reviewComments(request.number)),
    call('pulls.listReviews', () => reads.reviews(request.number))
  ])
  const keptComments = beforeTrigger(comments, request.trigger, chronological)
  const withBody = reviews.filter(review => review.body.trim() !== '' && review.state !== 'PENDING')
  // A review has no `updated_at`: its body can be edited without a trace, a gap the REST API
  // leaves open; submission time is the best there is.
  const keptReviews = beforeTrigger(withBody, request.trigger, (a, b) =>
    (a.submitted_at ?? '').localeCompare(b.submitted_at ?? '')
  )
  const merged: { at: string; item: Reviewed }[] = [
    ...keptComments.kept.map(comment => ({
      at: comment.created_at,
      item: { kind: 'comment', comment } as const
    })),
    ...keptReviews.kept.map(review => ({
      at: review.submitted_at ?? '',
      item: { kind: 'review', review } as const
    }))
  ]
  merged.sort((a, b) => a.at.localeCompare(b.at))
  return {
    kept: merged.map(entry => entry.item),
    afterTrigger: keptComments.afterTrigger + keptReviews.afterTrigger
  }
}

function beforeTrigger<T extends { id: number }>(
  items: T[],
  trigger: ContextTrigger | undefined,
  order: (a: T, b: T) => number
): { kept: T[]; afterTrigger: number } {
  const kept = (trigger ? filterCommentsBefore(items, trigger) : [...items]).sort(order)
  // The trigger comment itself is not "after" it: it is the request, sent elsewhere.
  const dropped = items.filter(item => !kept.includes(item) && item.id !== trigger?.id)
  return { kept, afterTrigger: dropped.length }
}

function chronological(
  a: { created_at: string; id: number },
  b: { created_at: string; id: number }
): number {
  return a.created_at.localeCompare(b.created_at) || a.id - b.id
}

/** One fenced piece per comment, each cut to `maxBytes` with a note after it. */
function renderComments(comments: readonly ListedComment[], maxBytes: number): Piece[] {
  return comments.map(comment => {
    const edited = comment.updated_at !== comment.created_at ? `, edited ${comment.updated_at}` : ''
    const label = `comment ${comment.id} by @${login(comment.user)}, ${comment.created_at}${edited}`
    return { text: fencedWithCut(label, comment.body ?? '', maxBytes, 'comment') }
  })
}

function renderReviews(items: readonly Reviewed[], maxBytes: number): Piece[] {
  return items.map(item => {
    if (item.kind === 'review') {
      const { review } = item
      const label = `review ${review.id} by @${login(review.user)} (${review.state}), ${review.submitted_at ?? 'unknown time'}`
      return { text: fencedWithCut(label, review.body, maxBytes, 'review') }
    }
    const { comment } = item
    const label = `review comment ${comment.id} by @${login(comment.user)}, ${comment.created_at}`
    // The path is the pull request author's choice: it goes inside the fence, not in the label.
    const line = comment.line ?? comment.original_line
    const where = `On ${comment.path}${line ? ` line ${line}` : ''}:\n`
    return { text: fencedWithCut(label, where + comment.body, maxBytes, 'review comment') }
  })
}

function fencedWithCut(label: string, raw: string, maxBytes: number, what: string): string {
  const text = sanitizeUntrusted(raw)
  const whole = fenceAsData(label, text)
  if (Budget.cost(whole) <= maxBytes) return whole
  const fitted = fitFenced(label, text, maxBytes - 120)
  const cut = [...text].length - [...fitted.kept].length
  return `${fitted.text}\n(The ${what} above is cut for size: its last ${groupThousands(cut)} characters are left out.)`
}

/** Logins are `[A-Za-z0-9-]` (plus `[bot]`), safe for a label; anything else is replaced. */
function login(user: { login: string } | null): string {
  const name = user?.login ?? 'ghost'
  return /^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$/.test(name) ? name : 'unknown-user'
}

interface ChangedFile {
  filename: string
  status: string
  additions: number
  deletions: number
  previous_filename?: string
  patch?: string
}

/**
 * The order in which diffs are kept: source before lockfiles and generated files, then larger
 * changes first (the heart of a change is usually where most lines moved), then GitHub's order.
 * A diff that does not fit is skipped and smaller ones after it may still go in.
 */
function rankFiles(files: readonly ChangedFile[]): number[] {
  return files
    .map((file, index) => ({
      index,
      generated: isGeneratedPath(file.filename),
      size: file.additions + file.deletions
    }))
    .sort(
      (a, b) => Number(a.generated) - Number(b.generated) || b.size - a.size || a.index - b.index
    )
    .map(entry => entry.index)
}

function fileLine(file: ChangedFile): string {
  const renamed = file.previous_filename ? ` (from ${file.previous_filename})` : ''
  return `${file.filename}${renamed} (${file.status}, +${file.additions} -${file.deletions})`
}

function renderFileList(
  number: number,
  files: readonly ChangedFile[],
  mark: (file: ChangedFile, index: number) => string
): string {
  return fenceAsData(
    `pull request #${number} changed files`,
    files.map((file, index) => fileLine(file) + mark(file, index)).join('\n')
  )
}

/** How many files of the list fit in `share` bytes (with the longer mark on every line). */
function listedFiles(files: readonly ChangedFile[], share: number, remaining: number): number {
  const limit = Math.min(share, remaining)
  let bytes = byteLength(fenceAsData('pull request #0000000 changed files', ''))
  let listed = 0
  for (const file of files) {
    bytes += byteLength(sanitizeUntrusted(fileLine(file)) + DIFF_LEFT_OUT_MARK) + 8
    if (bytes > limit) break
    listed++
  }
  return listed
}

/** CI status of the head commit as a fenced block (check names come from the pull request). */
async function readChecks(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  ref: string
): Promise<string> {
  try {
    const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
      owner,
      repo,
      ref,
      per_page: 100
    })
    if (runs.length === 0) return '(No check runs on the head commit.)'
    const lines = runs.map(run => `${run.name}: ${run.conclusion ?? run.status}`)
    return fenceAsData('check runs on the head commit', lines.join('\n'))
  } catch (error) {
    // CI status helps but is not needed: a token without `checks: read` still gets a context.
    return `(CI status could not be read: ${describeGitHubError(error, 'checks.listForRef')}.)`
  }
}

/** Joins the sections and adds the lines on what is not shown. */
function finish(
  sections: string[],
  afterTrigger: number,
  omitted: string[],
  notes: string[]
): GatheredContext {
  const closing: string[] = []
  if (afterTrigger > 0) {
    closing.push(
      `Not shown: ${count(afterTrigger, 'comment')} created or edited after the run was requested.`
    )
  }
  const leftOut = notes.length > 0 ? notes : omitted
  if (leftOut.length > 0) closing.push(`Left out for size: ${leftOut.join('; ')}.`)
  const text = [...sections, ...closing].join(SEPARATOR)
  return { text, omitted, tokens: estimateTokens(text) }
}

function count(n: number, noun: string): string {
  return `${groupThousands(n)} ${noun}${n === 1 ? '' : 's'}`
}

/**
 * `12,345`, as `toLocaleString('en-US')` writes it, without the ICU locale data that the first
 * `toLocaleString` loads (about 10 ms, on the way to the first model request).
 */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** The run's shared reads, or reads of this request's own. */
function readsFor(octokit: GitHubClient, request: ContextRequest): ThreadReads {
  return request.reads ?? new ThreadReads(octokit, request.owner, request.repo)
}

/**
 * Runs one request, turning a failure into an error that says which call failed and what to do
 * (for instance the missing permission).
 */
async function call<T>(operation: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    throw new Error(describeGitHubError(error, operation), { cause: error })
  }
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
