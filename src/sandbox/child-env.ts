/**
 * The environment of every process the agent starts (Bash). It is an allow-list, not a
 * deny-list: a runner's environment holds the action's inputs (`INPUT_ANTHROPIC-API-KEY`,
 * `INPUT_GITHUB-TOKEN`), the runtime token the artifact and cache services accept
 * (`ACTIONS_RUNTIME_TOKEN`), and the OIDC request token; a command the model runs could print
 * or send any of them. Only what build tools need passes.
 */

/** Names passed through as they are. */
const ALLOWED_NAMES = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TERM',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'CI',
  'GITHUB_ACTIONS',
  'GITHUB_WORKSPACE',
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_OWNER',
  'GITHUB_SHA',
  'GITHUB_REF',
  'GITHUB_REF_NAME',
  'GITHUB_HEAD_REF',
  'GITHUB_BASE_REF',
  'GITHUB_EVENT_NAME',
  'GITHUB_SERVER_URL',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER',
  'RUNNER_OS',
  'RUNNER_ARCH',
  'RUNNER_TEMP',
  'RUNNER_TOOL_CACHE',
  // Toolchains set up by setup-* actions.
  'JAVA_HOME',
  'GOROOT',
  'GOPATH',
  'GOMODCACHE',
  'GOCACHE',
  'CARGO_HOME',
  'RUSTUP_HOME',
  'DOTNET_ROOT',
  'pythonLocation',
  'Python_ROOT_DIR',
  'Python3_ROOT_DIR',
  'PKG_CONFIG_PATH',
  'LD_LIBRARY_PATH'
])

/** Name prefixes passed through (`LC_ALL`, `JAVA_HOME_17_X64`). */
const ALLOWED_PREFIXES = ['LC_', 'JAVA_HOME_']

/**
 * Never passed, even when a name above would let it through (`LC_SECRET_KEY` is still a
 * secret): checked on the upper-cased name.
 */
const DENIED = [
  /^INPUT_/,
  /^ACTIONS_/,
  /^ANTHROPIC_/,
  /TOKEN/,
  /KEY/,
  /SECRET/,
  /PASSWORD/,
  /CREDENTIAL/
]

/** Set for every child: nothing may wait for a human at a prompt or in a pager. */
const NON_INTERACTIVE: Readonly<Record<string, string>> = {
  GIT_TERMINAL_PROMPT: '0',
  GCM_INTERACTIVE: 'never',
  PAGER: 'cat',
  GIT_PAGER: 'cat',
  // A bare repository the model writes into the workspace (HEAD, config, objects/) would make
  // `git -C dir log` read that folder's config, where core.pager or core.fsmonitor run code.
  // git then only uses a bare repository named explicitly with --git-dir (which the policy denies).
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'safe.bareRepository',
  GIT_CONFIG_VALUE_0: 'explicit'
}

export function childEnvironment(parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined) continue
    const allowed =
      ALLOWED_NAMES.has(name) || ALLOWED_PREFIXES.some(prefix => name.startsWith(prefix))
    if (!allowed) continue
    const upper = name.toUpperCase()
    if (DENIED.some(pattern => pattern.test(upper))) continue
    env[name] = value
  }
  return { ...env, ...NON_INTERACTIVE }
}
