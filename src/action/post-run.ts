/**
 * The post step: work that must happen even when the main step failed or was cancelled, driven
 * by the state main saved. Nothing here may fail the job: a problem is a warning, because the
 * main step's result is what the user needs to see.
 */
import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { State } from '../constants.js'
import { errorMessage } from '../errors.js'

export async function runPost(): Promise<void> {
  try {
    await reportSession()
  } catch (error) {
    core.warning(`claw post step: ${errorMessage(error)}`)
  }
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
