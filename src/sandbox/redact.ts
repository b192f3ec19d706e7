/**
 * Secret redaction: one function, built once per run, applied to every tool result the model
 * sees, every session line and every progress line. It replaces each known secret value (in the
 * forms a program could print it in) and each well-known token format with REDACTED.
 */

/** What a redacted secret becomes in everything the model sees and the run writes. */
export const REDACTED = '[REDACTED]'

/** Shorter values are not redacted: replacing `true` or `main` everywhere would wreck output. */
export const MIN_SECRET_LENGTH = 8

/**
 * Token formats redacted even when the value is not known (one could come from a file the agent
 * reads, or from a process's environment). Sources: GitHub's token prefixes (ghp_, gho_, ghs_,
 * ghu_, ghr_, github_pat_), Anthropic's `sk-ant-`, AWS access key ids (`AKIA` long-term, `ASIA`
 * temporary, 16 more upper-case letters or digits), and JWTs (base64url `{"` twice: `eyJ…`),
 * which is the shape of ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN and OIDC tokens.
 */
const TOKEN_PATTERNS = [
  'gh[pousr]_[A-Za-z0-9]{20,}',
  'github_pat_[A-Za-z0-9_]{20,}',
  'sk-ant-[A-Za-z0-9_-]{20,}',
  '(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])',
  'eyJ[A-Za-z0-9_-]{2,}\\.eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*'
]

/**
 * ANSI escape sequences: CSI (`ESC [ … final`, colours and cursor moves, and its 8-bit form
 * U+009B), OSC (`ESC ] … BEL` or `ESC ] … ESC \`, terminal titles and hyperlinks), and the other
 * two-character escapes. A coloured `sk-ant-\x1b[31mabc…` would otherwise split a secret so
 * that neither half matches; the model has no use for colours.
 */
const ANSI =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[ -/]*[0-~]/g

/** Removes ANSI escape sequences (colours, cursor moves, OSC titles and links). */
export function stripAnsi(text: string): string {
  // indexOf first: nearly every text has no escape at all, and the scan is far cheaper.
  if (text.indexOf('\u001b') === -1 && text.indexOf('\u009b') === -1) return text
  return text.replace(ANSI, '')
}

export type Redactor = (text: string) => string

/**
 * Returns a function that strips ANSI escape sequences and then replaces each known secret and
 * each well-known token with REDACTED. The secrets are compiled with the token formats into one
 * regular expression here, once: a call is one scan of the text whatever the number of secrets.
 *
 * Each secret (trimmed; each line of a multi-line one too) is matched in every form in which a
 * program may print it: as is; JSON-escaped (`"`, `\`, control characters), with `/` as `\/`
 * (PHP, some JSON encoders) and non-ASCII as `\uXXXX` (Python's `json.dumps`), and escaped twice
 * (JSON inside a JSON string); percent-encoded (URLs); and base64-encoded at each of the three
 * byte alignments it can have inside a longer base64 text (the same technique the Actions runner
 * uses to mask secrets in base64 output), so that `base64 /proc/…/environ` does not undo it.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const variants = new Set<string>()
  for (const secret of secrets) {
    const trimmed = secret.trim()
    if (trimmed.length < MIN_SECRET_LENGTH) continue
    addVariants(trimmed, variants)
    if (/[\r\n]/.test(trimmed)) {
      for (const line of trimmed.split(/\r?\n|\r/)) {
        if (line.trim().length >= MIN_SECRET_LENGTH) addVariants(line.trim(), variants)
      }
    }
  }
  const known = [...variants].filter(value => value.length >= MIN_SECRET_LENGTH)
  // Longest first: at one position the first alternative that matches wins, so a secret that
  // contains another is replaced whole.
  known.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
  const pattern = new RegExp([...known.map(escapeRegExp), ...TOKEN_PATTERNS].join('|'), 'g')
  return (text: string): string => stripAnsi(text).replace(pattern, REDACTED)
}

function addVariants(secret: string, into: Set<string>): void {
  into.add(secret)
  const json = JSON.stringify(secret).slice(1, -1)
  for (const escaped of [json, JSON.stringify(json).slice(1, -1)]) {
    for (const slashes of [escaped, escaped.replaceAll('/', '\\/')]) {
      into.add(slashes)
      into.add(asciiEscaped(slashes, false))
      into.add(asciiEscaped(slashes, true))
    }
  }
  try {
    into.add(encodeURIComponent(secret))
  } catch {
    // A lone surrogate cannot be percent-encoded; no program prints such a URL either.
  }
  for (const core of base64Cores(secret)) into.add(core)
}

/** `text` with every non-ASCII UTF-16 unit as `\uxxxx` (or `\uXXXX`), as ASCII-only JSON has it. */
function asciiEscaped(text: string, upper: boolean): string {
  return text.replace(/[\u0080-\uffff]/g, character => {
    const hex = character.charCodeAt(0).toString(16).padStart(4, '0')
    return `\\u${upper ? hex.toUpperCase() : hex}`
  })
}

/**
 * The parts of base64 output that depend on the secret's bytes alone, for each of the three
 * offsets (mod 3) at which the secret can start in the encoded data: characters that mix in
 * neighbouring bytes differ from one output to the next and are left out.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const cores: string[] = []
  for (let skip = 0; skip < 3; skip++) {
    const usable = bytes.length - skip - ((bytes.length - skip) % 3)
    if (usable <= 0) continue
    const core = bytes.subarray(skip, skip + usable).toString('base64')
    cores.push(core, core.replaceAll('+', '-').replaceAll('/', '_'))
  }
  return cores
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
