/**
 * Pattern matching for the policy: path globs (picomatch) and command patterns (`*` only).
 *
 * Command texts may contain UNKNOWN where a word's value is only known when the shell runs it
 * (a glob, a `$VAR` in an argument, a brace expansion, a tilde, the arguments `xargs` appends).
 * `commandMatchesForAll` answers "does the pattern match whatever the unknown parts turn out to
 * be" (used for allow rules), `commandMatchesForSome` answers "could it match for some value"
 * (used for deny and ask rules). Deciding both ways conservatively is what stops `git pus?` or
 * `xargs git` from slipping past `git push *`.
 */
import picomatch from 'picomatch'

/** Stands for a part of a word that is only known at run time. Never valid in a pattern. */
export const UNKNOWN = '\u0001'

const pathMatchers = new Map<string, (path: string) => boolean>()

/**
 * Whether a workspace-relative posix path matches a glob. Deny and ask patterns match without
 * regard to case: on a case-insensitive file system (macOS) `.ENV` is the same file as `.env`.
 */
export function pathMatches(pattern: string, path: string, ignoreCase = false): boolean {
  const key = `${ignoreCase ? 'i' : 's'}:${pattern}`
  let matcher = pathMatchers.get(key)
  if (!matcher) {
    matcher = picomatch(pattern, { dot: true, nocase: ignoreCase })
    pathMatchers.set(key, matcher)
  }
  return matcher(path)
}

/** The first pattern that matches, if any. */
export function firstPathMatch(
  patterns: readonly string[],
  path: string,
  ignoreCase = false
): string | undefined {
  return patterns.find(pattern => pathMatches(pattern, path, ignoreCase))
}

/** The literal directory a glob starts from (`docs` for `docs/**\/*.md`, `''` for `*.md`). */
export function globBase(pattern: string): string {
  return picomatch.scan(pattern).base
}

/** Bash patterns compare with command texts whose words are joined by single spaces. */
export function normaliseCommandPattern(pattern: string): string {
  return pattern.trim().replace(/\s+/g, ' ')
}

const commandRegexes = new Map<string, RegExp>()

function commandRegex(pattern: string): RegExp {
  let regex = commandRegexes.get(pattern)
  if (!regex) {
    const normalised = normaliseCommandPattern(pattern)
    // `git diff *` also matches bare `git diff`: a trailing ` *` is optional.
    const optionalTail = normalised.endsWith(' *') && normalised.length > 2
    const body = optionalTail ? normalised.slice(0, -2) : normalised
    const source = body
      .split('*')
      .map(literal => literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
      .join('[\\s\\S]*')
    regex = new RegExp(`^${source}${optionalTail ? '(?: [\\s\\S]*)?' : ''}$`)
    commandRegexes.set(pattern, regex)
  }
  return regex
}

/**
 * Whether `pattern` matches `text` whatever its UNKNOWN parts stand for. Sound because UNKNOWN
 * never occurs in a pattern: a match must swallow each UNKNOWN inside a `*`, and that `*`
 * swallows any other value just as well.
 */
export function commandMatchesForAll(pattern: string, text: string): boolean {
  return commandRegex(pattern).test(text)
}

/** Pattern variants as token strings, `*` = any run; the optional trailing ` *` expanded. */
function patternVariants(pattern: string): string[] {
  const normalised = normaliseCommandPattern(pattern)
  if (normalised.endsWith(' *') && normalised.length > 2)
    return [normalised, normalised.slice(0, -2)]
  return [normalised]
}

/**
 * Whether `pattern` matches `text` for SOME value of its UNKNOWN parts: the intersection of two
 * star-only patterns is not empty. Iterative, so a 10,000-character text cannot exhaust the stack.
 */
export function commandMatchesForSome(pattern: string, text: string): boolean {
  if (!text.includes(UNKNOWN)) return commandMatchesForAll(pattern, text)
  return patternVariants(pattern).some(variant => intersects(variant, text, '*', UNKNOWN))
}

function intersects(a: string, b: string, starA: string, starB: string): boolean {
  const n = a.length
  const m = b.length
  const width = m + 1
  const seen = new Uint8Array((n + 1) * width)
  const stack: number[] = [0]
  seen[0] = 1
  const visit = (i: number, j: number): void => {
    const index = i * width + j
    if (seen[index] === 0) {
      seen[index] = 1
      stack.push(index)
    }
  }
  while (stack.length > 0) {
    const index = stack.pop() as number
    const i = Math.floor(index / width)
    const j = index % width
    if (i === n && j === m) return true
    const aStar = i < n && a[i] === starA
    const bStar = j < m && b[j] === starB
    if (aStar) {
      visit(i + 1, j) // a's star ends
      if (j < m) visit(i, j + 1) // a's star takes b's character (or runs alongside b's star)
    }
    if (bStar) {
      visit(i, j + 1)
      if (i < n && !aStar) visit(i + 1, j)
    }
    if (!aStar && !bStar && i < n && j < m && a[i] === b[j]) visit(i + 1, j + 1)
  }
  return false
}

/** Shows a command text to a human: unknown parts as `…`. */
export function displayCommand(text: string): string {
  return text.split(UNKNOWN).join('…')
}
