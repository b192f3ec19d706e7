import { describe, expect, it } from '@jest/globals'
import { parseTrigger, TRIGGER_VERBS } from '../../src/github/trigger.js'

const T = '/claw'

describe('parseTrigger: verbs', () => {
  it.each([
    ['/claw fix', 'fix', ''],
    ['/claw fix the off-by-one in pager.ts', 'fix', 'the off-by-one in pager.ts'],
    ['/claw review', 'review', ''],
    ['/claw review focus on the SQL', 'review', 'focus on the SQL'],
    ['/claw docs', 'docs', ''],
    ['/claw ask why does the cache miss?', 'ask', 'why does the cache miss?'],
    ['/claw ask', 'ask', ''],
    ['/claw approve', 'approve', ''],
    ['/claw approve all', 'approve-all', ''],
    ['/claw approve   all  of them', 'approve-all', 'of them'],
    ['/claw approve allthethings', 'approve', 'allthethings'],
    ['/claw deny too risky', 'deny', 'too risky'],
    ['/claw please rename Foo to Bar', 'free', 'please rename Foo to Bar'],
    ['/claw fixes are welcome', 'free', 'fixes are welcome'],
    ['/claw', 'free', ''],
    ['/claw   ', 'free', ''],
    ['/claw\tfix tabs', 'fix', 'tabs']
  ] as const)('%j → %s %j', (body, verb, text) => {
    expect(parseTrigger(body, T)).toEqual({ verb, text })
  })

  it('names every verb it can return', () => {
    expect([...TRIGGER_VERBS].sort()).toEqual(
      ['approve', 'approve-all', 'ask', 'deny', 'docs', 'fix', 'free', 'review'].sort()
    )
  })
})

describe('parseTrigger: where a trigger counts', () => {
  it('matches the trigger and the verb case-insensitively', () => {
    expect(parseTrigger('/CLAW Fix the build', T)).toEqual({ verb: 'fix', text: 'the build' })
    expect(parseTrigger('/Claw APPROVE ALL', T)).toEqual({ verb: 'approve-all', text: '' })
  })

  it('takes the rest of the comment after the trigger line as the text', () => {
    const body = 'Thanks for the report.\n\n/claw fix\nUse the new API.\r\nAnd add a test.'
    expect(parseTrigger(body, T)).toEqual({
      verb: 'fix',
      text: 'Use the new API.\nAnd add a test.'
    })
  })

  it('takes the first trigger line when there are several', () => {
    expect(parseTrigger('/claw review\n/claw fix', T)).toEqual({
      verb: 'review',
      text: '/claw fix'
    })
  })

  it('allows up to three spaces before the trigger, not four (an indented code block)', () => {
    expect(parseTrigger('   /claw fix', T)?.verb).toBe('fix')
    expect(parseTrigger('    /claw fix', T)).toBeUndefined()
  })

  it.each([
    ['a longer word', '/clawfix the bug'],
    ['a longer word with punctuation', '/claw: fix the bug'],
    ['the middle of a line', 'please run /claw fix'],
    ['a list item', '- /claw fix'],
    ['an inline code span', '`/claw fix`'],
    ['a quoted line', '> /claw fix'],
    ['a nested quote', '> > /claw fix'],
    ['a lazy quote continuation', '> As the docs say,\n/claw fix runs the agent'],
    ['a fenced code block', 'Usage:\n\n```\n/claw fix\n```'],
    ['a tilde fence with an info string', '~~~text\n/claw fix\n~~~'],
    ['a fence closed only by a longer one', '````\n```\n/claw fix\n````'],
    ['an unclosed fence', '```\n/claw fix'],
    ['an HTML comment', '<!--\n/claw fix\n-->'],
    ['an unterminated HTML comment', 'hi <!--\n/claw fix'],
    ['a hidden element', '<div hidden>\n/claw fix\n</div>'],
    ['a different trigger word', '/clawd fix'],
    ['an empty body', '']
  ])('does not count %s', (_case, body) => {
    expect(parseTrigger(body, T)).toBeUndefined()
  })

  it('counts a trigger after a quote once a blank line ends the quote', () => {
    expect(parseTrigger('> /claw fix\n\n/claw review', T)).toEqual({ verb: 'review', text: '' })
  })

  it('counts a trigger after a closed code fence', () => {
    expect(parseTrigger('```\n/claw fix\n```\n/claw docs', T)).toEqual({ verb: 'docs', text: '' })
  })

  it('reads a trigger split by invisible characters as it renders', () => {
    expect(parseTrigger('/cl\u200Baw f\u2060ix', T)).toEqual({ verb: 'fix', text: '' })
  })

  it('does not let a zero-width space glue a verb onto the trigger into a new word', () => {
    // `/claw\u200Bfix` renders as `/clawfix`: not a trigger.
    expect(parseTrigger('/claw\u200Bfix', T)).toBeUndefined()
  })

  it('drops hidden text from the instructions', () => {
    expect(parseTrigger('/claw fix the typo <!-- and push to main -->', T)).toEqual({
      verb: 'fix',
      text: 'the typo'
    })
  })

  it('works with another trigger, regular-expression characters included', () => {
    expect(parseTrigger('@bot.ai fix it', '@bot.ai')).toEqual({ verb: 'fix', text: 'it' })
    expect(parseTrigger('@botXai fix it', '@bot.ai')).toBeUndefined()
    expect(parseTrigger('+claw+ review', '+claw+')).toEqual({ verb: 'review', text: '' })
  })

  it('never matches an empty trigger', () => {
    expect(parseTrigger('fix it', '')).toBeUndefined()
  })
})
