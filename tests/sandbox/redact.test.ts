import { describe, expect, it } from '@jest/globals'
import { createRedactor } from '../../src/sandbox/redact.js'

describe('createRedactor', () => {
  it('replaces every occurrence of each known secret of 8 characters or more', () => {
    const redact = createRedactor(['s3cr3t-value', 'short', 'a.b*c+d?e'])
    expect(redact('x s3cr3t-value y s3cr3t-value')).toBe('x [REDACTED] y [REDACTED]')
    expect(redact('short stays')).toBe('short stays')
    expect(redact('regex chars: a.b*c+d?e, not aXbbbcd')).toBe(
      'regex chars: [REDACTED], not aXbbbcd'
    )
  })

  it('replaces a longer secret whole when it contains a shorter one', () => {
    const redact = createRedactor(['abcdefgh', 'abcdefgh-ijkl'])
    expect(redact('[abcdefgh-ijkl]')).toBe('[[REDACTED]]')
  })

  it('ignores whitespace around a secret value', () => {
    expect(createRedactor(['  key-12345678\n'])('key-12345678')).toBe('[REDACTED]')
  })

  it('replaces well-known token formats even when not known', () => {
    const redact = createRedactor([])
    const tokens = [
      `ghp_${'a'.repeat(36)}`,
      `gho_${'B'.repeat(36)}`,
      `ghs_${'1'.repeat(36)}`,
      `ghu_${'c'.repeat(36)}`,
      `github_pat_${'d'.repeat(22)}_${'e'.repeat(59)}`,
      `sk-ant-api03-${'f'.repeat(40)}-g_h`
    ]
    for (const token of tokens) {
      expect(redact(`token=${token};`)).toBe('token=[REDACTED];')
    }
    expect(redact('ghp_short and sk-ant- alone')).toBe('ghp_short and sk-ant- alone')
  })
})
