// Scripted model turns for the demo recording and the benchmark. They play the model's side of a
// real fix on examples/demo/repo (the duration-text library): every tool call in them runs for
// real against a copy of that repository when the script is played.

const text = value => ({ type: 'text', text: value })
let nextId = 0
const use = (name, input) => ({ type: 'tool_use', id: `toolu_script_${++nextId}`, name, input })
const reply = (...content) => ({
  reply: {
    content,
    stop_reason: content.some(b => b.type === 'tool_use') ? 'tool_use' : 'end_turn'
  }
})

export const DEMO_PROMPT =
  'The tests fail for durations in milliseconds such as "250ms". Find the cause and fix it.'

const OLD_PART = `// One part of a duration: a number followed by a unit, e.g. "1.5h" or "250ms".
const PART = /(\\d+(?:\\.\\d+)?)\\s*(d|h|m|s|ms)/y`
const NEW_PART = `// One part of a duration: a number followed by a unit, e.g. "1.5h" or "250ms". "ms" is tried
// before "m", and a unit may not run on into a word ("10 minutes" is not "10m" + "inutes").
const PART = /(\\d+(?:\\.\\d+)?)\\s*(ms|d|h|m|s)(?![a-z])/y`

/**
 * The fix recorded in examples/demo/session.jsonl (seven model turns, one call refused).
 * @returns {import('../tests/fixtures/fake-anthropic.mjs').Step[]}
 */
export function demoSteps() {
  return [
    reply(
      text("I'll run the test suite first to see what fails."),
      use('Bash', { command: 'npm test', description: 'Run the test suite' })
    ),
    reply(
      text(
        'Three tests fail: "250ms" and "1ms" stop with `cannot parse "s"`, and "10 minutes" is cut after "m". The parser is where to look.'
      ),
      use('Read', { file_path: 'src/parse.js' }),
      use('Grep', { pattern: 'UNIT_MS|UNITS', path: 'src', output_mode: 'content' })
    ),
    reply(
      text(
        'Found it. In `PART` the alternation `(d|h|m|s|ms)` tries `m` before `ms`, so "250ms" matches "250m" and leaves "s". Nothing stops a unit from running on into a word either, so "10 minutes" parses as "10m". I\'ll try `ms` first and require that a unit is not followed by a letter.'
      ),
      use('Edit', { file_path: 'src/parse.js', old_string: OLD_PART, new_string: NEW_PART })
    ),
    reply(
      use('Bash', {
        command: 'npm test 2>&1 | tail -n 12',
        description: 'Run the tests, last lines only'
      })
    ),
    reply(
      text('`tail` is not allowed by this policy; running the tests as they are.'),
      use('Bash', { command: 'npm test', description: 'Run the test suite' })
    ),
    reply(use('Bash', { command: 'git diff', description: 'Show the change' })),
    reply(
      text(
        'Fixed: `src/parse.js` now tries the `ms` unit before `m` and refuses a unit followed by more letters, so "250ms" parses as 250 ms and "10 minutes" is reported as unparseable instead of being read as 10 minutes. All 8 tests pass (`npm test`).'
      )
    )
  ]
}

/**
 * A ten-turn task for the benchmark: search, read, test, edit, test, inspect, answer.
 * @returns {import('../tests/fixtures/fake-anthropic.mjs').Step[]}
 */
export function benchSteps() {
  return [
    reply(text('Looking at the layout.'), use('Glob', { pattern: '**/*.js' })),
    reply(use('Read', { file_path: 'src/parse.js' }), use('Read', { file_path: 'src/units.js' })),
    reply(use('Grep', { pattern: 'parseDuration', output_mode: 'content' })),
    reply(use('Bash', { command: 'npm test', description: 'Run the tests' })),
    reply(use('Read', { file_path: 'test/parse.test.js' })),
    reply(use('Edit', { file_path: 'src/parse.js', old_string: OLD_PART, new_string: NEW_PART })),
    reply(use('Bash', { command: 'npm test', description: 'Run the tests' })),
    reply(use('Bash', { command: 'git diff --stat', description: 'Show the change' })),
    reply(use('Bash', { command: 'git status', description: 'Show the tree' })),
    reply(text('Fixed the unit order in src/parse.js; the tests pass.'))
  ]
}
