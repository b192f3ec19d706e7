/** Entry of the action's main step (`runs.main` in action.yml): everything happens in `run`. */
import { run } from './main.js'

void run()
