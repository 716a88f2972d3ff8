// Which browser origins may call the mock, as users configure it. Apart from cors.ts so that the
// public types (index.ts) reach no Express types.
export type CorsSetting = 'local' | '*' | false | string[]
