/**
 * Required literals of a JavaScript regular expression: a set of plain ASCII strings such that
 * every match of the pattern contains at least one of them. A file without any of them cannot
 * match, so a fixed-string search for them (`rg -F`, `git grep -F`, `Buffer.indexOf`) is a safe
 * prefilter: it may keep files that do not match, never drop one that does.
 *
 * Fixed strings rather than the pattern itself, because the dialects differ where it matters:
 * ripgrep's and git's `.` and `[^…]` do not match a byte of invalid UTF-8 that JavaScript decodes
 * to U+FFFD, `$` does not match before a CRLF's `\r`, `\s` differs on U+FEFF, git's PCRE support
 * depends on how git was built and on the locale. Plain ASCII bytes mean the same everywhere:
 * decoding never turns other bytes into ASCII characters or ASCII bytes into others.
 */

/** At most this many strings in a set of alternatives before it is given up as unknown. */
const MAX_SET = 64

export interface RequiredLiterals {
  /** Every match contains at least one of these (non-empty, printable ASCII, no line breaks). */
  literals: string[]
  /** The literals must be searched without regard to case. */
  ignoreCase: boolean
}

/**
 * What a piece of a pattern tells about its matches:
 * - `exact`: the complete set of strings it can match (small and finite), or undefined;
 * - `required`: a set of strings one of which every match contains, or undefined.
 */
interface Info {
  exact?: Set<string>
  required?: Set<string>
}

class Unsupported extends Error {}

/**
 * The required literals of a compiled pattern (its `source` and `flags`, as `compilePattern`
 * built them), or undefined when none can be told safely: then every file must be searched.
 */
export function requiredLiterals(regex: RegExp): RequiredLiterals | undefined {
  const flags = regex.flags
  // `v` changes class syntax; `y` and `g` do not change what a line matches. Any flag outside
  // the known ones means a syntax this parser does not know.
  if (!/^[gimsuy]*$/.test(flags)) return undefined
  let info: Info
  try {
    info = new Parser(regex.source, flags.includes('u')).parse()
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
  const best = requirementOf(info)
  if (best === undefined) return undefined
  return { literals: [...best].sort(), ignoreCase: flags.includes('i') }
}

/**
 * Splits literals for a searcher that folds only ASCII case (git grep -i): JavaScript's `iu`
 * also folds `K` (KELVIN SIGN) to `k` and `ſ` (LONG S) to `s`, so those letters are cut out and
 * the longest remaining piece of each literal is kept.
 */
export function asciiFoldSafe(required: RequiredLiterals): RequiredLiterals | undefined {
  if (!required.ignoreCase) return required
  const literals = new Set<string>()
  for (const literal of required.literals) {
    const pieces = literal.split(/[ksKS]/).sort((a, b) => b.length - a.length)
    const longest = pieces[0]
    if (longest === undefined || longest === '') return undefined
    literals.add(longest)
  }
  return { literals: [...literals].sort(), ignoreCase: true }
}

/** The most selective usable requirement of a piece: its exact set or its required set. */
function requirementOf(info: Info): Set<string> | undefined {
  return better(usable(info.exact), usable(info.required))
}

function usable(set: Set<string> | undefined): Set<string> | undefined {
  if (set === undefined || set.size === 0 || set.size > MAX_SET) return undefined
  for (const item of set) if (item === '') return undefined
  return set
}

/** The more selective of two requirements: longer shortest string, then fewer strings. */
function better(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  const shortest = (set: Set<string>): number => Math.min(...[...set].map(item => item.length))
  const difference = shortest(a) - shortest(b)
  if (difference !== 0) return difference > 0 ? a : b
  return a.size <= b.size ? a : b
}

const UNKNOWN: Info = {}
const EMPTY: Info = { exact: new Set(['']) }

function isLiteralChar(char: string): boolean {
  const code = char.charCodeAt(0)
  return char.length === 1 && (code === 9 || (code >= 0x20 && code <= 0x7e))
}

function cross(a: Set<string>, b: Set<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_SET) return undefined
  const out = new Set<string>()
  for (const left of a) for (const right of b) out.add(left + right)
  return out
}

function concat(parts: Info[]): Info {
  let running: Set<string> | undefined = new Set([''])
  let required: Set<string> | undefined
  for (const part of parts) {
    const joined: Set<string> | undefined =
      running !== undefined && part.exact !== undefined ? cross(running, part.exact) : undefined
    if (joined !== undefined) {
      running = joined
      continue
    }
    // The run of exact pieces ends here: what it matched is required, and so is this piece's
    // own requirement.
    if (running !== undefined) required = better(required, usable(running))
    required = better(required, requirementOf(part))
    running = part.exact
  }
  if (running !== undefined && parts.every(part => part.exact !== undefined)) {
    return { exact: running }
  }
  if (running !== undefined) required = better(required, usable(running))
  return { required }
}

function alternate(branches: Info[]): Info {
  if (branches.every(branch => branch.exact !== undefined)) {
    const exact = new Set<string>()
    for (const branch of branches) for (const item of branch.exact ?? []) exact.add(item)
    if (exact.size <= MAX_SET) return { exact }
  }
  const required = new Set<string>()
  for (const branch of branches) {
    const own = requirementOf(branch)
    if (own === undefined) return UNKNOWN
    for (const item of own) required.add(item)
  }
  return { required: usable(required) }
}

function repeat(info: Info, min: number, max: number): Info {
  if (min === 0) {
    if (max === 1 && info.exact !== undefined && info.exact.size < MAX_SET) {
      return { exact: new Set(['', ...info.exact]) }
    }
    return UNKNOWN
  }
  if (min === 1 && max === 1) return info
  return { required: requirementOf(info) }
}

/** A recursive-descent reader of JavaScript pattern syntax (with and without the `u` flag). */
class Parser {
  private position = 0

  constructor(
    private readonly source: string,
    private readonly unicode: boolean
  ) {}

  parse(): Info {
    const info = this.alternation()
    if (this.position !== this.source.length) throw new Unsupported('trailing input')
    return info
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.position + offset]
  }

  private alternation(): Info {
    const branches = [this.sequence()]
    while (this.peek() === '|') {
      this.position++
      branches.push(this.sequence())
    }
    return branches.length === 1 ? (branches[0] ?? UNKNOWN) : alternate(branches)
  }

  private sequence(): Info {
    const parts: Info[] = []
    for (;;) {
      const char = this.peek()
      if (char === undefined || char === '|' || char === ')') break
      const atom = this.atom()
      parts.push(this.quantified(atom))
    }
    return parts.length === 0 ? EMPTY : concat(parts)
  }

  private quantified(atom: Info & { zeroWidth?: boolean }): Info {
    const char = this.peek()
    let min: number
    let max: number
    if (char === '*') [min, max] = [0, Infinity]
    else if (char === '+') [min, max] = [1, Infinity]
    else if (char === '?') [min, max] = [0, 1]
    else if (char === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position))
      if (braces === null) return atom // a literal `{` (without `u`) was read by atom()
      min = Number(braces[1])
      max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3])
      this.position += braces[0].length - 1
    } else return atom
    this.position++
    if (this.peek() === '?') this.position++ // lazy: the same strings
    if (/^[*+?{]/.test(this.peek() ?? '') && this.quantifierAhead()) {
      throw new Unsupported('double quantifier')
    }
    return repeat(atom, min, max)
  }

  private quantifierAhead(): boolean {
    const rest = this.source.slice(this.position)
    return /^[*+?]/.test(rest) || /^\{\d+(,\d*)?\}/.test(rest)
  }

  private atom(): Info {
    const char = this.peek()
    this.position++
    switch (char) {
      case '^':
      case '$':
        return EMPTY
      case '.':
        return UNKNOWN
      case '(':
        return this.group()
      case '[':
        return this.characterClass()
      case '\\':
        return this.escape()
      case '*':
      case '+':
      case '?':
      case ')':
        throw new Unsupported(`unexpected ${char}`)
      case '{':
        if (this.unicode || this.quantifierAt(this.position - 1)) throw new Unsupported('brace')
        return { exact: new Set(['{']) }
      case ']':
      case '}':
        if (this.unicode) throw new Unsupported('lone bracket')
        return { exact: new Set([char]) }
      default:
        if (char === undefined) throw new Unsupported('end of pattern')
        return this.character(char)
    }
  }

  private quantifierAt(position: number): boolean {
    return /^\{\d+(,\d*)?\}/.test(this.source.slice(position))
  }

  private character(char: string): Info {
    // Outside printable ASCII (a line break, a non-ASCII letter): matches, but is not searched for.
    return isLiteralChar(char) ? { exact: new Set([char]) } : UNKNOWN
  }

  private group(): Info {
    let lookaround = false
    if (this.peek() === '?') {
      const rest = this.source.slice(this.position)
      if (rest.startsWith('?:')) this.position += 2
      else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        this.position += 2
        lookaround = true
      } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
        this.position += 3
        lookaround = true
      } else {
        const named = /^\?<([A-Za-z_$][\w$]*)>/.exec(rest)
        // `(?i:…)` and other modifier groups change case rules inside: not followed here.
        if (named === null) throw new Unsupported('group kind')
        this.position += named[0].length
      }
    }
    const inner = this.alternation()
    if (this.peek() !== ')') throw new Unsupported('unclosed group')
    this.position++
    // A lookaround matches no text of its own (and may be negative): it requires nothing.
    return lookaround ? EMPTY : inner
  }

  private characterClass(): Info {
    const negated = this.peek() === '^'
    if (negated) this.position++
    const members = new Set<string>()
    let simple = !negated
    let first = true
    for (;;) {
      const char = this.peek()
      if (char === undefined) throw new Unsupported('unclosed class')
      this.position++
      if (char === ']') break
      if (char === '\\') {
        const escaped = this.peek()
        if (escaped === undefined) throw new Unsupported('class escape')
        this.position++
        // Escapes that take more characters: skip them whole so that the class end is found.
        if (
          escaped === 'u' ||
          escaped === 'x' ||
          escaped === 'c' ||
          escaped === 'p' ||
          escaped === 'P'
        ) {
          simple = false
          this.skipEscapeBody(escaped)
        } else if (/[^A-Za-z0-9]/.test(escaped) && escaped !== '-') {
          members.add(escaped)
        } else {
          simple = false
        }
      } else if (char === '-' && !first && this.peek() !== ']') {
        simple = false // a range
      } else {
        members.add(char)
      }
      first = false
    }
    if (simple && members.size > 0 && members.size <= 8 && [...members].every(isLiteralChar)) {
      return { exact: members }
    }
    return UNKNOWN
  }

  private skipEscapeBody(kind: string): void {
    const rest = this.source.slice(this.position)
    const body =
      kind === 'u'
        ? /^(\{[0-9A-Fa-f]+\}|[0-9A-Fa-f]{4})/.exec(rest)
        : kind === 'x'
          ? /^[0-9A-Fa-f]{2}/.exec(rest)
          : kind === 'c'
            ? /^[A-Za-z]/.exec(rest)
            : /^\{[^}]*\}/.exec(rest)
    // Without `u`, `\u`, `\x`, `\c` and `\p` may stand for the letter itself; the next character
    // is then an ordinary one, read as such.
    if (body !== null) this.position += body[0].length
    else if (this.unicode) throw new Unsupported(`escape \\${kind}`)
  }

  private escape(): Info {
    const char = this.peek()
    if (char === undefined) throw new Unsupported('trailing backslash')
    this.position++
    if (char === 'b' || char === 'B') return EMPTY
    if ('dDwWsS'.includes(char)) return UNKNOWN
    if ('nrtfv0'.includes(char)) {
      if (char === '0' && /^\d/.test(this.peek() ?? '')) throw new Unsupported('octal')
      return char === 't' ? { exact: new Set(['\t']) } : UNKNOWN
    }
    if ('uxcpP'.includes(char)) {
      this.skipEscapeBody(char)
      return UNKNOWN
    }
    if (/[1-9]/.test(char)) {
      // A backreference (or, without `u`, maybe an octal escape): matches some text, unknown.
      while (/\d/.test(this.peek() ?? '')) this.position++
      return UNKNOWN
    }
    if (char === 'k') {
      const named = /^<[^>]+>/.exec(this.source.slice(this.position))
      if (named !== null) {
        this.position += named[0].length
        return UNKNOWN
      }
      if (this.unicode) throw new Unsupported('\\k')
      return UNKNOWN
    }
    if (/[A-Za-z]/.test(char)) {
      // An identity escape of a letter (only without `u`): the letter itself, not searched for.
      if (this.unicode) throw new Unsupported(`escape \\${char}`)
      return UNKNOWN
    }
    return this.character(char)
  }
}
