// The parameters of an operation as openapi-typescript writes it (`operations[id]` of a generated
// file), merged into the one object the request validation hands over: path, query and JSON body
// (GitLab merges them too, reference §1.1). Types only; shared by the GitLab API's handlers and the
// control surface.

// Tuples stop TypeScript distributing over `undefined` and `never` (absent parts add nothing).
type Part<T, K extends string> = T extends { [P in K]?: infer V } ? ([NonNullable<V>] extends [never] ? unknown : NonNullable<V>) : unknown
type JsonBody<T> = [NonNullable<T>] extends [never]
  ? unknown
  : NonNullable<T> extends { content: { 'application/json': infer B } } ? B : unknown

export type MergedParams<O extends { parameters: unknown; requestBody?: unknown }> = Part<O['parameters'], 'path'> &
  Part<O['parameters'], 'query'> &
  JsonBody<O['requestBody']>
