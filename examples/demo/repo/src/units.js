/** Milliseconds in one of each unit, largest first (formatDuration relies on this order). */
export const UNITS = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1]
]

export const UNIT_MS = new Map(UNITS)
