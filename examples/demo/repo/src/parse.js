import { UNIT_MS } from './units.js'

export class DurationError extends Error {
  constructor(message) {
    super(message)
    this.name = 'DurationError'
  }
}

// One part of a duration: a number followed by a unit, e.g. "1.5h" or "250ms".
const PART = /(\d+(?:\.\d+)?)\s*(d|h|m|s|ms)/y

/**
 * Parses "1h 30m", "1h30m", "90s" or "250ms" into milliseconds.
 * @param {string} text
 * @returns {number}
 */
export function parseDuration(text) {
  if (typeof text !== 'string') throw new DurationError('expected a string')
  const source = text.trim()
  if (source === '') throw new DurationError('empty duration')

  let total = 0
  let index = 0
  while (index < source.length) {
    if (source[index] === ' ') {
      index += 1
      continue
    }
    PART.lastIndex = index
    const match = PART.exec(source)
    if (!match) throw new DurationError(`cannot parse "${source.slice(index)}" in "${source}"`)
    const [, amount, unit] = match
    total += Number(amount) * UNIT_MS.get(unit)
    index = PART.lastIndex
  }
  return Math.round(total)
}
