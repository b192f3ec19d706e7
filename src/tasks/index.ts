/** The task handlers by name: what the event handler runs for each task. */
import type { TaskName } from '../policy/types.js'
import { askTask } from './ask.js'
import { docsTask } from './docs.js'
import { fixTask } from './fix.js'
import { repairTask } from './repair.js'
import { reviewTask } from './review.js'
import type { TaskHandler } from './task.js'

// Each handler's `deliver` takes what its own `prepare` returned (a subtype of PreparedTask); the
// event handler hands one to the other unchanged, which is why the narrower parameter is sound.
export const TASKS: Record<TaskName, TaskHandler> = {
  fix: fixTask,
  review: reviewTask,
  ask: askTask,
  docs: docsTask,
  repair: repairTask
}
