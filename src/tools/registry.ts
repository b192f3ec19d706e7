import type { ToolDefinition } from '../agent/model-client.js'
import { bashTool } from './bash.js'
import { editTool } from './edit.js'
import { globTool } from './glob.js'
import { grepTool } from './grep.js'
import { readTool } from './read.js'
import { reviewCommentTool } from './review-comment.js'
import type { Tool } from './tool.js'
import { writeTool } from './write.js'

/** The six tools, in the order the model is told about them. */
export const ALL_TOOLS: readonly Tool[] = [
  bashTool,
  readTool,
  writeTool,
  editTool,
  globTool,
  grepTool
] as Tool[]

/** The six tools and ReviewComment, for a run that reviews a pull request. */
export const REVIEW_TOOLS: readonly Tool[] = [...ALL_TOOLS, reviewCommentTool]

/**
 * The tools a run offers: ReviewComment only where a review collects its findings; no Write and
 * no Edit for a read-only task (ask), whatever the policy's write rules say.
 */
export function toolsFor(options: { review: boolean; readOnly?: boolean }): readonly Tool[] {
  const tools = options.review ? REVIEW_TOOLS : ALL_TOOLS
  return options.readOnly === true
    ? tools.filter(tool => tool.name !== 'Write' && tool.name !== 'Edit')
    : tools
}

/**
 * The tools a task offers, by name (all six without `names`). An unknown name is a programming
 * error in a task's profile, so it throws.
 */
export function toolsByName(names?: readonly string[]): Map<string, Tool> {
  const all = new Map(ALL_TOOLS.map(tool => [tool.name as string, tool]))
  if (names === undefined) return all
  const chosen = new Map<string, Tool>()
  for (const name of names) {
    const tool = all.get(name)
    if (tool === undefined) {
      throw new Error(`Unknown tool ${name}; the tools are ${[...all.keys()].join(', ')}.`)
    }
    chosen.set(name, tool)
  }
  return chosen
}

/** What the model is told about each tool. */
export function toolDefinitions(tools: Iterable<Tool>): ToolDefinition[] {
  return [...tools].map(tool => ({
    name: tool.name,
    description: tool.description,
    input_schema: tool.inputSchema
  }))
}
