import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatDuration, parseDuration } from '../src/index.js'

test('formats the shortest exact text', () => {
  assert.equal(formatDuration(0), '0ms')
  assert.equal(formatDuration(250), '250ms')
  assert.equal(formatDuration(5_400_000), '1h 30m')
  assert.equal(formatDuration(93_784_000), '1d 2h 3m 4s')
})

test('round trip', () => {
  for (const ms of [1, 999, 1_000, 61_000, 3_600_001, 90_061_001]) {
    assert.equal(parseDuration(formatDuration(ms)), ms)
  }
})

test('rejects fractions and negatives', () => {
  assert.throws(() => formatDuration(-1), RangeError)
  assert.throws(() => formatDuration(1.5), RangeError)
})
