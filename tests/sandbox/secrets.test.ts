import { describe, expect, it } from '@jest/globals'
import { collectSecrets, isSecretName, isTrivialSecret } from '../../src/sandbox/secrets.js'

describe('collectSecrets', () => {
  /** A runner's environment as an action step sees it, with a workflow's `env:` on top. */
  const runner = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: '/home/runner',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_SHA: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
    'INPUT_ANTHROPIC-API-KEY': 'sk-ant-api03-input-value',
    'INPUT_GITHUB-TOKEN': 'ghs_inputtokenvalue000',
    INPUT_PROMPT: 'Fix the failing test in src/parse.js please',
    INPUT_MODEL: 'claude-sonnet-4-5',
    ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
    ACTIONS_RUNTIME_URL: 'https://pipelines.actions.githubusercontent.com/abc/',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/token',
    ANTHROPIC_API_KEY: 'sk-ant-api03-env-value',
    ANTHROPIC_BASE_URL: 'https://api.anthropic.com',
    ANTHROPIC_MODEL: 'claude-sonnet-4-5-20250929',
    MY_SERVICE_TOKEN: 'my-service-token-value',
    npm_config_authToken: 'npm-lowercase-name',
    AWS_SECRET_ACCESS_KEY: 'aws/secret+access=key',
    DB_PASSWORD: 'database-password',
    GOOGLE_APPLICATION_CREDENTIALS: '/tmp/gcp-key.json',
    HTTPS_PROXY: 'http://proxyuser:pr%40xy-pass@proxy.example:3128',
    FEATURE_TOKEN_ENABLED: 'true',
    API_KEY_COUNT: '12345678',
    SHORT_KEY: 'abc',
    EMPTY_SECRET: ''
  }

  it('takes the values of secret-looking names and URL passwords, nothing else', () => {
    expect(collectSecrets(runner).sort()).toEqual(
      [
        'sk-ant-api03-input-value',
        'ghs_inputtokenvalue000',
        'runtime-token-value',
        'oidc-request-token',
        'sk-ant-api03-env-value',
        'my-service-token-value',
        'npm-lowercase-name',
        'aws/secret+access=key',
        'database-password',
        '/tmp/gcp-key.json',
        'pr%40xy-pass',
        'pr@xy-pass'
      ].sort()
    )
  })

  it('never takes the prompt, the model, URLs, paths or repository names', () => {
    const secrets = collectSecrets(runner)
    for (const value of [
      runner.INPUT_PROMPT,
      runner.INPUT_MODEL,
      runner.ANTHROPIC_MODEL,
      runner.ANTHROPIC_BASE_URL,
      runner.ACTIONS_RUNTIME_URL,
      runner.GITHUB_REPOSITORY,
      runner.PATH
    ]) {
      expect(secrets).not.toContain(value)
    }
  })

  it('adds the extras, trimmed, skipping trivial and undefined ones, without duplicates', () => {
    expect(
      collectSecrets({ A_TOKEN: 'same-value-1' }, [
        '  same-value-1\n',
        'extra-secret-2',
        undefined,
        '',
        'false',
        '3.14159265'
      ])
    ).toEqual(['same-value-1', 'extra-secret-2'])
  })
})

describe('isTrivialSecret', () => {
  it.each([
    ['', true],
    ['1234567', true],
    ['undefined', true],
    ['FALSE', true],
    ['123456789', true],
    ['-12.50000', true],
    ['12345678a', false],
    ['  password-like  ', false]
  ])('%j → %s', (value, trivial) => {
    expect(isTrivialSecret(value)).toBe(trivial)
  })
})

describe('isSecretName', () => {
  it.each([
    ['INPUT_GITHUB-TOKEN', true],
    ['INPUT_ANTHROPIC-API-KEY', true],
    ['INPUT_PROMPT', false],
    ['ACTIONS_RUNTIME_TOKEN', true],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', true],
    ['ACTIONS_ID_TOKEN_REQUEST_URL', false],
    ['ANTHROPIC_AUTH_TOKEN', true],
    ['ANTHROPIC_CUSTOM_HEADERS', true],
    ['ANTHROPIC_BASE_URL', false],
    ['client_secret', true],
    ['SSH_PASSWD', true],
    ['GITHUB_WORKSPACE', false]
  ])('%s → %s', (name, secret) => {
    expect(isSecretName(name)).toBe(secret)
  })
})
