// Seeded, spec-driven hostile requests for the fuzz test and scripts/fuzz-long.ts: every operation of
// the contract, with wrong types, malformed and deeply nested bodies, huge and repeated parameters,
// `__proto__` keys, bad encodings, cross-site and foreign-Host requests, and bytes that are not HTTP.
import type { Contract, Operation } from '../../src/contract/index.js'
import type { Schema } from '../../src/contract/operations.js'
import { mulberry32 } from '../../src/scenarios/seeded-random.js'
import type { WorldData } from '../../src/store/records.js'

export interface FuzzRequest {
  /** What was tried, for failure messages. */
  label: string
  method: string
  path: string
  headers: Record<string, string>
  body?: string | Buffer
  /** Bytes for a bare socket instead of an HTTP request. */
  raw?: string | Buffer
  /** Expected to be refused before it acts (cross-site, foreign Host). */
  mustRefuse?: boolean
}

/** The credentials a world holds, to send and to look for in answers. */
export interface Secrets {
  personalTokens: string[]
  registrationTokens: string[]
  runnerTokens: string[]
}

export function secretsOf(world: WorldData): Secrets {
  return {
    personalTokens: world.accessTokens.map((token) => token.token),
    registrationTokens: [
      world.instance.registrationToken,
      ...world.groups.map((group) => group.registrationToken),
      ...world.projects.map((project) => project.registrationToken),
    ].filter((token): token is string => typeof token === 'string' && token !== ''),
    runnerTokens: world.runners.map((runner) => runner.token).filter((token): token is string => typeof token === 'string' && token !== ''),
  }
}

type Random = () => number

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

const deep = (depth: number, inner = '"x"') => '['.repeat(depth) + inner + ']'.repeat(depth)

/** JSON texts for a field: right and wrong types, huge, nested, hostile. */
function jsonValues(random: Random, schema: Schema): string[] {
  const valid = validJson(random, schema)
  return [
    ...valid,
    ...valid,
    'null', 'true', '0', '-1', '1.5', '1e309', '99999999999999999999999', '""', '" "', '"💥\\u0000"', '[]', '{}', '["a",1,null]',
    '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}',
    JSON.stringify('x'.repeat(pick(random, [1025, 5000, 70_000]))),
    JSON.stringify(Array.from({ length: pick(random, [51, 2000, 20_000]) }, (_, i) => `t${i % 977}`)),
    JSON.stringify(Array.from({ length: 200 }, () => 'dup').join(',')),
    deep(pick(random, [20, 99, 150, 3000])),
    `{"a":${deep(pick(random, [50, 200]), '{"b":1}')}}`,
  ]
}

function validJson(random: Random, schema: Schema): string[] {
  if (typeof schema === 'boolean') return ['"x"']
  const values = schema['enum']
  if (Array.isArray(values) && values.length > 0) return [JSON.stringify(pick(random, values))]
  const types = [schema['type']].flat().filter((type): type is string => typeof type === 'string')
  const branches = ['oneOf', 'anyOf'].flatMap((key) => (Array.isArray(schema[key]) ? (schema[key] as Schema[]) : []))
  if (types.length === 0 && branches.length > 0) return validJson(random, pick(random, branches))
  switch (pick(random, types.length > 0 ? types : ['string'])) {
    case 'integer':
    case 'number':
      return [String(pick(random, [1, 2, 3, 10, 600, 3600, 7200]))]
    case 'boolean':
      return [pick(random, ['true', 'false'])]
    case 'array':
      return ['["ruby","docker"]', '"ruby, docker"']
    case 'object':
      return ['{"name":"fuzz","version":"1.0"}']
    default:
      return [JSON.stringify(pick(random, ['fuzz', 'a runner', 'ruby,docker', 'never_contacted', 'online']))]
  }
}

/** Query and path strings: right and wrong types, encodings, huge, traversal. */
function textValues(random: Random, schema: Schema): string[] {
  const valid = validJson(random, schema).map((json) => {
    const value: unknown = JSON.parse(json)
    return typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : JSON.stringify(value)
  })
  return [...valid, ...valid, ...valid, '', ' ', '-1', '0', '1.5', 'abc', 'true', 'null', '%', '%ZZ', '%C3%28', '%00', '..%2F..%2Fetc%2Fpasswd',
    '💥', '<script>', 'x'.repeat(pick(random, [300, 3000])), '99999999999999999999999']
}

const ID_VALUES = ['1', '2', '3', '5', '6', '8', '10', '12', '20', '0', '-1', '1.5', 'abc', '99999999999', '%2e%2e', '%00', '1%2F2', 'acme%2Fplatform', 'acme', '💥']

export function* fuzzRequests(contract: Contract, secrets: Secrets, seed: number, port: number): Generator<FuzzRequest> {
  const random = mulberry32(seed)
  const operations = [...contract.operations.values()]
  // Half the picks are the first token (the administrator's in every scenario we ship), so most
  // requests get past authentication to the parameter rules and the store.
  const tokens = [...secrets.personalTokens, ...secrets.personalTokens.map(() => secrets.personalTokens[0]!)]
  for (;;) {
    const roll = random()
    if (roll < 0.02) yield transportGarbage(random)
    else if (roll < 0.05) yield crossSite(random, pick(random, operations), port)
    else if (roll < 0.07) yield foreignHost(random, pick(random, operations))
    else if (roll < 0.1) yield controlRequest(random)
    else yield operationRequest(random, pick(random, operations), tokens, secrets)
  }
}

function operationRequest(random: Random, operation: Operation, tokens: string[], secrets: Secrets): FuzzRequest {
  const headers: Record<string, string> = {}
  const query: string[] = []
  let path = `/api/v4${operation.path}`
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') {
      path = path.replace(`{${parameter.name}}`, encodeQuery(pick(random, ID_VALUES)))
    } else if (parameter.in === 'query' && random() < 0.5) {
      const value = pick(random, textValues(random, parameter.schema))
      const key = random() < 0.15 ? `${parameter.name}[]` : parameter.name
      const times = random() < 0.05 ? pick(random, [2, 50, 800]) : 1
      for (let i = 0; i < times; i++) query.push(`${key}=${encodeQuery(value)}`)
    }
  }
  if (random() < 0.1) query.push(pick(random, ['__proto__[admin]=1', 'constructor[prototype][admin]=1', 'info[__proto__][x]=1', 'tag_list[][]=x', 'x'.repeat(20_000)]))
  const credential = random()
  if (credential < 0.6) headers['PRIVATE-TOKEN'] = pick(random, tokens)
  else if (credential < 0.7) headers['Authorization'] = `Bearer ${pick(random, tokens)}`
  else if (credential < 0.75) query.push(`private_token=${pick(random, tokens)}`)
  else if (credential < 0.85) headers['PRIVATE-TOKEN'] = pick(random, ['glpat-nope', '', 'x'.repeat(4000), 'glpat-admin-0000000000000 '])
  const method = random() < 0.05 ? pick(random, ['PATCH', 'PUT', 'DELETE', 'POST', 'HEAD']) : operation.method.toUpperCase()
  const request: FuzzRequest = { label: `${operation.operationId}`, method, path: query.length > 0 ? `${path}?${query.join('&')}` : path, headers }
  if (method !== 'GET' && method !== 'HEAD') {
    // The body's Content-Type joins the credentials: assigning its headers over the request's dropped
    // them, so every write answered 401 before it reached a parameter rule or the store.
    const { body, headers: bodyHeaders } = bodyFor(random, operation, secrets)
    request.body = body
    Object.assign(headers, bodyHeaders)
  }
  request.label = `${operation.operationId} ${request.method} ${request.path.slice(0, 120)}`
  return request
}

function encodeQuery(value: string): string {
  // Some values are meant to stay broken (`%ZZ`); the rest are encoded as a client would.
  return /%/.test(value) ? value : encodeURIComponent(value)
}

function bodyFor(random: Random, operation: Operation, secrets: Secrets): Pick<FuzzRequest, 'body' | 'headers'> & { headers: Record<string, string> } {
  const schema = operation.requestBody?.schema
  const properties = typeof schema === 'object' && typeof schema['properties'] === 'object' ? (schema['properties'] as Record<string, Schema>) : {}
  const names = Object.keys(properties)
  const entries: string[] = []
  for (const name of names) {
    if (random() >= 0.4) continue
    const value = name === 'token' ? JSON.stringify(pick(random, [...secrets.registrationTokens, ...secrets.runnerTokens, 'glrt-nope', ''])) : pick(random, jsonValues(random, properties[name]!))
    entries.push(`${JSON.stringify(name)}:${value}`)
  }
  if (random() < 0.1) entries.push(pick(random, ['"__proto__":{"admin":true}', '"constructor":{"prototype":{"admin":true}}', '"info":{"__proto__":{"x":1}}']))
  const json = `{${entries.join(',')}}`
  const kind = random()
  if (kind < 0.7) return { headers: { 'Content-Type': 'application/json' }, body: json }
  if (kind < 0.75) return { headers: { 'Content-Type': 'application/json' }, body: pick(random, ['{"description": ', '{', '[]', '"x"', 'null', '{"a":1}}', json.slice(0, -1)]) }
  if (kind < 0.8) return { headers: { 'Content-Type': 'application/json' }, body: Buffer.concat([Buffer.from('{"description":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]) }
  if (kind < 0.87) {
    const form = names.filter(() => random() < 0.4).map((name) => `${encodeURIComponent(name)}=${encodeQuery(pick(random, textValues(random, properties[name]!)))}`)
    if (random() < 0.2) form.push('tag_list[]=a&tag_list[]=b&tag_list=c', '%ZZ=%ZZ', '__proto__[x]=1')
    return { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.join('&') }
  }
  if (kind < 0.92) {
    const parts = names.filter(() => random() < 0.4).map((name) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${pick(random, textValues(random, properties[name]!))}\r\n`)
    const broken = random() < 0.3
    return { headers: { 'Content-Type': broken ? 'multipart/form-data' : 'multipart/form-data; boundary=b' }, body: `${parts.join('')}--b--\r\n` }
  }
  return { headers: { 'Content-Type': pick(random, ['application/xml', 'text/plain', 'application/json; charset=utf-16', 'image/png', '', 'text/html']) }, body: json }
}

function crossSite(random: Random, operation: Operation, port: number): FuzzRequest {
  const method = pick(random, ['POST', 'PUT', 'DELETE', 'PATCH'])
  const path = pick(random, ['/__mock/reset', '/__mock/scenario', '/__mock/clock/advance', `/api/v4${operation.path.replaceAll(/\{[^}]+\}/g, '1')}`])
  return {
    label: `cross-site ${method} ${path}`,
    method,
    path,
    headers: { Origin: pick(random, ['https://evil.example', 'null', `http://attacker.localhost.example:${port}`]), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'name=empty&by=3h&paused=true',
    mustRefuse: true,
  }
}

function foreignHost(random: Random, operation: Operation): FuzzRequest {
  const method = operation.method.toUpperCase()
  const path = `/api/v4${operation.path.replaceAll(/\{[^}]+\}/g, '1')}`
  return {
    label: `foreign Host ${method} ${path}`,
    method,
    path,
    headers: { Host: pick(random, ['rebind.example', 'rebind.example:4600', '10.0.0.1', 'localhost.evil']), 'Content-Type': 'application/json' },
    ...(method === 'GET' ? {} : { body: '{}' }),
    mustRefuse: true,
  }
}

// Junk for the control API's own parameters; never a valid scenario or fault, which would change
// what every later request is answered from.
function controlRequest(random: Random): FuzzRequest {
  const junk = pick(random, ['', 'x', '-3h', '3 parsecs', '9999999999y', 'P1D', '2025-13-45T99:99:99Z', 'never', '💥', 'x'.repeat(5000)])
  const [method, path, body] = pick(random, [
    ['POST', '/__mock/scenario', JSON.stringify({ yaml: pick(random, ['users: [', 'include: [/etc/passwd]', 'replay: [../../../../etc]', 'runners: [{ id: -1 }]', 'users: 5', junk]) })],
    ['POST', '/__mock/scenario', JSON.stringify({ name: pick(random, ['nope', '../etc/passwd', junk]) })],
    ['POST', '/__mock/scenario', `{"yaml":${deep(pick(random, [50, 500]))}}`],
    ['POST', '/__mock/clock/advance', JSON.stringify({ by: junk })],
    ['POST', '/__mock/clock/set', JSON.stringify({ to: junk })],
    ['POST', '/__mock/clock/freeze', JSON.stringify({ at: junk })],
    ['GET', `/__mock/journal?limit=${encodeURIComponent(junk)}`, undefined],
    ['PUT', '/__mock/registration/groups/abc', JSON.stringify({ allowed: junk })],
    ['DELETE', `/__mock/sessions/${encodeURIComponent(junk || 'x')}`, undefined],
  ] as const)
  return {
    label: `control ${method} ${path}`,
    method,
    path,
    headers: body === undefined ? {} : { 'Content-Type': pick(random, ['application/json', 'application/json', 'text/plain']) },
    ...(body === undefined ? {} : { body }),
  }
}

function transportGarbage(random: Random): FuzzRequest {
  const raw = pick(random, [
    `GET /api/v4/runners?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
    `GET /api/v4/runners HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`,
    'FROB /api/v4/runners HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
    Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]),
    'GET /api/v4/runners HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: a\u0001b\r\n\r\n',
    'POST /api/v4/runners HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n',
    'GET /api/v4/runners HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n',
  ])
  return { label: `transport ${JSON.stringify(raw.toString('latin1').slice(0, 40))}`, method: '', path: '', headers: {}, raw }
}
