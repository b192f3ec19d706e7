import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { Defaults, Inputs, type InputName } from '../../src/constants.js'
import { UserError } from '../../src/errors.js'
import { describeSettings, getSettings, parseSettings, type Settings } from '../../src/settings.js'

/** An input reader over a plain object: unset inputs read as '', as `core.getInput` does. */
function reader(inputs: Partial<Record<InputName, string>>): (name: InputName) => string {
  return name => inputs[name] ?? ''
}

function parse(inputs: Partial<Record<InputName, string>>): Settings {
  return parseSettings(reader(inputs))
}

function errorOf(inputs: Partial<Record<InputName, string>>): UserError {
  try {
    parse(inputs)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error(`expected ${JSON.stringify(inputs)} to be refused`)
}

describe('parseSettings', () => {
  it('falls back to the documented defaults when every input is empty', () => {
    expect(parse({})).toEqual({
      anthropicApiKey: '',
      githubToken: '',
      policyPath: '.github/claw.yml',
      trigger: '/claw',
      task: undefined,
      prompt: '',
      model: 'claude-sonnet-4-5',
      maxTurns: undefined,
      maxCostUsd: undefined,
      timeoutMinutes: undefined,
      branchPrefix: 'claw/',
      openPullRequest: true,
      allowedBots: [],
      labelTrigger: '',
      phase: 'all',
      repairAttempts: 2
    } satisfies Settings)
  })

  it('reads every input as given, trimmed', () => {
    const settings = parse({
      [Inputs.AnthropicApiKey]: ' sk-ant-test ',
      [Inputs.GithubToken]: 'ghs_token',
      [Inputs.Policy]: 'config/claw.yml',
      [Inputs.Trigger]: '@claw',
      [Inputs.Task]: 'review',
      [Inputs.Prompt]: '  Fix the typo in README.md\nand nothing else.  ',
      [Inputs.Model]: 'claude-opus-4-1@20250805',
      [Inputs.MaxTurns]: '12',
      [Inputs.MaxCostUsd]: '0.75',
      [Inputs.TimeoutMinutes]: '7.5',
      [Inputs.BranchPrefix]: 'bots/claw-',
      [Inputs.OpenPr]: 'FALSE',
      [Inputs.AllowedBots]: 'dependabot[bot], renovate[bot]\nmy-app[bot]\n',
      [Inputs.LabelTrigger]: '  claw: fix me ',
      [Inputs.Phase]: 'agent',
      [Inputs.RepairAttempts]: '3'
    })
    expect(settings).toEqual({
      anthropicApiKey: 'sk-ant-test',
      githubToken: 'ghs_token',
      policyPath: 'config/claw.yml',
      trigger: '@claw',
      task: 'review',
      prompt: 'Fix the typo in README.md\nand nothing else.',
      model: 'claude-opus-4-1@20250805',
      maxTurns: 12,
      maxCostUsd: 0.75,
      timeoutMinutes: 7.5,
      branchPrefix: 'bots/claw-',
      openPullRequest: false,
      allowedBots: ['dependabot[bot]', 'renovate[bot]', 'my-app[bot]'],
      labelTrigger: 'claw: fix me',
      phase: 'agent',
      repairAttempts: 3
    } satisfies Settings)
  })

  it.each(['true', 'True', 'TRUE'])('takes open-pr %s as true', value => {
    expect(parse({ [Inputs.OpenPr]: value }).openPullRequest).toBe(true)
  })

  it('takes the API key from ANTHROPIC_API_KEY when the input is empty', () => {
    const settings = parseSettings(reader({}), { environment: { ANTHROPIC_API_KEY: 'sk-env' } })
    expect(settings.anthropicApiKey).toBe('sk-env')
  })

  it('prefers the input over ANTHROPIC_API_KEY', () => {
    const settings = parseSettings(reader({ [Inputs.AnthropicApiKey]: 'sk-input' }), {
      environment: { ANTHROPIC_API_KEY: 'sk-env' }
    })
    expect(settings.anthropicApiKey).toBe('sk-input')
  })

  it.each<[Partial<Record<InputName, string>>, string]>([
    [{ 'max-turns': 'ten' }, 'Input "max-turns" must be a positive whole number, got "ten".'],
    [{ 'max-turns': '0' }, 'Input "max-turns" must be a positive whole number, got "0".'],
    [{ 'max-turns': '2.5' }, 'Input "max-turns" must be a positive whole number, got "2.5".'],
    [{ 'max-turns': '-3' }, 'Input "max-turns" must be a positive whole number, got "-3".'],
    [
      { 'max-turns': '99999999999999999999' },
      'Input "max-turns" must be a positive whole number, got "99999999999999999999".'
    ],
    [
      { 'max-cost-usd': '$2' },
      'Input "max-cost-usd" must be a positive number of US dollars, such as 2.50, got "$2".'
    ],
    [
      { 'max-cost-usd': '0' },
      'Input "max-cost-usd" must be a positive number of US dollars, such as 2.50, got "0".'
    ],
    [
      { 'max-cost-usd': '1e3' },
      'Input "max-cost-usd" must be a positive number of US dollars, such as 2.50, got "1e3".'
    ],
    [
      { 'timeout-minutes': '20m' },
      'Input "timeout-minutes" must be a positive number of minutes, such as 20, got "20m".'
    ],
    [
      { 'timeout-minutes': 'Infinity' },
      'Input "timeout-minutes" must be a positive number of minutes, such as 20, got "Infinity".'
    ],
    [{ 'open-pr': 'yes' }, 'Input "open-pr" must be "true" or "false", got "yes".'],
    [{ phase: 'both' }, 'Input "phase" must be one of all, agent, deliver, got "both".'],
    [
      { task: 'build' },
      'Input "task" must be empty (to choose the task from the event) or one of fix, review, docs, repair, ask, got "build".'
    ],
    [
      { model: 'claude sonnet' },
      'Input "model" must be a model id such as "claude-sonnet-4-5", got "claude sonnet".'
    ],
    [
      { trigger: '/claw please' },
      'Input "trigger" must be one word without spaces, such as "/claw", got "/claw please".'
    ],
    [
      { 'branch-prefix': 'claw..' },
      'Input "branch-prefix" must be a valid start of a git branch name, such as "claw/", got "claw..".'
    ],
    [
      { 'branch-prefix': 'my branch/' },
      'Input "branch-prefix" must be a valid start of a git branch name, such as "claw/", got "my branch/".'
    ],
    [
      { 'allowed-bots': 'dependabot[bot], renovate bot' },
      'Input "allowed-bots" must be GitHub logins separated by commas or new lines, such as "dependabot[bot], renovate[bot]", got "renovate bot" in it.'
    ],
    [
      { 'label-trigger': 'claw\nbug' },
      'Input "label-trigger" must be the name of one label, such as "claw", got "claw\nbug".'
    ]
  ])('refuses %j with one clear message', (inputs, message) => {
    expect(errorOf(inputs).message).toBe(message)
  })

  it('masks both secrets before it checks anything else', () => {
    const events: string[] = []
    const read = (name: InputName): string => {
      events.push(`read ${name}`)
      return (
        (
          {
            [Inputs.AnthropicApiKey]: 'sk-ant-secret',
            [Inputs.GithubToken]: 'ghs_secret',
            [Inputs.MaxTurns]: 'ten'
          } as Partial<Record<InputName, string>>
        )[name] ?? ''
      )
    }
    expect(() => parseSettings(read, { mask: secret => events.push(`mask ${secret}`) })).toThrow(
      UserError
    )
    const firstOther = events.findIndex(
      event => event.startsWith('read') && !/anthropic-api-key|github-token/.test(event)
    )
    expect(events.indexOf('mask sk-ant-secret')).toBeGreaterThanOrEqual(0)
    expect(events.indexOf('mask ghs_secret')).toBeGreaterThanOrEqual(0)
    expect(events.indexOf('mask sk-ant-secret')).toBeLessThan(firstOther)
    expect(events.indexOf('mask ghs_secret')).toBeLessThan(firstOther)
  })

  it('masks the key taken from ANTHROPIC_API_KEY too, and masks nothing empty', () => {
    const masked: string[] = []
    parseSettings(reader({}), {
      environment: { ANTHROPIC_API_KEY: 'sk-from-env' },
      mask: secret => masked.push(secret)
    })
    expect(masked).toEqual(['sk-from-env'])
  })

  it('keeps the secrets out of the debug description', () => {
    const line = describeSettings(
      parse({ [Inputs.AnthropicApiKey]: 'sk-ant-secret', [Inputs.GithubToken]: '' })
    )
    expect(line).not.toContain('sk-ant-secret')
    expect(JSON.parse(line)).toMatchObject({
      anthropicApiKey: 'set',
      githubToken: 'not set',
      model: Defaults.Model
    })
  })

  it('shows the label trigger in the debug description, empty when not set', () => {
    expect(JSON.parse(describeSettings(parse({})))).toMatchObject({ labelTrigger: '' })
    const line = describeSettings(parse({ [Inputs.LabelTrigger]: 'claw' }))
    expect(JSON.parse(line)).toMatchObject({ labelTrigger: 'claw' })
  })
})

describe('getSettings', () => {
  const saved = { ...process.env }
  let stdout: string[]

  beforeEach(() => {
    for (const name of Object.keys(process.env)) {
      if (name.startsWith('INPUT_') || name === 'ANTHROPIC_API_KEY') delete process.env[name]
    }
    stdout = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk))
      return true
    })
  })

  afterEach(() => {
    jest.restoreAllMocks()
    process.env = { ...saved }
  })

  it('reads INPUT_<NAME> variables, hyphens kept, as the runner sets them', () => {
    process.env['INPUT_MAX-TURNS'] = '5'
    process.env['INPUT_OPEN-PR'] = 'false'
    process.env['INPUT_ALLOWED-BOTS'] = 'dependabot[bot]'
    process.env['INPUT_LABEL-TRIGGER'] = ' Claw '
    const settings = getSettings()
    expect(settings.maxTurns).toBe(5)
    expect(settings.openPullRequest).toBe(false)
    expect(settings.allowedBots).toEqual(['dependabot[bot]'])
    expect(settings.labelTrigger).toBe('Claw')
  })

  it('prints ::add-mask:: for the API key and the token before an input error', () => {
    process.env['INPUT_ANTHROPIC-API-KEY'] = 'sk-ant-masked'
    process.env['INPUT_GITHUB-TOKEN'] = 'ghs_masked'
    process.env['INPUT_MAX-TURNS'] = 'ten'
    expect(() => getSettings()).toThrow('Input "max-turns" must be a positive whole number')
    const output = stdout.join('')
    expect(output).toContain('::add-mask::sk-ant-masked')
    expect(output).toContain('::add-mask::ghs_masked')
  })

  it('masks a key that comes from ANTHROPIC_API_KEY in the environment', () => {
    process.env['ANTHROPIC_API_KEY'] = 'sk-ant-from-env'
    expect(getSettings().anthropicApiKey).toBe('sk-ant-from-env')
    expect(stdout.join('')).toContain('::add-mask::sk-ant-from-env')
  })
})
