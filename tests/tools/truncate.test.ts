import { describe, expect, it } from '@jest/globals'
import { HeadTailBuffer, truncateMiddle } from '../../src/tools/truncate.js'

describe('truncateMiddle', () => {
  it('leaves short text alone', () => {
    expect(truncateMiddle('abc', 10)).toBe('abc')
  })

  it('keeps head and tail and says how much was cut', () => {
    const text = `${'h'.repeat(500)}${'m'.repeat(1000)}${'t'.repeat(500)}`
    const result = truncateMiddle(text, 240)
    expect(result.length).toBeLessThanOrEqual(240)
    expect(result.startsWith('h'.repeat(100))).toBe(true)
    expect(result.endsWith('t'.repeat(100))).toBe(true)
    expect(result).toContain('[... 1800 characters cut ...]')
  })
})

describe('HeadTailBuffer', () => {
  it('keeps the first and last characters of a stream in bounded memory', () => {
    const buffer = new HeadTailBuffer(5, 5)
    for (const chunk of ['01234', '56789', 'abcdefghij', 'KLMNO']) buffer.push(chunk)
    expect(buffer.length).toBe(25)
    expect(buffer.toString()).toBe('01234\n[... 15 characters cut ...]\nKLMNO')
  })

  it('returns everything when it fits', () => {
    const buffer = new HeadTailBuffer(5, 5)
    buffer.push('0123')
    buffer.push('456789')
    expect(buffer.toString()).toBe('0123456789')
  })
})
