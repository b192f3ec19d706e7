/**
 * The post step: work that must happen even when the main step failed or was cancelled, driven
 * by the state main saved. Nothing here may fail the job: a problem is a warning, because the
 * main step's result is what the user needs to see.
 */
import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { State } from '../constants.js'
import { errorMessage } from '../errors.js'
import { restoreCredentials } from '../git/credentials.js'
import { getSettings } from '../settings.js'
import { openCredentials, stateKeyMaterial } from './credential-state.js'

export async function runPost(): Promise<void> {
  // Each part on its own: a failed restore must not keep the transcript from being reported.
  try {
    await restoreSavedCredentials()
  } catch (error) {
    core.warning(
      `claw post step: could not put the persisted git credentials back: ${errorMessage(error)}`
    )
  }
  try {
    await reportSession()
  } catch (error) {
    core.warning(`claw post step: ${errorMessage(error)}`)
  }
}

/**
 * Puts back the git credentials main took out of the repository's config, when main did not get
 * to do it itself (it was killed, or its own attempt failed). Main clears the state once it has.
 */
async function restoreSavedCredentials(): Promise<void> {
  const sealed = core.getState(State.Credentials)
  if (sealed === '') return
  const keyMaterial = stateKeyMaterial(process.env, getSettings().githubToken)
  if (keyMaterial === undefined) {
    throw new Error('ACTIONS_RUNTIME_TOKEN and github-token are both empty')
  }
  const saved = openCredentials(sealed, keyMaterial)
  await restoreCredentials(saved)
  const count = saved.entries.reduce((total, entry) => total + entry.values.length, 0)
  core.info(`claw: put ${count} persisted git credential(s) back into the repository's config.`)
}

async function reportSession(): Promise<void> {
  const sessionFile = core.getState(State.SessionFile)
  if (sessionFile === '') {
    core.debug('claw: the main step started no session; nothing to do after it.')
    return
  }
  if (!existsSync(sessionFile)) {
    core.info(`claw: no session transcript was written (expected at ${sessionFile}).`)
    return
  }
  // Uploading it as a workflow artifact comes with the artifact store.
  core.info(`claw: the session transcript is at ${sessionFile}`)
  return Promise.resolve()
}
