/**
 * A fix for a pull request from a fork, offered instead of pushed: the job's token cannot push to
 * the fork's branch, so claw's commits go into a comment as a patch (`renderPatchComment`) and
 * the small changes also become ```` ```suggestion ```` blocks the author applies with one click
 * (`suggestionsFromDiff`). Pure: text in, text out, no network and no git.
 *
 * The patch is the complete offer; suggestions are a convenience on top, so whenever a change
 * cannot be expressed exactly as "replace lines s..e of the pull request with this text" (a new,
 * deleted, renamed or binary file, an insertion at the top of a file, a change to the newline at
 * the end of a file or to CRLF lines) it is left to the patch rather than approximated.
 *
 * The callers must produce the inputs with these git invocations (claw's `Git` adds
 * `core.quotePath=true`; quoted paths are decoded here either way):
 *
 *     git format-patch --stdout --binary --no-signature --no-ext-diff --no-textconv \
 *       --end-of-options <base>..HEAD                                   (renderPatchComment)
 *     git diff --no-color --no-ext-diff --no-textconv --unified=1 \
 *       --src-prefix=a/ --dst-prefix=b/ --end-of-options <pr-head-sha> HEAD   (suggestionsFromDiff)
 *
 * The diff needs at least one line of context (`--unified=1` or more): an insertion after line n
 * is suggested as "line n, then the new lines", and only the context line says what line n is.
 * `--src-prefix`/`--dst-prefix` override a `diff.noprefix` or `diff.mnemonicPrefix` in the
 * repository's config, which would otherwise change the `a/` and `b/` the paths are read with.
 */

/** One suggested change: replace lines `startLine..line` of the pull request's head with text. */
export interface Suggestion {
  /** The file, relative to the repository root, as GitHub names it (not quoted). */
  path: string
  /** The last line replaced, numbered in the pull request's head. */
  line: number
  /** The first line replaced, when more than one. */
  startLine?: number
  /** Always the pull request's head: that is where the lines replaced are numbered. */
  side: 'RIGHT'
  /** One sentence shown above the suggestion. */
  body: string
  /**
   * The replacement lines joined by `\n`, without a final newline; the empty string deletes the
   * lines. Render it with `suggestionBlock`, which keeps an empty suggestion empty.
   */
  suggestion: string
}

export interface PatchCommentOptions {
  /** `git format-patch --stdout --binary` output (see the file comment). */
  patch: string
  /** The pull request's head branch, on the fork. */
  headRef: string
  /** `owner/repo` of the fork; undefined when the fork was deleted. */
  headRepository: string | undefined
  /** Why claw could not push, as the end of a sentence ("the pull request comes from a fork"). */
  reason: string
  /** The most characters the rendered Markdown may take (default `MAX_PATCH_COMMENT_CHARS`). */
  maxChars?: number
  /** The workflow run's page, whose session artifact holds the whole patch. */
  runUrl: string
}

export interface SuggestionOptions {
  /** The most lines a suggestion may replace, and the most it may suggest (default 20). */
  maxLines?: number
  /** The most suggestions returned, in diff order (default 20). */
  maxSuggestions?: number
}

/**
 * GitHub refuses a comment body over 65,536 characters; the default leaves room for the marker
 * and whatever the caller adds around the patch.
 */
export const MAX_PATCH_COMMENT_CHARS = 50_000
export const MAX_SUGGESTION_LINES = 20
export const MAX_SUGGESTIONS = 20

/** The file name the instructions tell the author to save the patch as. */
const PATCH_FILE = 'claw.patch'

/**
 * The comment offering `patch`: why claw could not push, how to apply the patch with `git am`,
 * and the patch itself in a collapsed ```` ```diff ```` block no line of it can close. When that
 * would exceed `maxChars`, the patch is left out entirely (a truncated patch would look whole and
 * fail half-way, or worse, apply half) and the comment lists the files it changes and points to
 * the run, whose session artifact holds all of it.
 */
export function renderPatchComment(options: PatchCommentOptions): string {
  const maxChars = options.maxChars ?? MAX_PATCH_COMMENT_CHARS
  const files = changedFiles(options.patch)
  const commits = countCommits(options.patch)
  // `git am` strips a carriage return at the end of each line unless told not to, and the
  // patch's CRLF lines would then no longer match the files it changes.
  const hasCarriageReturn = options.patch.includes('\r')
  const am = hasCarriageReturn ? `git am --keep-cr ${PATCH_FILE}` : `git am ${PATCH_FILE}`
  const branch = codeSpan(options.headRef)
  const where =
    options.headRepository === undefined
      ? branch
      : `${branch} of ${codeSpan(options.headRepository)}`
  const why = `claw could not push its commits to ${where}: ${endSentence(inlineText(options.reason))}`
  const apply = `save it as \`${PATCH_FILE}\`, then, on a checkout of ${branch}, run \`${am}\` and push.`
  const carriageReturns = hasCarriageReturn
    ? [
        '',
        `The patch changes lines that end in CRLF; a browser's copy may drop the carriage returns, so if \`git am\` fails, take the patch from the session artifact of [this run](${safeUrl(options.runUrl)}).`
      ]
    : []
  const totals = describeTotals(commits, files)

  const full = [
    why,
    `To apply the fix, open the patch below, ${apply}`,
    ...carriageReturns,
    '',
    `<details><summary>${PATCH_FILE}${totals === '' ? '' : `: ${totals}`}</summary>`,
    '',
    fenced(options.patch, 'diff'),
    '',
    '</details>'
  ].join('\n')
  if (full.length <= maxChars) return full

  const head = [
    why,
    `The patch (${totals === '' ? '' : `${totals}, `}${options.patch.length.toLocaleString('en-US')} characters) is too long for a comment, so it is not shown here: the whole patch is in the session artifact of [this run](${safeUrl(options.runUrl)}). To apply the fix, ${apply}`
  ]
  if (files.length === 0) return head.join('\n')
  head.push('', 'The files it changes:', '')
  const lines: string[] = []
  let length = head.join('\n').length
  for (const [index, file] of files.entries()) {
    const item = `- ${describeFile(file)}`
    const left = files.length - index - 1
    // Room for this item and, if any remain, the line that counts them.
    const reserve = left > 0 ? `\n- …and ${left.toLocaleString('en-US')} more files`.length : 0
    if (length + 1 + item.length + reserve > maxChars) {
      lines.push(`- …and ${(files.length - index).toLocaleString('en-US')} more files`)
      break
    }
    lines.push(item)
    length += 1 + item.length
  }
  return [...head, ...lines].join('\n')
}

/**
 * The suggestions for the small changes of `diff`, which must be
 * `git diff --unified=1 <pr-head-sha> HEAD` (see the file comment): its old side is the pull
 * request's head, the lines GitHub shows on the RIGHT. Each run of changed lines becomes one
 * suggestion replacing old lines s..e with the new ones:
 *
 * - a modification or deletion of old lines s..e is anchored on s..e;
 * - an insertion after old line n is anchored on line n and suggests line n (taken from the
 *   diff's context line) followed by the inserted lines; with no context line before it (a
 *   `--unified=0` diff) it is skipped;
 * - an insertion at the top of a file, a new, deleted, renamed, copied or binary file, a symlink
 *   or submodule, a change to whether the file ends in a newline, and a change touching a line
 *   with a carriage return are skipped: the patch carries them, and a suggestion (which GitHub
 *   applies as plain lines) would not reproduce them exactly;
 * - a suggestion is kept only when it replaces and suggests at most `maxLines` lines each and
 *   `isInDiff(path, 'RIGHT', s, e)` says GitHub will accept a comment on those lines.
 *
 * At most `maxSuggestions` are returned, in diff order.
 */
export function suggestionsFromDiff(
  diff: string,
  isInDiff: (path: string, side: 'RIGHT', startLine: number, line: number) => boolean,
  options: SuggestionOptions = {}
): Suggestion[] {
  const maxLines = options.maxLines ?? MAX_SUGGESTION_LINES
  const maxSuggestions = options.maxSuggestions ?? MAX_SUGGESTIONS
  const suggestions: Suggestion[] = []
  for (const file of parseDiff(diff)) {
    const path = suggestablePath(file)
    if (path === undefined) continue
    for (const hunk of file.hunks) {
      for (const change of changesOf(hunk)) {
        if (suggestions.length >= maxSuggestions) return suggestions
        const suggestion = suggest(path, change, maxLines)
        if (suggestion === undefined) continue
        if (!isInDiff(path, 'RIGHT', suggestion.startLine ?? suggestion.line, suggestion.line)) {
          continue
        }
        suggestions.push(suggestion)
      }
    }
  }
  return suggestions
}

/**
 * The review comment's Markdown for `suggestion`: its sentence, then the ```` ```suggestion ````
 * block, fenced longer than any backtick run in the text. An empty suggestion stays an empty
 * block, which GitHub applies as deleting the lines (a block holding one empty line would replace
 * them with a blank line instead).
 */
export function suggestionBlock(suggestion: Pick<Suggestion, 'body' | 'suggestion'>): string {
  const marks = fenceFor(suggestion.suggestion)
  const content = suggestion.suggestion === '' ? '' : `${suggestion.suggestion}\n`
  return `${suggestion.body}\n\n${marks}suggestion\n${content}${marks}`
}

// ---------------------------------------------------------------------------------------------
// The unified diff, as git writes it.

/** One line of a hunk, without its leading `+`, `-` or space. */
interface HunkLine {
  kind: ' ' | '-' | '+'
  text: string
  /** Followed by `\ No newline at end of file`: the last line of its side, with no newline. */
  noNewline: boolean
}

interface Hunk {
  oldStart: number
  oldCount: number
  lines: HunkLine[]
}

/** One `diff --git` section. Paths are decoded and have their `a/` or `b/` prefix removed. */
interface FileDiff {
  /** The two paths of the `diff --git` line, when they could be told apart. */
  headerOld?: string
  headerNew?: string
  /** From `--- ` and `+++ `: null for /dev/null, undefined when absent or without the prefix. */
  oldPath?: string | null
  newPath?: string | null
  renameFrom?: string
  renameTo?: string
  copied: boolean
  created: boolean
  deleted: boolean
  binary: boolean
  /** A symlink or a submodule: its "lines" are a link target or a commit id. */
  special: boolean
  hunks: Hunk[]
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/
/** The first line of each commit in `git format-patch` output (a fixed, fake mbox date). */
const MAIL_START = /^From [0-9a-f]{40,64} Mon Sep 17 00:00:00 2001$/
const SPECIAL_MODES = /\b(?:120000|160000)\b/

/**
 * Reads every file section of a `git diff` or `git format-patch` text. Each hunk is read by its
 * header's counts, so a changed line that looks like a header (`--- x`, `diff --git`) is never
 * taken for one; in format-patch output the commit message is skipped up to its `---` line, as
 * `git am` does, so a message quoting a diff is not read as one.
 */
function parseDiff(text: string): FileDiff[] {
  const lines = text.split('\n')
  const files: FileDiff[] = []
  let file: FileDiff | undefined
  let inMessage = false
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (MAIL_START.test(line)) {
      inMessage = true
      file = undefined
      continue
    }
    if (inMessage) {
      if (line === '---') inMessage = false
      continue
    }
    if (line.startsWith('diff --git ')) {
      file = startFile(line.slice('diff --git '.length))
      files.push(file)
      continue
    }
    if (file === undefined) continue
    const header = HUNK_HEADER.exec(line)
    if (header) {
      const hunk: Hunk = {
        oldStart: Number(header[1]),
        oldCount: header[2] === undefined ? 1 : Number(header[2]),
        lines: []
      }
      const newCount = header[4] === undefined ? 1 : Number(header[4])
      index = readHunk(lines, index + 1, hunk, newCount) - 1
      file.hunks.push(hunk)
      continue
    }
    // After its hunks, anything but another hunk or file ends the section (the next commit's
    // mail, a signature).
    if (file.hunks.length > 0) {
      file = undefined
      continue
    }
    readExtendedHeader(file, line)
  }
  return files
}

function startFile(rest: string): FileDiff {
  const file: FileDiff = {
    copied: false,
    created: false,
    deleted: false,
    binary: false,
    special: false,
    hunks: []
  }
  const paths = splitHeaderPaths(rest)
  if (paths !== undefined) {
    file.headerOld = stripPrefix(paths[0], 'a/')
    file.headerNew = stripPrefix(paths[1], 'b/')
  }
  return file
}

function readExtendedHeader(file: FileDiff, line: string): void {
  if (line.startsWith('--- ')) file.oldPath = sidePath(line.slice(4), 'a/')
  else if (line.startsWith('+++ ')) file.newPath = sidePath(line.slice(4), 'b/')
  else if (line.startsWith('rename from ')) file.renameFrom = plainPath(line.slice(12))
  else if (line.startsWith('rename to ')) file.renameTo = plainPath(line.slice(10))
  else if (line.startsWith('copy from ')) {
    file.copied = true
    file.renameFrom = plainPath(line.slice(10))
  } else if (line.startsWith('copy to ')) {
    file.copied = true
    file.renameTo = plainPath(line.slice(8))
  } else if (line.startsWith('new file mode ')) {
    file.created = true
    file.special ||= SPECIAL_MODES.test(line)
  } else if (line.startsWith('deleted file mode ')) {
    file.deleted = true
    file.special ||= SPECIAL_MODES.test(line)
  } else if (
    line.startsWith('old mode ') ||
    line.startsWith('new mode ') ||
    line.startsWith('index ')
  ) {
    file.special ||= SPECIAL_MODES.test(line)
  } else if (line === 'GIT binary patch' || line.startsWith('Binary files ')) {
    file.binary = true
  }
}

/**
 * Reads a hunk's lines from `start` until both sides' counts are used up, then a trailing
 * `\ No newline at end of file`. Returns the index of the first line not read. An empty line is
 * a context line whose space was dropped (`diff.suppressBlankEmpty`).
 */
function readHunk(lines: string[], start: number, hunk: Hunk, newCount: number): number {
  let oldLeft = hunk.oldCount
  let newLeft = newCount
  let index = start
  const take = (line: HunkLine): void => {
    hunk.lines.push(line)
    index++
  }
  while (index < lines.length) {
    const line = lines[index] ?? ''
    const kind = line[0]
    if (kind === '\\') {
      const previous = hunk.lines.at(-1)
      if (previous !== undefined) previous.noNewline = true
      index++
      continue
    }
    if (oldLeft <= 0 && newLeft <= 0) break
    if ((kind === ' ' || kind === undefined) && oldLeft > 0 && newLeft > 0) {
      oldLeft--
      newLeft--
      take({ kind: ' ', text: line.slice(1), noNewline: false })
    } else if (kind === '-' && oldLeft > 0) {
      oldLeft--
      take({ kind: '-', text: line.slice(1), noNewline: false })
    } else if (kind === '+' && newLeft > 0) {
      newLeft--
      take({ kind: '+', text: line.slice(1), noNewline: false })
    } else {
      break // a malformed or cut hunk: keep what was read
    }
  }
  return index
}

/**
 * The two paths of `diff --git <a> <b>`. Git quotes a path holding a quote, a backslash, a
 * control character or (with `core.quotePath`) a non-ASCII byte, but not a space: `a/x y b/x y`
 * is split in the middle, which is where it splits unless the file was renamed, and then the
 * `rename from`/`rename to` lines say the paths.
 */
function splitHeaderPaths(rest: string): [string, string] | undefined {
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0)
    if (first === undefined || rest[first.end] !== ' ') return undefined
    const second = plainPath(rest.slice(first.end + 1))
    return second === undefined ? undefined : [first.value, second]
  }
  // An unquoted path holds no `"`, so ` "` starts the second, quoted one.
  const quoted = rest.indexOf(' "')
  if (quoted >= 0) {
    const second = plainPath(rest.slice(quoted + 1))
    return second === undefined ? undefined : [rest.slice(0, quoted), second]
  }
  if (rest.length % 2 === 1) {
    const half = (rest.length - 1) / 2
    const first = rest.slice(0, half)
    const second = rest.slice(half + 1)
    if (rest[half] === ' ' && first.slice(2) === second.slice(2)) return [first, second]
  }
  const split = rest.indexOf(' b/')
  return split < 0 ? undefined : [rest.slice(0, split), rest.slice(split + 1)]
}

/**
 * The path of a `--- ` or `+++ ` line: null for /dev/null, undefined when it lacks the expected
 * prefix (a diff made without `--src-prefix`/`--dst-prefix` under `diff.noprefix`). Git ends the
 * line with a tab when the path holds a space, quoted or not, for GNU patch's sake.
 */
function sidePath(value: string, prefix: string): string | null | undefined {
  if (value === '/dev/null') return null
  // A tab in a path is quoted as `\t`, so a raw one is never part of it.
  const path = plainPath(value.replace(/\t$/, ''))
  return path === undefined || !path.startsWith(prefix) ? undefined : path.slice(prefix.length)
}

/** A path as git prints it after `rename from` and the like: quoted or as is. */
function plainPath(value: string): string | undefined {
  if (!value.startsWith('"')) return value
  const quoted = readQuoted(value, 0)
  return quoted !== undefined && quoted.end === value.length ? quoted.value : undefined
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path
}

const ESCAPES: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  '"': 34,
  '\\': 92
}

/**
 * A C-style quoted string starting at `start` (git's `quote_c_style`): octal escapes are bytes of
 * the UTF-8 path. Returns the decoded text and the index after the closing quote.
 */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const bytes: number[] = []
  const encoder = new TextEncoder()
  let index = start + 1
  while (index < text.length) {
    const character = text[index] ?? ''
    if (character === '"') {
      return { value: new TextDecoder().decode(new Uint8Array(bytes)), end: index + 1 }
    }
    if (character === '\\') {
      const octal = /^[0-7]{1,3}/.exec(text.slice(index + 1, index + 4))
      if (octal !== null) {
        bytes.push(parseInt(octal[0], 8) & 0xff)
        index += 1 + octal[0].length
        continue
      }
      const escaped = ESCAPES[text[index + 1] ?? '']
      if (escaped === undefined) return undefined
      bytes.push(escaped)
      index += 2
      continue
    }
    const codePoint = text.codePointAt(index) ?? 0
    const whole = String.fromCodePoint(codePoint)
    bytes.push(...encoder.encode(whole))
    index += whole.length
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Suggestions.

/** A run of changed lines between context lines. */
interface Change {
  /** The first old line removed, or for an insertion the old line it comes before. */
  oldStart: number
  removed: HunkLine[]
  added: HunkLine[]
  /** The context line right before the run, numbered `oldStart - 1`. */
  before?: HunkLine
}

/** The path a suggestion can be made on, or undefined when the file's change is not one. */
function suggestablePath(file: FileDiff): string | undefined {
  if (file.created || file.deleted || file.copied || file.binary || file.special) return undefined
  if (file.renameFrom !== undefined || file.renameTo !== undefined) return undefined
  const { oldPath, newPath } = file
  if (typeof oldPath !== 'string' || oldPath !== newPath) return undefined
  // A path the header disagrees with was misread somewhere: better no suggestion than one on
  // the wrong file.
  if (file.headerOld !== undefined && file.headerOld !== oldPath) return undefined
  return oldPath
}

function changesOf(hunk: Hunk): Change[] {
  const changes: Change[] = []
  // An empty old side (`-5,0`) means the hunk comes after line 5.
  let oldLine = hunk.oldCount === 0 ? hunk.oldStart + 1 : hunk.oldStart
  let before: HunkLine | undefined
  let current: Change | undefined
  for (const line of hunk.lines) {
    if (line.kind === ' ') {
      current = undefined
      before = line
      oldLine++
      continue
    }
    if (current === undefined) {
      current = { oldStart: oldLine, removed: [], added: [], ...(before ? { before } : {}) }
      changes.push(current)
    }
    if (line.kind === '-') {
      current.removed.push(line)
      oldLine++
    } else {
      current.added.push(line)
    }
  }
  return changes
}

function suggest(path: string, change: Change, maxLines: number): Suggestion | undefined {
  const { removed, added } = change
  if (removed.length > maxLines || added.length > maxLines) return undefined
  // "No newline at end of file" on one side only: the change is that newline, which a
  // suggestion (a list of lines) cannot express.
  if (removed.some(line => line.noNewline) !== added.some(line => line.noNewline)) return undefined
  const touched = [
    ...removed,
    ...added,
    ...(removed.length === 0 && change.before ? [change.before] : [])
  ]
  // Whether GitHub keeps a CR through a suggestion is not documented; lines it turned into LF
  // would leave the file with mixed endings. The patch keeps them exactly.
  if (touched.some(line => line.text.includes('\r'))) return undefined

  let first: number
  let last: number
  let replacement: string[]
  if (removed.length > 0) {
    first = change.oldStart
    last = change.oldStart + removed.length - 1
    replacement = added.map(line => line.text)
    // One blank line would read as an empty suggestion, which deletes: the patch has it.
    if (replacement.length === 1 && replacement[0] === '') return undefined
  } else {
    // An insertion at the top has no line before it to anchor on; a diff without context
    // does not say what that line holds.
    if (change.oldStart <= 1 || change.before === undefined) return undefined
    first = change.oldStart - 1
    last = first
    replacement = [change.before.text, ...added.map(line => line.text)]
  }
  const suggestion = replacement.join('\n')
  if (removed.length > 0 && suggestion === removed.map(line => line.text).join('\n')) {
    return undefined
  }
  const several = last > first
  const body =
    replacement.length === 0
      ? `claw's fix deletes ${several ? 'these lines' : 'this line'}:`
      : `claw's fix for ${several ? 'these lines' : 'this line'}:`
  return {
    path,
    line: last,
    ...(several ? { startLine: first } : {}),
    side: 'RIGHT',
    body,
    suggestion
  }
}

// ---------------------------------------------------------------------------------------------
// The comment.

/** What one file of the patch does, summed over its commits. */
interface ChangedFile {
  path: string
  from?: string
  added: number
  removed: number
  binary: boolean
  created: boolean
  deleted: boolean
}

function changedFiles(patch: string): ChangedFile[] {
  const byPath = new Map<string, ChangedFile>()
  for (const file of parseDiff(patch)) {
    const renamed = file.renameTo !== undefined
    const path =
      file.renameTo ??
      (typeof file.newPath === 'string' ? file.newPath : undefined) ??
      (typeof file.oldPath === 'string' ? file.oldPath : undefined) ??
      file.headerNew ??
      file.headerOld ??
      '(unknown path)'
    const entry = byPath.get(path) ?? {
      path,
      added: 0,
      removed: 0,
      binary: false,
      created: false,
      deleted: false
    }
    if (renamed && file.renameFrom !== undefined) entry.from = file.renameFrom
    for (const hunk of file.hunks) {
      for (const line of hunk.lines) {
        if (line.kind === '+') entry.added++
        else if (line.kind === '-') entry.removed++
      }
    }
    entry.binary ||= file.binary
    entry.created ||= file.created
    entry.deleted ||= file.deleted
    byPath.set(path, entry)
  }
  return [...byPath.values()]
}

function countCommits(patch: string): number {
  return patch.split('\n').filter(line => MAIL_START.test(line)).length
}

function describeTotals(commits: number, files: ChangedFile[]): string {
  const parts: string[] = []
  if (commits > 0) parts.push(plural(commits, 'commit'))
  if (files.length > 0) {
    const added = files.reduce((sum, file) => sum + file.added, 0)
    const removed = files.reduce((sum, file) => sum + file.removed, 0)
    parts.push(`${plural(files.length, 'file')} changed (+${count(added)} −${count(removed)})`)
  }
  return parts.join(', ')
}

function describeFile(file: ChangedFile): string {
  const name =
    file.from === undefined
      ? codeSpan(file.path)
      : `${codeSpan(file.from)} → ${codeSpan(file.path)}`
  const what: string[] = []
  if (file.created) what.push('new')
  if (file.deleted) what.push('deleted')
  if (file.from !== undefined) what.push('renamed')
  if (file.binary) what.push('binary')
  else what.push(`+${count(file.added)} −${count(file.removed)}`)
  return `${name} (${what.join(', ')})`
}

function plural(value: number, noun: string): string {
  return `${count(value)} ${noun}${value === 1 ? '' : 's'}`
}

function count(value: number): string {
  return value.toLocaleString('en-US')
}

/** The fence for a code block holding `content`: longer than any backtick run in it. */
function fenceFor(content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map(run => run.length))
  return '`'.repeat(Math.max(3, longest + 1))
}

/**
 * A fenced block holding `content` exactly: the one newline ending it is the line break before
 * the closing fence, so what a reader copies out (plus that newline) is the patch.
 */
function fenced(content: string, info: string): string {
  const marks = fenceFor(content)
  const body = content.endsWith('\n') ? content.slice(0, -1) : content
  return `${marks}${info}\n${body}\n${marks}`
}

/**
 * Characters a name from the fork's owner could hide behind: controls, format characters
 * (zero-width, bidirectional overrides — "Trojan Source"), private use, line separators.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/gu

/** Hidden characters shown as `\u{…}`, so that a branch name reads as what it is. */
function reveal(text: string): string {
  return text.replace(
    HIDDEN,
    character => `\\u{${(character.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`
  )
}

/**
 * A code span holding `text` as is: no Markdown, HTML, link or mention inside it is acted on,
 * and its delimiters are one backtick longer than any run of backticks in the text, so the text
 * cannot close it. Branch names come from the fork's owner, who chooses them freely.
 */
function codeSpan(text: string): string {
  const flat = reveal(text)
  if (flat === '') return '` `'
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length))
  const marks = '`'.repeat(longest + 1)
  // A code span drops one space from each end when both have one, and a backtick at an end
  // would run into the delimiters: a space on each side keeps the text as it is.
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : ''
  return `${marks}${pad}${flat}${pad}${marks}`
}

/** Text shown inline: one line, every character Markdown or HTML acts on escaped. */
function inlineText(text: string): string {
  return reveal(text.replace(/\s+/g, ' ').trim()).replace(/[\\`*_[\]<>|~&#!]/g, '\\$&')
}

function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** A URL as a Markdown link destination: the characters that would end or break it escaped. */
function safeUrl(url: string): string {
  return url.replace(/[\s()<>]/g, character => encodeURIComponent(character))
}
