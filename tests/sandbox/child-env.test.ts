import { describe, expect, it } from '@jest/globals'
import { childEnvironment } from '../../src/sandbox/child-env.js'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

describe('childEnvironment', () => {
  const parent = {
    PATH: '/usr/bin:/bin',
    HOME: '/home/runner',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    GITHUB_WORKSPACE: '/work',
    GITHUB_REPOSITORY: 'o/r',
    RUNNER_TEMP: '/tmp/runner',
    JAVA_HOME_17_X64: '/opt/java17',
    ANTHROPIC_API_KEY: 'sk-ant-api03-secret',
    ANTHROPIC_BASE_URL: 'http://localhost:1',
    'INPUT_ANTHROPIC-API-KEY': 'sk-ant-api03-secret',
    'INPUT_GITHUB-TOKEN': 'ghs_secret',
    GITHUB_TOKEN: 'ghs_secret',
    ACTIONS_RUNTIME_TOKEN: 'jwt',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc',
    LC_SECRET_KEY: 'sneaky',
    NPM_TOKEN: 'npm_secret',
    AWS_SECRET_ACCESS_KEY: 'aws',
    SOMETHING_ELSE: 'not on the list',
    NODE_OPTIONS: '--require ./evil.js'
  }

  it('passes only allow-listed names, plus non-interactive settings', () => {
    expect(childEnvironment(parent)).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/home/runner',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      GITHUB_WORKSPACE: '/work',
      GITHUB_REPOSITORY: 'o/r',
      RUNNER_TEMP: '/tmp/runner',
      JAVA_HOME_17_X64: '/opt/java17',
      GIT_TERMINAL_PROMPT: '0',
      GCM_INTERACTIVE: 'never',
      PAGER: 'cat',
      GIT_PAGER: 'cat',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'safe.bareRepository',
      GIT_CONFIG_VALUE_0: 'explicit'
    })
  })

  it('keeps git from using a bare repository planted in the workspace', () => {
    const folder = mkdtempSync(join(tmpdir(), 'claw-bare-'))
    try {
      // What a model could write with Write: HEAD, config (with a pager that runs code), objects/.
      execFileSync('git', ['init', '-q', '--bare', join(folder, 'planted')])
      execFileSync('git', [
        'config',
        '-f',
        join(folder, 'planted', 'config'),
        'core.pager',
        'touch pwned'
      ])
      const env = childEnvironment({ PATH: process.env['PATH'], HOME: folder })
      const run = spawnSync('git', ['-C', 'planted', 'log'], { cwd: folder, env, encoding: 'utf8' })
      expect(run.status).not.toBe(0)
      expect(run.stderr).toContain('cannot use bare repository')
      expect(existsSync(join(folder, 'planted', 'pwned'))).toBe(false)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('never passes a secret-looking value, whatever the parent', () => {
    const values = Object.values(childEnvironment(parent))
    for (const secret of ['sk-ant-api03-secret', 'ghs_secret', 'jwt', 'oidc', 'sneaky', 'aws']) {
      expect(values).not.toContain(secret)
    }
  })

  it('reads process.env by default', () => {
    expect(childEnvironment().PATH).toBe(process.env.PATH)
  })
})
