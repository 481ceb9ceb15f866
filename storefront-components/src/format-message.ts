export type MessageVars = Record<string, string | number | null | undefined>

/**
 * A replaceable string. Text may hold `{name}` placeholders and `[optional
 * sections]`, dropped whole when a placeholder inside them has no value.
 * A function gets the same values (not usable across a React Server
 * Component boundary, where only strings can be passed).
 */
export type Message = string | ((vars: MessageVars) => string)

const PLACEHOLDER = /\{(\w+)\}/g
const SECTION = /\[([^[\]]*)\]/g

const has = (vars: MessageVars, name: string) => vars[name] !== undefined && vars[name] !== null && vars[name] !== ""

export const formatMessage = (message: Message, vars: MessageVars = {}): string => {
  if (typeof message === "function") {
    return message(vars)
  }
  const sections = message.replace(SECTION, (_, section: string) =>
    [...section.matchAll(PLACEHOLDER)].every(([, name]) => has(vars, name)) ? section : ""
  )
  return sections.replace(PLACEHOLDER, (_, name: string) => (has(vars, name) ? String(vars[name]) : ""))
}
