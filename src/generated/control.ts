// GENERATED FILE: do not edit by hand.
// Source: openapi/control.yaml. Rebuild with `npm run generate`;
// `npm test` fails when this file is stale.
export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The control API's index
         * @description What the control API offers, for clients that do not ask for HTML: the mock's version,
         *     where its health check and this document are, and every control operation with its
         *     method and path.
         */
        get: operations["getControlIndex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers 200 while the mock serves, so a Playwright `webServer`, a CI service or a
         *     container health check can wait for it. Needs no control token.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description The control API's OpenAPI 3.1 document as JSON, to generate a client from.
         */
        get: operations["getControlOpenapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the scope to its scenario
         * @description Restores the scenario the scope was started with or last loaded. Faults, clock and journal stay.
         */
        post: operations["resetScope"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scenario": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load another scenario
         * @description Loads a scenario by name (a file in `scenarios/`) or from inline YAML, and makes it the
         *     scope's scenario: a later reset returns to it. Loaded on the main scope, it is also what new
         *     sessions start from. A broken scenario changes nothing and answers 400 with
         *     `file:line path: problem`.
         */
        post: operations["loadScenario"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the whole state
         * @description The scope's state as data; importing it back gives the same state.
         */
        get: operations["exportState"];
        /**
         * Import a state
         * @description Replaces the scope's state with an exported one. The scope's scenario (what reset returns to) does not change.
         */
        put: operations["importState"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the journal
         * @description The last requests to the GitLab API on this scope, oldest first, with tokens redacted.
         */
        get: operations["listJournal"];
        put?: never;
        post?: never;
        /**
         * Clear the journal
         * @description Forgets every entry of this scope's journal.
         */
        delete: operations["clearJournal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/journal/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tail the journal
         * @description The scope's journal as server-sent events (`text/event-stream`): first the newest `limit`
         *     entries (those after `Last-Event-ID` on a reconnect), then every new entry as it is
         *     recorded, each as `event: entry` with `id:` its `seq` and `data:` the entry as JSON.
         *     Comment lines keep the connection open; it stays open until the client leaves.
         */
        get: operations["streamJournal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Summarise the scope
         * @description The scenario loaded, the built-in scenarios, and counts of users, groups, projects and
         *     runners, the runners by type and by `status` as the GitLab API computes it on the scope's clock.
         */
        get: operations["getOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/personas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List persona tokens
         * @description One usable personal access token per kind of caller the scope's users include: administrator,
         *     group owner, project maintainer, developer, outsider (the start banner's list).
         */
        get: operations["listPersonas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the clock
         * @description What the scope's clock reads, and whether it is frozen.
         */
        get: operations["getClock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Freeze the clock
         * @description Stops the clock where it stands, or at `at`.
         */
        post: operations["freezeClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock/set": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the clock
         * @description Puts the clock at a time; a running clock keeps running from there.
         */
        post: operations["setClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Advance the clock
         * @description Moves the clock forward by a duration such as `3h`, `7d` or `1h30m`.
         */
        post: operations["advanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Let the clock run
         * @description A frozen clock runs again from where it stands.
         */
        post: operations["resumeClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List faults
         * @description The scope's faults in the order they are tried.
         */
        get: operations["listFaults"];
        put?: never;
        /**
         * Add a fault
         * @description Matches requests by `operationId` or `path` (under `/api/v4`, `*` for one segment). The
         *     first matching fault, in the order added, hits a request with probability `rate`; it then
         *     waits `latencyMs`, and answers `status` with GitLab's body for it or drops the connection.
         *     A fault with only a latency lets the request run after the wait.
         */
        post: operations["addFault"];
        /**
         * Remove every fault
         * @description Removes all faults of the scope.
         */
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/faults/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a fault
         * @description Removes one fault by its id.
         */
        delete: operations["removeFault"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registration/instance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Allow or refuse registration tokens on the instance
         * @description The instance setting "Allow runner registration token".
         */
        put: operations["setInstanceRegistration"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registration/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Allow or refuse registration tokens in a group
         * @description The group setting "Allow runner registration token"; it also binds the group's subgroups and projects.
         */
        put: operations["setGroupRegistration"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registration/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Allow or refuse registration tokens in a project
         * @description The project setting "Allow runner registration token".
         */
        put: operations["setProjectRegistration"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sessions
         * @description Every live session, oldest first.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Drop a session
         * @description Forgets the session and its state; its next request starts a fresh one.
         */
        delete: operations["dropSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /** @constant */
            status: "ok";
            /**
             * @description The gitlab-runners-mock package version.
             * @example 0.1.0
             */
            version: string;
            /**
             * @description The main scope's scenario: a built-in name, a file path, `inline` for YAML sent to
             *     `POST /scenario`, or null for data handed to `startMock`.
             * @example default
             */
            scenario: string | null;
            /**
             * @description The GitLab release the mock answers as (major.minor).
             * @example 18.0
             */
            gitlabVersion: string;
            uptimeSeconds: number;
            /** @description Live sessions. */
            sessions: number;
        };
        ControlIndex: {
            /** @constant */
            name: "gitlab-runners-mock control API";
            version: string;
            /**
             * @description Path of the health check.
             * @example /__mock/health
             */
            health: string;
            /**
             * @description Path of this API's OpenAPI document.
             * @example /__mock/openapi.json
             */
            openapi: string;
            /**
             * @description Path of the GitLab API the mock serves.
             * @example /api/v4
             */
            api: string;
            operations: {
                operationId: string;
                /** @example POST */
                method: string;
                /** @example /__mock/reset */
                path: string;
                summary: string;
            }[];
        };
        /** @description `message` for the control API's own errors; `error` for a parameter the request validation rejects. */
        Error: {
            message?: string;
            error?: string;
        };
        /**
         * @description The whole state of a scope: the store's records (camelCase, times as epoch milliseconds).
         *     Exported by `GET /state` and read back by `PUT /state` and by `serve --state-file`.
         */
        WorldData: {
            /**
             * @description The GitLab release the mock answers as (`serve --gitlab-version`), e.g. `17.11`. Exported for information; an import ignores it.
             * @example 18.6
             */
            readonly gitlabVersion?: string;
            instance: Record<string, never>;
            users: Record<string, never>[];
            accessTokens: Record<string, never>[];
            groups: Record<string, never>[];
            projects: Record<string, never>[];
            runners: Record<string, never>[];
            managers: Record<string, never>[];
            jobs: Record<string, never>[];
        };
        FaultSpec: {
            /** @description The GitLab API operation to match, e.g. `getRunner`. */
            operationId?: string;
            /** @description A path under `/api/v4` to match; `*` stands for one segment. */
            path?: string;
            /** @enum {string} */
            method?: "GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "OPTIONS";
            latencyMs?: number | {
                min: number;
                max: number;
            };
            status?: number;
            drop?: boolean;
            rate?: number;
            seed?: number;
            times?: number;
        };
        Fault: components["schemas"]["FaultSpec"] & {
            id: string;
            hits: number;
        };
        JournalEntry: {
            seq: number;
            /** Format: date-time */
            at: string;
            method: string;
            /** @description Path and query, tokens replaced by `[REDACTED]`. */
            path: string;
            /** @description The status sent; 0 for a dropped connection. */
            status: number;
            durationMs: number;
            operationId: string | null;
            headers: {
                [key: string]: string;
            };
            /** @description The request body as parsed, secrets redacted; null without a body. */
            body: unknown;
            /** @description What the mock answered, secrets (runner and registration tokens) redacted, so a journal export can be checked against the contract offline with `gitlab-runners-mock validate`. */
            response: {
                headers: {
                    [key: string]: string;
                };
                /** @description The JSON body sent; null without a body (204, a dropped connection). */
                body: unknown;
            };
            fault: string | null;
            /** @description The user the request's token authenticated; null when none did. */
            username: string | null;
            findings: string[];
            /** @description Why the request was refused before it reached a scope: `site_refused` (a foreign Host, a cross-site write), `origin_not_allowed` (a refused CORS preflight), `invalid_session`, `sessions_busy`; null for every request that was served. */
            refused: string | null;
        };
        Overview: {
            /** @description The scenario's name or file; `inline` for inline YAML; null for data a program passed. */
            scenario: string | null;
            /** @description The GitLab release the mock answers as, e.g. `18.2`. */
            gitlabVersion: string;
            builtInScenarios: string[];
            counts: {
                users: number;
                groups: number;
                projects: number;
                runners: number;
                runnersByType: {
                    [key: string]: number;
                };
                /** @description Runners by `status` in the words and thresholds of the GitLab release served, one key for each status that release answers (11.x and 14.x say `not_connected` and have no `stale`), zero counts included; the same statuses its REST API lists. */
                runnersByStatus: {
                    [key: string]: number;
                };
            };
        };
        Session: {
            id: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string;
            /** @description Whether the session has its own copy of the state yet (made on its first change). */
            copied: boolean;
        };
    };
    responses: {
        /** @description The clock after the change. */
        Clock: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    /** Format: date-time */
                    now: string;
                    frozen: boolean;
                    /** @description How far the clock is from the real (or injected) clock beneath it. */
                    offsetMs: number;
                };
            };
        };
        /** @description The setting after the change. */
        Registration: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    allowed: boolean;
                };
            };
        };
        /** @description The request cannot be carried out. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The control token is missing or wrong. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such fault, session, group or project. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description The session to act on; absent for the main scope. */
        Session: string;
        /** @description The numeric id of the group or project. */
        EntityId: number;
    };
    requestBodies: {
        Registration: {
            content: {
                /**
                 * @example {
                 *       "allowed": false
                 *     }
                 */
                "application/json": {
                    allowed: boolean;
                };
            };
        };
    };
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getControlIndex: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The index. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlIndex"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mock is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getControlOpenapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        info: Record<string, never>;
                        paths: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    resetScope: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reset. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    loadScenario: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "empty"
                 *     }
                 */
                "application/json": {
                    /** @description A scenario name in `scenarios/`, e.g. `default` or `empty`. */
                    name?: string;
                    /** @description A whole scenario file as text. Includes resolve against `scenarios/`. */
                    yaml?: string;
                };
            };
        };
        responses: {
            /** @description Loaded. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    exportState: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorldData"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    importState: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorldData"];
            };
        };
        responses: {
            /** @description Imported. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listJournal: {
        parameters: {
            query?: {
                /** @description Only the newest this many entries. */
                limit?: number;
            };
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: components["schemas"]["JournalEntry"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    clearJournal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cleared. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    streamJournal: {
        parameters: {
            query?: {
                /** @description Only the newest this many entries of the backlog. */
                limit?: number;
            };
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
                /** @description Sent by a reconnecting client; only entries after this `seq` are repeated. */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getOverview: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The overview. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Overview"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    listPersonas: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The personas. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        personas: {
                            role: string;
                            username: string;
                            token: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            401: components["responses"]["Unauthorized"];
        };
    };
    freezeClock: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    at?: string;
                };
            };
        };
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    setClock: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to": "2025-06-02T12:00:00.000Z"
                 *     }
                 */
                "application/json": {
                    /** Format: date-time */
                    to: string;
                };
            };
        };
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    advanceClock: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "by": "3h"
                 *     }
                 */
                "application/json": {
                    by: string;
                };
            };
        };
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    resumeClock: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listFaults: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The faults. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        faults: components["schemas"]["Fault"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    addFault: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "operationId": "getRunner",
                 *       "status": 500
                 *     }
                 */
                "application/json": components["schemas"]["FaultSpec"];
            };
        };
        responses: {
            /** @description The fault, with its id. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fault"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    removeFault: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    setInstanceRegistration: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Registration"];
        responses: {
            200: components["responses"]["Registration"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    setGroupRegistration: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path: {
                /** @description The numeric id of the group or project. */
                id: components["parameters"]["EntityId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Registration"];
        responses: {
            200: components["responses"]["Registration"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    setProjectRegistration: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; absent for the main scope. */
                "X-Mock-Session"?: components["parameters"]["Session"];
            };
            path: {
                /** @description The numeric id of the group or project. */
                id: components["parameters"]["EntityId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Registration"];
        responses: {
            200: components["responses"]["Registration"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sessions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessions: components["schemas"]["Session"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    dropSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dropped. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
}
