import { ToolInputError } from './tool.js'

/**
 * Small checks for tool inputs. Every message names the field and says what was expected, so
 * that the model can fix its call in one step.
 */

export type InputObject = Record<string, unknown>

export function inputObject(input: unknown, tool: string, fields: readonly string[]): InputObject {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ToolInputError(`${tool} takes a JSON object with the fields ${fields.join(', ')}.`)
  }
  const unknown = Object.keys(input).filter(key => !fields.includes(key))
  if (unknown.length > 0) {
    throw new ToolInputError(
      `${tool} has no field ${unknown.map(key => `"${key}"`).join(', ')}; ` +
        `its fields are ${fields.join(', ')}.`
    )
  }
  return input as InputObject
}

export function requiredString(
  input: InputObject,
  key: string,
  options: { nonEmpty?: boolean } = {}
): string {
  const value = input[key]
  if (typeof value !== 'string') throw new ToolInputError(`"${key}" is required: a string.`)
  if (options.nonEmpty === true && value.length === 0) {
    throw new ToolInputError(`"${key}" must not be empty.`)
  }
  return value
}

export function optionalString(input: InputObject, key: string): string | undefined {
  const value = input[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new ToolInputError(`"${key}" must be a string.`)
  return value
}

export function optionalInteger(
  input: InputObject,
  key: string,
  bounds: { min: number; max?: number }
): number | undefined {
  let value = input[key]
  if (value === undefined || value === null) return undefined
  // Models now and then send a number as a string; accept that rather than spend a turn.
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) value = Number(value)
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ToolInputError(`"${key}" must be a whole number.`)
  }
  if (value < bounds.min) throw new ToolInputError(`"${key}" must be at least ${bounds.min}.`)
  if (bounds.max !== undefined && value > bounds.max) {
    throw new ToolInputError(`"${key}" must be at most ${bounds.max}.`)
  }
  return value
}

export function optionalBoolean(input: InputObject, key: string): boolean | undefined {
  const value = input[key]
  if (value === undefined || value === null) return undefined
  if (value === 'true') return true
  if (value === 'false') return false
  if (typeof value !== 'boolean') throw new ToolInputError(`"${key}" must be true or false.`)
  return value
}
