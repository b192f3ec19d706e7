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

describe('createRedactor: token formats', () => {
  const redact = createRedactor([])

  it('replaces refresh tokens, AWS access key ids and JWTs', () => {
    const jwt =
      'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzY3AiOiJBY3Rpb25zLlJlc3VsdHM6MTox' +
      'In0.c2lnbmF0dXJlLXBhcnQtd2l0aC11cmwtc2FmZV9jaGFycy0'
    for (const token of [
      `ghr_${'r'.repeat(36)}`,
      'AKIAIOSFODNN7EXAMPLE',
      'ASIAY34FZKBOKMUTVV7A',
      jwt
    ]) {
      expect(redact(`x=${token} y`)).toBe('x=[REDACTED] y')
    }
  })

  it('leaves look-alikes alone: an AKIA inside a longer word, a lone eyJ, a dotted name', () => {
    const text = 'XAKIAIOSFODNN7EXAMPLEX eyJhbGciOi only; file.eyJ.txt; AKIA-short'
    expect(redact(text)).toBe(text)
  })
})

describe('createRedactor: ANSI escape sequences', () => {
  const secret = 'hunter2-correct-horse'
  const redact = createRedactor([secret])

  it('strips colours that would split a known secret or a token', () => {
    expect(redact(`key: hunter2-\u001b[31mcorrect\u001b[0m-horse`)).toBe('key: [REDACTED]')
    expect(redact(`sk-ant-\u001b[31m${'a'.repeat(30)}\u001b[0m`)).toBe('[REDACTED]')
    expect(redact(`\u001b[1;32mghs_\u001b[0m${'b'.repeat(36)}`)).toBe('[REDACTED]')
  })

  it('strips OSC titles and links, 8-bit CSI and two-character escapes, keeping the text', () => {
    expect(
      redact(
        '\u001b]0;title\u0007a \u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ \u009b2Kb \u001bMc'
      )
    ).toBe('a link b c')
  })

  it('changes a text without escapes or secrets in no way', () => {
    const text = 'plain text\twith tabs\nand "quotes" \\ backslashes, ünïcödé'
    expect(redact(text)).toBe(text)
  })
})

describe('createRedactor: escaped and encoded forms of a known secret', () => {
  const secret = 'p@ss/wörd"with\\slash\nline2-of-it'
  const redact = createRedactor([secret])

  it('replaces the JSON-escaped form, as a JSON text holds it', () => {
    const json = JSON.stringify({ password: secret })
    expect(json).not.toContain(secret)
    expect(redact(json)).toBe('{"password":"[REDACTED]"}')
  })

  it('replaces the `\\/` form and the `\\uXXXX` forms of other JSON encoders', () => {
    const escaped = JSON.stringify(secret).slice(1, -1)
    const slashed = escaped.replaceAll('/', '\\/')
    const lower = slashed.replace('ö', '\\u00f6')
    const upper = escaped.replace('ö', '\\u00F6')
    for (const form of [slashed, lower, upper]) {
      expect(redact(`"${form}"`)).toBe('"[REDACTED]"')
    }
  })

  it('replaces the form escaped twice (a JSON document inside a JSON string)', () => {
    const twice = JSON.stringify(JSON.stringify({ password: secret }))
    expect(redact(twice)).not.toContain('wörd')
    expect(redact(twice)).toContain('[REDACTED]')
  })

  it('replaces each line of a multi-line secret, whatever the line endings', () => {
    const pem =
      '-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END KEY-----'
    const redactPem = createRedactor([pem])
    const crlf = pem.replaceAll('\n', '\r\n')
    expect(redactPem(crlf)).not.toMatch(/MIIEvQIBADANBgkqhkiG9w0BAQEFAASC|BKcwggSjAgEAAoIBAQC7/)
  })

  it('replaces the percent-encoded form (a URL)', () => {
    expect(redact(`https://x/?p=${encodeURIComponent(secret)}&q=1`)).toBe(
      'https://x/?p=[REDACTED]&q=1'
    )
  })

  it('replaces the secret inside base64 output at every byte alignment', () => {
    const token = 'claw-redact-base64-canary-7fK2pQ'
    const redactToken = createRedactor([token])
    for (const prefix of ['', 'a', 'ab', 'abc', 'PATH=/usr/bin\u0000TOKEN=']) {
      for (const encoding of ['base64', 'base64url'] as const) {
        const encoded = Buffer.from(`${prefix}${token}\u0000HOME=/root`).toString(encoding)
        const redacted = redactToken(encoded)
        expect(redacted).toContain('[REDACTED]')
        // What is left cannot be decoded back into the token.
        for (const part of redacted.split('[REDACTED]')) {
          expect(Buffer.from(part, encoding).toString('latin1')).not.toContain(token.slice(0, 12))
        }
      }
    }
  })
})

describe('createRedactor: speed', () => {
  it('redacts a 1 MB tool output with 30 known secrets in one pass, well under 100 ms', () => {
    const secrets = Array.from({ length: 30 }, (_, index) => `secret-${index}-${'x7Q'.repeat(8)}`)
    const redact = createRedactor(secrets)
    const line = 'src/a/b.ts:12:3 - error TS2345: \u001b[31mArgument\u001b[0m of type string.\n'
    const text = `${line.repeat(Math.ceil(1_000_000 / line.length))}${secrets[7]}`
    redact(text) // warm up the compiled expression
    const started = performance.now()
    const result = redact(text)
    const elapsed = performance.now() - started
    expect(result.endsWith('[REDACTED]')).toBe(true)
    expect(result).not.toContain('\u001b')
    // Measured about 9 ms on a shared 2-core machine; the bound leaves room for a slow CI.
    expect(elapsed).toBeLessThan(100)
  })
})
