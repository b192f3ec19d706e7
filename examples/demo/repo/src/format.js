import { UNITS } from './units.js'

/**
 * Formats milliseconds as the shortest exact text: 5400000 → "1h 30m", 250 → "250ms".
 * @param {number} ms a whole, non-negative number of milliseconds
 * @returns {string}
 */
export function formatDuration(ms) {
  if (!Number.isInteger(ms) || ms < 0)
    throw new RangeError(`expected whole milliseconds, got ${ms}`)
  if (ms === 0) return '0ms'
  const parts = []
  let rest = ms
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size)
    if (count > 0) {
      parts.push(`${count}${unit}`)
      rest -= count * size
    }
  }
  return parts.join(' ')
}
