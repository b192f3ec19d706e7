export { parseDuration, DurationError } from './parse.js'
export { formatDuration } from './format.js'
export { UNITS } from './units.js'
