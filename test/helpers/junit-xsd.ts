// The structure of the common JUnit XSD (Jenkins' junit-10.xsd, the one GitLab's test reports follow), checked
// without a schema validator: a small XML reader for what our reporter writes, and the XSD's rules as a table.
// Answers every problem as a sentence naming the element; an empty list means the document is valid.

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

interface ElementRule {
  required: string[]
  allowed: string[]
  /** Child element names in the order the XSD's sequence allows, each with its most occurrences. */
  children: [string, number][]
  textOnly?: boolean
}

const MANY = Number.POSITIVE_INFINITY
const rules: Record<string, ElementRule> = {
  testsuites: { required: [], allowed: ['name', 'time', 'tests', 'failures', 'errors', 'skipped', 'disabled'], children: [['testsuite', MANY]] },
  testsuite: {
    required: ['name', 'tests'],
    allowed: ['name', 'tests', 'failures', 'errors', 'skipped', 'time', 'timestamp', 'hostname', 'id', 'package', 'disabled', 'file', 'log', 'group', 'url'],
    children: [['properties', 1], ['testcase', MANY], ['system-out', 1], ['system-err', 1]],
  },
  properties: { required: [], allowed: [], children: [['property', MANY]] },
  property: { required: ['name', 'value'], allowed: ['name', 'value'], children: [] },
  testcase: {
    required: ['name'],
    allowed: ['name', 'classname', 'time', 'assertions', 'status', 'file', 'line', 'group'],
    children: [['skipped', 1], ['error', MANY], ['failure', MANY], ['system-out', MANY], ['system-err', MANY]],
  },
  skipped: { required: [], allowed: ['message', 'type'], children: [], textOnly: true },
  error: { required: [], allowed: ['message', 'type'], children: [], textOnly: true },
  failure: { required: [], allowed: ['message', 'type'], children: [], textOnly: true },
  'system-out': { required: [], allowed: [], children: [], textOnly: true },
  'system-err': { required: [], allowed: [], children: [], textOnly: true },
}

const COUNTS = ['tests', 'failures', 'errors', 'skipped'] as const

export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '')
  const token = /<\/([\w-]+)\s*>|<([\w-]+)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' }
  const stack = [root]
  let at = 0
  while (at < body.length) {
    token.lastIndex = at
    const match = token.exec(body)
    if (match === null) throw new Error(`not well-formed XML at offset ${at}: ${body.slice(at, at + 40)}`)
    at = token.lastIndex
    const [, close, open, attributes, selfClosing, text] = match
    const current = stack[stack.length - 1]!
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(text)) throw new Error(`a bare & in the text of <${current.name}>`)
      current.text += text
    } else if (close !== undefined) {
      if (current.name !== close) throw new Error(`</${close}> closes <${current.name}>`)
      stack.pop()
    } else {
      const element: XmlElement = { name: open!, attributes: {}, children: [], text: '' }
      for (const [, name, value] of attributes!.matchAll(/([\w-]+)="([^"]*)"/g)) {
        if (name! in element.attributes) throw new Error(`<${open}> repeats attribute ${name}`)
        element.attributes[name!] = value!
      }
      current.children.push(element)
      if (selfClosing === '') stack.push(element)
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`)
  const elements = root.children
  if (elements.length !== 1 || root.text.trim() !== '') throw new Error('a document has exactly one root element')
  return elements[0]!
}

/** Every way the document breaks the JUnit XSD's structure, or that its counts disagree with its test cases. */
export function junitProblems(xml: string): string[] {
  let root: XmlElement
  try {
    root = parseXml(xml)
  } catch (error) {
    return [(error as Error).message]
  }
  if (root.name !== 'testsuites' && root.name !== 'testsuite') return [`the root element is <${root.name}>, not <testsuites> or <testsuite>`]
  const problems: string[] = []
  check(root, problems)
  const suites = root.name === 'testsuites' ? root.children : [root]
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 }
  for (const suite of suites) {
    const cases = suite.children.filter((child) => child.name === 'testcase')
    const actual = {
      tests: cases.length,
      failures: cases.filter((test) => test.children.some((child) => child.name === 'failure')).length,
      errors: cases.filter((test) => test.children.some((child) => child.name === 'error')).length,
      skipped: cases.filter((test) => test.children.some((child) => child.name === 'skipped')).length,
    }
    for (const count of COUNTS) {
      totals[count] += actual[count]
      const stated = suite.attributes[count]
      if (stated !== undefined && Number(stated) !== actual[count]) problems.push(`testsuite "${suite.attributes.name}" says ${count}="${stated}" but has ${actual[count]}`)
    }
    const timestamp = suite.attributes.timestamp
    if (timestamp !== undefined && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(timestamp)) problems.push(`testsuite timestamp "${timestamp}" is not the XSD's ISO8601_DATETIME_PATTERN`)
  }
  if (root.name === 'testsuites') {
    for (const count of COUNTS) {
      const stated = root.attributes[count]
      if (stated !== undefined && Number(stated) !== totals[count]) problems.push(`testsuites says ${count}="${stated}" but its suites have ${totals[count]}`)
    }
  }
  return problems
}

function check(element: XmlElement, problems: string[]): void {
  const rule = rules[element.name]
  if (rule === undefined) return void problems.push(`<${element.name}> is not a JUnit element`)
  for (const name of rule.required) if (!(name in element.attributes)) problems.push(`<${element.name}> lacks the required attribute ${name}`)
  for (const name of Object.keys(element.attributes)) if (!rule.allowed.includes(name)) problems.push(`<${element.name}> has attribute ${name}, which the XSD does not allow`)
  for (const name of ['tests', 'failures', 'errors', 'skipped']) {
    const value = element.attributes[name]
    if (value !== undefined && !/^\d+$/.test(value)) problems.push(`<${element.name}> ${name}="${value}" is not a non-negative integer`)
  }
  if (!rule.textOnly && element.text.trim() !== '') problems.push(`<${element.name}> holds text`)
  // The children must follow the XSD's sequence: each name in turn, no more often than allowed.
  let step = 0
  let seen = 0
  for (const child of element.children) {
    while (step < rule.children.length && rule.children[step]![0] !== child.name) {
      step++
      seen = 0
    }
    const allowed = rule.children[step]
    if (allowed === undefined) {
      problems.push(`<${child.name}> is not allowed in <${element.name}> here`)
      break
    }
    if (++seen > allowed[1]) problems.push(`<${element.name}> has more than ${allowed[1]} <${child.name}>`)
    check(child, problems)
  }
}
