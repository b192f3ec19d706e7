import { describe, expect, it } from '@jest/globals'
import type { Usage } from '../../src/agent/messages.js'
import {
  DEFAULT_MODEL,
  FALLBACK_PRICE,
  costOf,
  isKnownModel,
  priceFor
} from '../../src/agent/pricing.js'

const MILLION = 1_000_000

function usage(partial: Partial<Usage>): Usage {
  return {
    input_tokens: 0,
    output_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation_input_tokens: 0,
    ...partial
  }
}

describe('priceFor', () => {
  it.each([
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5', 3, 15],
    ['claude-sonnet-4-5', 'claude-sonnet-4-5', 3, 15],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4', 3, 15],
    ['claude-opus-4-5-20251101', 'claude-opus-4-5', 5, 25],
    ['claude-opus-4-1-20250805', 'claude-opus-4-1', 15, 75],
    ['claude-opus-4-0', 'claude-opus-4-0', 15, 75],
    ['claude-haiku-4-5-20251001', 'claude-haiku-4-5', 1, 5],
    ['claude-3-5-haiku-latest', 'claude-3-5-haiku', 0.8, 4],
    ['claude-opus-5-5', 'claude-opus-5-5', 4, 20],
    ['claude-sonnet-5', 'claude-sonnet-5', 2, 10],
    // Platform spellings: Bedrock and Vertex ids, the 1M-context suffix.
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5', 3, 15],
    ['claude-opus-4-1@20250805', 'claude-opus-4-1', 15, 75],
    ['claude-sonnet-5-5[1m]', 'claude-sonnet-5-5', 2, 10]
  ])('prices %s as %s', (model, family, input, output) => {
    expect(priceFor(model)).toMatchObject({ family, input, output })
  })

  it('prices 5-minute cache writes at 1.25× input and reads at the listed rate', () => {
    expect(priceFor('claude-sonnet-4-5')).toMatchObject({ cacheWrite: 3.75, cacheRead: 0.3 })
    expect(priceFor('claude-opus-4-1')).toMatchObject({ cacheWrite: 18.75, cacheRead: 1.5 })
    expect(priceFor('claude-haiku-4-5')).toMatchObject({ cacheWrite: 1.25, cacheRead: 0.1 })
    expect(priceFor('claude-3-5-haiku')).toMatchObject({ cacheWrite: 1, cacheRead: 0.08 })
    // A 0.05× read rate, not the usual 0.1×.
    expect(priceFor('claude-opus-5-5')).toMatchObject({ cacheWrite: 5, cacheRead: 0.2 })
  })

  it('does not price a newer minor version as its family base', () => {
    expect(priceFor('claude-sonnet-4-9')).toBeUndefined()
    expect(priceFor('claude-sonnet-4-5x')).toBeUndefined()
    expect(priceFor('gpt-5')).toBeUndefined()
    expect(isKnownModel('claude-sonnet-4-9')).toBe(false)
    expect(isKnownModel(DEFAULT_MODEL)).toBe(true)
  })
})

describe('costOf', () => {
  it('adds input, output, cache writes and cache reads for Sonnet 4.5', () => {
    const cost = costOf(
      'claude-sonnet-4-5-20250929',
      usage({
        input_tokens: 2_000,
        output_tokens: 1_000,
        cache_creation_input_tokens: 10_000,
        cache_read_input_tokens: 100_000
      })
    )
    // 2k × $3 + 1k × $15 + 10k × $3.75 + 100k × $0.30, per million.
    expect(cost).toBeCloseTo((6_000 + 15_000 + 37_500 + 30_000) / MILLION, 10)
  })

  it('prices a million tokens of each kind at the table figures', () => {
    expect(costOf('claude-opus-4-5', usage({ input_tokens: MILLION }))).toBeCloseTo(5, 10)
    expect(costOf('claude-opus-4-5', usage({ output_tokens: MILLION }))).toBeCloseTo(25, 10)
    expect(costOf('claude-opus-4-1', usage({ output_tokens: MILLION }))).toBeCloseTo(75, 10)
    expect(costOf('claude-haiku-4-5', usage({ cache_read_input_tokens: MILLION }))).toBeCloseTo(
      0.1,
      10
    )
    expect(
      costOf('claude-3-5-haiku-20241022', usage({ cache_creation_input_tokens: MILLION }))
    ).toBeCloseTo(1, 10)
  })

  it('applies the long-prompt rates of Haiku 5.5 to the whole request over 100k prompt tokens', () => {
    const short = usage({
      input_tokens: 60_000,
      cache_read_input_tokens: 40_000,
      output_tokens: 1_000
    })
    expect(costOf('claude-haiku-5-5', short)).toBeCloseTo(
      (60_000 * 0.1 + 40_000 * 0.01 + 1_000 * 0.5) / MILLION,
      12
    )
    const long = { ...short, cache_creation_input_tokens: 1 }
    expect(costOf('claude-haiku-5-5', long)).toBeCloseTo(
      (60_000 * 0.5 + 40_000 * 0.05 + 1 * 0.625 + 1_000 * 2.5) / MILLION,
      12
    )
  })

  it('prices an unknown model at the most expensive rates, so cost caps stay safe', () => {
    expect(FALLBACK_PRICE).toMatchObject({
      input: 15,
      output: 75,
      cacheWrite: 18.75,
      cacheRead: 1.5
    })
    const u = usage({ input_tokens: 1_000, output_tokens: 1_000, cache_read_input_tokens: 1_000 })
    const unknown = costOf('claude-nova-9', u)
    expect(unknown).toBeCloseTo((15_000 + 75_000 + 1_500) / MILLION, 10)
    for (const model of [
      'claude-sonnet-4-5',
      'claude-opus-4-1',
      'claude-fable-5',
      'claude-haiku-5-5'
    ]) {
      expect(unknown).toBeGreaterThanOrEqual(costOf(model, u))
    }
  })

  it('costs nothing for no tokens', () => {
    expect(costOf(DEFAULT_MODEL, usage({}))).toBe(0)
  })
})
