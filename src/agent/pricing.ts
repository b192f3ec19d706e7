/**
 * What a model request costs, from the token counts the API reports.
 *
 * Source: Anthropic's pricing page, https://platform.claude.com/docs/en/about-claude/pricing
 * (and each model's overview page under https://platform.claude.com/docs/en/models/), as stored
 * copies read on 2026-12-05. Where the official page did not show a row, the figure is marked
 * with the secondary source it came from. Prices change: check the page when adding a model.
 *
 * All figures are USD per million tokens. `cacheWrite` is the 5-minute cache write (the only TTL
 * this client sets; 1.25× input except on Claude Haiku 3), `cacheRead` a cache hit. Cache reads are
 * usually 0.1× input but not always (Opus 5.5 and Sonnet 5.5 are 0.05×, Fable 5.1 0.025×), so
 * every row carries its own figure instead of a multiplier.
 */
import type { Usage } from './messages.js'

/** The model the CLI and the action use unless told otherwise. */
export const DEFAULT_MODEL = 'claude-sonnet-4-5'

export interface Rates {
  /** Uncached input tokens. */
  input: number
  output: number
  /** 5-minute cache writes. */
  cacheWrite: number
  /** Cache hits and refreshes. */
  cacheRead: number
}

export interface Price extends Rates {
  /** The family the model id matched, e.g. `claude-sonnet-4-5`. */
  family: string
  /**
   * Prompt-length pricing (Haiku 5.5): a request whose prompt (input + cache reads + cache
   * writes) is over `thresholdTokens` pays these rates on every token of that request, output
   * included. `costOf` prices each request on its own, so pass it one response's usage at a time.
   */
  longPrompt?: Rates & { thresholdTokens: number }
}

const PER_TOKEN = 1 / 1_000_000

function rates(input: number, output: number, cacheRead = input / 10): Rates {
  return { input, output, cacheWrite: input * 1.25, cacheRead }
}

/**
 * Families by model-id prefix. Ids are matched to the longest family that is followed by the end
 * of the id, a date (`-20250929`), `-latest`, or a platform suffix (`@…`, `[1m]`, `-v1:0`), so
 * `claude-sonnet-4-5-20250929` is Sonnet 4.5 and never Sonnet 4, and an unlisted
 * `claude-sonnet-4-9` matches nothing (and is priced at the fallback) rather than Sonnet 4.
 */
const FAMILIES: Record<string, Rates & { longPrompt?: Price['longPrompt'] }> = {
  // Secondary source (release notes of pricing trackers, checked 2026-12-01): $8 / $40, $0.20 reads.
  'claude-fable-5-2': rates(8, 40, 0.2),
  'claude-mythos-5-2': rates(8, 40, 0.2),
  'claude-fable-5-1': rates(10, 50, 0.25),
  'claude-mythos-5-1': rates(10, 50, 0.25),
  'claude-fable-5': rates(10, 50),
  'claude-mythos-5': rates(10, 50),
  'claude-opus-5-5': rates(4, 20, 0.2),
  'claude-opus-5': rates(5, 25),
  'claude-opus-4-8': rates(5, 25),
  'claude-opus-4-7': rates(5, 25),
  'claude-opus-4-6': rates(5, 25),
  'claude-opus-4-5': rates(5, 25),
  'claude-opus-4-1': rates(15, 75),
  'claude-opus-4-0': rates(15, 75),
  'claude-opus-4': rates(15, 75),
  // Cache reads cut from $0.20 to $0.10 on 2026-10-07 (secondary sources; the model page still
  // showed $0.20 in the stored copy). The lower figure is used.
  'claude-sonnet-5-5': rates(2, 10, 0.1),
  'claude-sonnet-5': rates(2, 10),
  'claude-sonnet-4-6': rates(3, 15),
  'claude-sonnet-4-5': rates(3, 15),
  'claude-sonnet-4-0': rates(3, 15),
  'claude-sonnet-4': rates(3, 15),
  'claude-3-7-sonnet': rates(3, 15),
  'claude-haiku-5-5': {
    ...rates(0.1, 0.5, 0.01),
    longPrompt: { ...rates(0.5, 2.5, 0.05), thresholdTokens: 100_000 }
  },
  'claude-haiku-4-5': rates(1, 5),
  'claude-3-5-haiku': rates(0.8, 4),
  // The one row whose cache write is not 1.25× input: the page lists $0.30, not $0.3125.
  'claude-3-haiku': { ...rates(0.25, 1.25, 0.03), cacheWrite: 0.3 }
}

/**
 * The price used for a model this table does not know: the highest figure of every column
 * (Opus 4 / 4.1: $15 in, $75 out), so that a cost cap stays a cap when a new model id appears.
 * `isKnownModel` tells a caller when to warn that the reported cost is an upper estimate.
 */
export const FALLBACK_PRICE: Price = {
  family: 'unknown (priced as the most expensive family)',
  input: Math.max(...Object.values(FAMILIES).map(r => r.input)),
  output: Math.max(...Object.values(FAMILIES).map(r => r.output)),
  cacheWrite: Math.max(...Object.values(FAMILIES).map(r => r.cacheWrite)),
  cacheRead: Math.max(...Object.values(FAMILIES).map(r => r.cacheRead))
}

const BY_LENGTH = Object.keys(FAMILIES).sort((a, b) => b.length - a.length)

/** The price of a model id, or `undefined` when no family matches. */
export function priceFor(model: string): Price | undefined {
  // Bedrock and Vertex spell ids with a prefix (`us.anthropic.claude-…`); the family starts at `claude-`.
  const start = model.toLowerCase().indexOf('claude-')
  if (start < 0) return undefined
  const id = model.slice(start).toLowerCase()
  for (const family of BY_LENGTH) {
    if (!id.startsWith(family)) continue
    const rest = id
      .slice(family.length)
      .replace(/^-\d{8}/, '')
      .replace(/^-latest/, '')
    if (rest === '' || /^(@|\[|:|-v\d)/.test(rest)) {
      const found = FAMILIES[family]
      return found && { family, ...found }
    }
  }
  return undefined
}

export function isKnownModel(model: string): boolean {
  return priceFor(model) !== undefined
}

/** The cost in USD of one request's usage; an unknown model is priced at `FALLBACK_PRICE`. */
export function costOf(model: string, usage: Usage): number {
  const price = priceFor(model) ?? FALLBACK_PRICE
  const prompt =
    usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens
  const r = price.longPrompt && prompt > price.longPrompt.thresholdTokens ? price.longPrompt : price
  return (
    (usage.input_tokens * r.input +
      usage.output_tokens * r.output +
      usage.cache_creation_input_tokens * r.cacheWrite +
      usage.cache_read_input_tokens * r.cacheRead) *
    PER_TOKEN
  )
}
