import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseDuration, DurationError } from '../src/index.js'

test('single units', () => {
  assert.equal(parseDuration('2d'), 172_800_000)
  assert.equal(parseDuration('1h'), 3_600_000)
  assert.equal(parseDuration('5m'), 300_000)
  assert.equal(parseDuration('90s'), 90_000)
})

test('milliseconds', () => {
  assert.equal(parseDuration('250ms'), 250)
  assert.equal(parseDuration('1s 500ms'), 1_500)
})

test('compound durations with and without spaces', () => {
  assert.equal(parseDuration('1h 30m'), 5_400_000)
  assert.equal(parseDuration('1h30m'), 5_400_000)
  assert.equal(parseDuration('1d 2h 3m 4s'), 93_784_000)
})

test('decimals', () => {
  assert.equal(parseDuration('1.5h'), 5_400_000)
  assert.equal(parseDuration('0.25s'), 250)
})

test('bad input names the bad part', () => {
  assert.throws(() => parseDuration(''), DurationError)
  assert.throws(() => parseDuration('10 minutes'), /cannot parse "10 minutes"/)
  assert.throws(() => parseDuration('1h 5x'), /cannot parse "5x"/)
})
