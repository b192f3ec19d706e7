/**
 * Finds the trigger (`/claw` by default) in a comment or issue body and reads the verb after it.
 * Pure: no network, no GitHub client.
 */
import { sanitizeUntrusted } from './sanitize.js'

/** What a trigger line asks for. `free` is text after the trigger that starts with no verb. */
export const TRIGGER_VERBS = [
  'fix',
  'review',
  'docs',
  'ask',
  'approve',
  'approve-all',
  'deny',
  'free'
] as const
export type TriggerVerb = (typeof TRIGGER_VERBS)[number]

export interface ParsedTrigger {
  verb: TriggerVerb
  /**
   * What follows the verb (for `free`, what follows the trigger): the rest of the trigger line and
   * every line after it, trimmed. Empty when nothing follows.
   */
  text: string
}

/** Verbs as typed after the trigger; `approve all` is matched before `approve`. */
const WORD_VERBS: { pattern: RegExp; verb: TriggerVerb }[] = [
  { pattern: /^approve[ \t]+all(?=\s|$)/i, verb: 'approve-all' },
  { pattern: /^approve(?=\s|$)/i, verb: 'approve' },
  { pattern: /^deny(?=\s|$)/i, verb: 'deny' },
  { pattern: /^fix(?=\s|$)/i, verb: 'fix' },
  { pattern: /^review(?=\s|$)/i, verb: 'review' },
  { pattern: /^docs(?=\s|$)/i, verb: 'docs' },
  { pattern: /^ask(?=\s|$)/i, verb: 'ask' }
]

/** A code fence opener or closer: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/

/**
 * The first trigger in `body`, or undefined when there is none.
 *
 * A trigger counts only where a reader of the rendered comment sees it as a line of its own:
 *
 * - at the start of a line, after at most three spaces (four make an indented code block), matched
 *   case-insensitively, and as a whole word: followed by white space or the end of the line, so
 *   `/clawfix`, `/claw:` and `x /claw` do not count;
 * - not inside a fenced code block (``` or ~~~), so that a comment showing how to use claw does
 *   not run it;
 * - not in a quote: a line starting with `>`, nor a line that continues a quote without a blank
 *   line between (Markdown renders that "lazy continuation" inside the quote), so that replying to
 *   a trigger by quoting it does not run it again;
 * - not hidden: the body is sanitised first (see `sanitizeUntrusted`), so a trigger inside an HTML
 *   comment or a hidden element does not count, and one split by invisible characters is read as
 *   it renders.
 *
 * The verb is the next word, case-insensitive; anything else after the trigger is `free` text.
 * The first trigger line wins; lines after it are part of its text.
 */
export function parseTrigger(body: string, trigger: string): ParsedTrigger | undefined {
  if (trigger === '') return undefined
  const lines = sanitizeUntrusted(body).split('\n')
  const triggerPattern = new RegExp(`^ {0,3}${escapeRegExp(trigger)}(?=[ \\t]|$)`, 'i')
  let openFence: { marker: string; length: number } | undefined
  let inQuote = false
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const fence = FENCE.exec(line)
    if (openFence !== undefined) {
      // A closing fence: the same character, at least as long, nothing but spaces after it.
      if (
        fence !== null &&
        fence[1]?.[0] === openFence.marker &&
        (fence[1]?.length ?? 0) >= openFence.length &&
        (fence[2] ?? '').trim() === ''
      ) {
        openFence = undefined
      }
      continue
    }
    // A backtick fence's info string cannot hold a backtick (then it is inline code, not a fence).
    if (fence !== null && !(fence[1]?.startsWith('`') === true && fence[2]?.includes('`'))) {
      openFence = { marker: fence[1]?.[0] ?? '`', length: fence[1]?.length ?? 3 }
      inQuote = false
      continue
    }
    if (line.trim() === '') {
      inQuote = false
      continue
    }
    if (/^ {0,3}>/.test(line)) {
      inQuote = true
      continue
    }
    if (inQuote) continue
    const match = triggerPattern.exec(line)
    if (match === null) continue
    const rest = [line.slice(match[0].length), ...lines.slice(index + 1)].join('\n')
    return readVerb(rest)
  }
  return undefined
}

function readVerb(rest: string): ParsedTrigger {
  const afterTrigger = rest.replace(/^[ \t]+/, '')
  for (const { pattern, verb } of WORD_VERBS) {
    const match = pattern.exec(afterTrigger)
    if (match !== null) return { verb, text: afterTrigger.slice(match[0].length).trim() }
  }
  return { verb: 'free', text: afterTrigger.trim() }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}
