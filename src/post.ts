/** Entry of the action's post step (`runs.post` in action.yml), run even after a failure. */
import { runPost } from './action/post-run.js'

void runPost()
