// GENERATED FILE: do not edit by hand.
// Source: openapi/gitlab-runners.yaml. Rebuild with `npm run generate`;
// `npm test` fails when this file is stale.
export interface paths {
    "/runners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List owned runners
         * @description Runners the caller manages: project runners of projects where the caller is Maintainer or
         *     above (directly or through a group), plus group runners of groups (and subgroups) the caller
         *     owns. Never instance runners, not even for administrators. Ascending by `id`. All filters
         *     combine with AND; `status` filters on the database, so items may carry a different `status`
         *     field than the one asked for (e.g. `?status=offline` returns stale and paused runners too).
         *     Token scopes `api` or `read_api`; `manage_runner` and `create_runner` answer 403.
         */
        get: operations["listRunners"];
        put?: never;
        /**
         * Register a runner with a registration token
         * @description Creates a runner from a registration token (deprecated workflow; use `POST /user/runners`).
         *     The token is matched in order against the instance's, then a project's, then a group's
         *     registration token, giving an instance, project or group runner. Only `info.name` is stored;
         *     versions arrive later through the runner's managers. Authenticated by the `token` body
         *     parameter, not by user credentials. If nothing matches and the instance disallows
         *     registration tokens, the answer is 410 even for garbage tokens.
         */
        post: operations["registerRunner"];
        /**
         * Delete a runner by its authentication token
         * @description Unregisters the runner owning the authentication token given in `token` (body or query).
         *     Authenticated by that token, not by user credentials. Honours `If-Unmodified-Since`.
         */
        delete: operations["deleteRunnerByToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runners/all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List all runners
         * @description Every runner of the instance, ascending by `id`. Administrators (with admin mode active)
         *     and, in the newest GitLab, auditors; everyone else gets 403. All filters combine with AND.
         */
        get: operations["listAllRunners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        /**
         * Get a runner's details
         * @description A runner's details for anyone who may read it: administrators and auditors, managers of its
         *     owner scope, any signed-in user for instance runners, Maintainers of a group or project
         *     using it. `maintenance_note` is null unless the caller may update the runner. Scopes `api`,
         *     `read_api`, `manage_runner`.
         */
        get: operations["getRunner"];
        /**
         * Update a runner's details
         * @description Changes the given attributes; `tag_list` replaces the whole list. At least one attribute is
         *     required. Answers the runner's details without `projects`. Administrators, and managers of
         *     the owner scope (group Owner, project Maintainer). Scopes `api`, `manage_runner`.
         */
        put: operations["updateRunner"];
        post?: never;
        /**
         * Delete a runner
         * @description Deletes the runner. For non-administrators a runner assigned to more than one project is
         *     refused first, then the delete right is checked. Honours `If-Unmodified-Since`. Scopes
         *     `api`, `manage_runner`.
         */
        delete: operations["deleteRunner"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runners/{id}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        /**
         * List a runner's jobs
         * @description Jobs the runner processed or is processing, limited to projects where the caller is
         *     Reporter or above (administrators and auditors see all). Without `order_by` the order is
         *     ascending `id`; with `order_by=id`, `sort` applies. Offset pagination by default; with
         *     `pagination=keyset` (order must stay `id` descending) there are no `X-Total`,
         *     `X-Total-Pages` or `X-Page` headers and `Link` carries a `cursor` when more records exist.
         *     With `system_id`, offset pages omit `X-Total` and `X-Total-Pages`.
         */
        get: operations["listRunnerJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runners/{id}/managers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        /**
         * List a runner's managers
         * @description The runner managers (one per `system_id` the runner contacted GitLab with). Not paginated:
         *     a plain array, `[]` when none. Same access as `GET /runners/{id}`.
         */
        get: operations["listRunnerManagers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runners/{id}/projects": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        /**
         * List a runner's projects
         * @description Projects the runner is assigned to that the caller can see, paginated. Group and instance
         *     runners give `[]`. Same access as `GET /runners/{id}`.
         */
        get: operations["listRunnerProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runners/{id}/reset_authentication_token": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a runner's authentication token by runner id
         * @description Issues a new authentication token for the runner and recomputes its expiry. Who may update
         *     the runner may reset it: administrators, the group Owner of a group runner, a Maintainer of
         *     a project runner's owner project. Scopes `api`, `manage_runner`. Answers 201.
         */
        post: operations["resetRunnerAuthenticationToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runners/reset_authentication_token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a runner's authentication token by the current token
         * @description Issues a new authentication token for the runner owning `token` and recomputes its expiry.
         *     Authenticated by that token in the body, not by user credentials. Answers 201.
         */
        post: operations["resetRunnerAuthenticationTokenByToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runners/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a runner's authentication token
         * @description Checks that `token` is a valid, unexpired runner authentication token. Side effects: the
         *     runner's `contacted_at` becomes now, and the runner manager keyed by `system_id` (or
         *     `<legacy>`) is created or touched. Authenticated by the token in the body. Answers 200
         *     (set explicitly; the only POST here that does not answer 201).
         */
        post: operations["verifyRunner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runners/reset_registration_token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the instance's runner registration token
         * @description Administrators only. Answers 403 `403 Forbidden` even for administrators when the instance
         *     does not allow registration tokens. Deprecated with the registration-token workflow.
         */
        post: operations["resetInstanceRegistrationToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/runners": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's numeric id, or its full path URL-encoded (`gitlab-org%2Fgitlab`). */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * List a project's runners
         * @description Runners assigned to the project, group runners of its ancestor groups (if the project
         *     allows group runners) and instance runners (if it allows shared runners), ascending by
         *     `id`. Maintainers and above, administrators and auditors. Scopes `api`, `read_api`.
         */
        get: operations["listProjectRunners"];
        put?: never;
        /**
         * Assign a runner to a project
         * @description Assigns an existing project runner to the project. Checks, in order: the project is
         *     visible (404); the caller may read and create runners in it (403); the runner exists (404);
         *     it is not a group runner (403, administrators too); for non-administrators it is not
         *     locked and the caller may assign it (403). Answers 201 with the runner. A token with only
         *     `create_runner` or `manage_runner` answers 401.
         */
        post: operations["assignProjectRunner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/runners/{runner_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's numeric id, or its full path URL-encoded (`gitlab-org%2Fgitlab`). */
                id: components["parameters"]["ProjectId"];
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"runner_id is invalid"}`.
                 * @example 9
                 */
                runner_id: components["parameters"]["RunnerIdOfProject"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unassign a runner from a project
         * @description Removes the runner from the project. A runner that is not assigned to the project (or does
         *     not exist) answers 404. The project that owns the runner cannot give it up: delete the
         *     runner instead. Honours `If-Unmodified-Since`. A token with only `create_runner` or
         *     `manage_runner` answers 401.
         */
        delete: operations["unassignProjectRunner"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/runners/reset_registration_token": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's numeric id, or its full path URL-encoded (`gitlab-org%2Fgitlab`). */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a project's runner registration token
         * @description Project Maintainers and above, and administrators. Answers 403 when registration tokens are
         *     switched off. Deprecated with the registration-token workflow.
         */
        post: operations["resetProjectRegistrationToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{id}/runners": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group's numeric id, or its full path URL-encoded (`gitlab-org%2Frunners`). */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        /**
         * List a group's runners
         * @description Group runners of the group and its ancestors, plus instance runners if the group allows
         *     shared runners, ascending by `id`. `type=project_type` gives `[]`. There is no `scope`
         *     parameter: one sent is ignored. Maintainers and above and administrators.
         */
        get: operations["listGroupRunners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{id}/runners/reset_registration_token": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group's numeric id, or its full path URL-encoded (`gitlab-org%2Frunners`). */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a group's runner registration token
         * @description Group Owners and administrators. Answers 403 when registration tokens are switched off.
         *     Deprecated with the registration-token workflow.
         */
        post: operations["resetGroupRegistrationToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/runners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a runner owned by the caller
         * @description Creates an instance (administrators), group (group Owner) or project (project Maintainer)
         *     runner and answers its `glrt-` authentication token. Scopes `api` or `create_runner`
         *     (`read_api` answers 403). An instance setting may restrict group and project creation.
         */
        post: operations["createUserRunner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The GitLab release that answers
         * @description The version and revision of the GitLab instance; since 15.5 a mirror of `GET /metadata`.
         *     Any valid token opens it: scopes `api`, `read_api` or `read_user` (a token carrying only
         *     `manage_runner` or `create_runner` answers 403 `insufficient_scope`); no credentials answer
         *     401. The mock reports the release it serves (`serve --gitlab-version`), as `MAJOR.MINOR.0-ee`.
         */
        get: operations["getVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Where the runner belongs. `instance_type` runners are the shared ones.
         * @enum {string}
         */
        RunnerType: "instance_type" | "group_type" | "project_type";
        /**
         * @description The runner's state, first match wins: `stale` (created 7 days ago or more and never
         *     contacted or last contacted 7 days ago or more), `never_contacted`, `paused` (not active),
         *     `online` (contacted within the last 2 hours), `offline`.
         * @enum {string}
         */
        RunnerStatus: "online" | "offline" | "stale" | "never_contacted" | "paused";
        /**
         * @description Values of the `status` filter. `active` and `paused` are deprecated (use the `paused`
         *     filter) and filter on the paused flag only.
         * @enum {string}
         */
        RunnerStatusFilterValue: "active" | "paused" | "online" | "offline" | "never_contacted" | "stale";
        /**
         * @description A runner manager's state, first match wins: `stale` (7 days), `never_contacted` (the manager
         *     never finished its first contact), `online` (within 2 hours), `offline`. No `paused`.
         * @enum {string}
         */
        RunnerManagerStatus: "online" | "offline" | "stale" | "never_contacted";
        /**
         * @description `active` while the runner (or manager) has a running job, else `idle`.
         * @enum {string}
         */
        JobExecutionStatus: "active" | "idle";
        /**
         * @description `ref_protected` runners only run jobs of protected branches and tags.
         * @enum {string}
         */
        RunnerAccessLevel: "not_protected" | "ref_protected";
        /**
         * @description A CI job's (or pipeline's) state.
         * @enum {string}
         */
        JobStatus: "created" | "waiting_for_resource" | "preparing" | "waiting_for_callback" | "pending" | "running" | "success" | "failed" | "canceling" | "canceled" | "skipped" | "manual" | "scheduled";
        /**
         * @description Runner tags as input: a comma-separated string (`"ruby, mysql"`) or an array of strings
         *     (`["ruby", "mysql"]`). Every array item is split on commas too and every piece is trimmed,
         *     so `"ruby, mysql"`, `["ruby","mysql"]` and `["ruby,mysql"]` are equivalent. When stored,
         *     blanks are dropped and duplicates removed, keeping input order; at most 50 tags.
         * @example ruby,mysql
         * @example [
         *       "ruby",
         *       "mysql"
         *     ]
         */
        TagList: string | string[];
        /**
         * @description A GitLab error: `"<code> <reason phrase>"`, optionally followed by `" - <reason>"`
         *     (`403 Forbidden - No access granted`), or free text (`Scope contains invalid value`).
         * @example {
         *       "message": "404 Runner Not Found"
         *     }
         */
        MessageError: {
            message: string;
        };
        /**
         * @description A model validation failure (400): field name to its error messages.
         * @example {
         *       "message": {
         *         "maximum_timeout": [
         *           "needs to be at least 10 minutes"
         *         ]
         *       }
         *     }
         */
        ValidationError: {
            message: {
                [key: string]: string[];
            };
        };
        /**
         * @description A Grape parameter error (400, `"<param> <text>"`, several joined by `, `), an unknown route
         *     (404 `404 Not Found`) or a pagination refusal (405).
         * @example {
         *       "error": "per_page has a value not allowed"
         *     }
         */
        ParamError: {
            error: string;
        };
        /**
         * @description An OAuth-style error for expired, revoked or under-scoped tokens (RFC 6750).
         * @example {
         *       "error": "invalid_token",
         *       "error_description": "Token is expired. You can either do re-authorization or token refresh."
         *     }
         */
        OAuthError: {
            /** @enum {string} */
            error: "invalid_token" | "insufficient_scope";
            error_description: string;
            /** @description The scopes that would open the endpoint, space-separated (only with `insufficient_scope`; format unconfirmed). */
            scope?: string;
        };
        /** @description A 401 body: plain for missing or unknown credentials, OAuth-style for expired or revoked tokens. */
        AuthenticationError: components["schemas"]["MessageError"] | components["schemas"]["OAuthError"];
        /** @description What `GET /version` (and `GET /metadata`) answer about the instance. */
        Metadata: {
            /** @description The release, `MAJOR.MINOR.PATCH`, with `-ee` on Enterprise Edition and `-pre` on unreleased builds. */
            version: string;
            /** @description The short Git revision GitLab was built from. */
            revision: string;
            /** @description The GitLab agent server for Kubernetes (KAS). */
            kas: {
                enabled: boolean;
                /** @description URL agents use to reach KAS; null when KAS is off. */
                externalUrl: string | null;
                /** @description URL of the KAS Kubernetes API proxy; null when KAS is off. */
                externalK8sProxyUrl: string | null;
                /** @description KAS's version; null when KAS is off or could not be asked. */
                version: string | null;
            };
            /** @description Whether the instance runs the Enterprise Edition. */
            enterprise: boolean;
        };
        /** @description A 403 body: plain for missing rights, OAuth-style (`insufficient_scope`) when the token lacks the scope. */
        ForbiddenError: components["schemas"]["MessageError"] | components["schemas"]["OAuthError"];
        /** @description The user who created a runner. */
        UserBasic: {
            id: number;
            username: string;
            public_email: string | null;
            name: string;
            /** @description e.g. `active`, `blocked`, `deactivated`. */
            state: string;
            locked: boolean;
            avatar_url: string | null;
            /** @description Only when the caller asked for it. */
            avatar_path?: string | null;
            /** @description Only for administrators who asked for them. */
            custom_attributes?: {
                key: string;
                value: string;
            }[];
            web_url: string;
        };
        /** @description A group a group runner belongs to. */
        BasicGroupDetails: {
            id: number;
            web_url: string;
            name: string;
        };
        /** @description A project's namespace. Open, like the project summary that carries it. */
        ProjectNamespace: {
            id: number;
            name: string;
            path: string;
            /** @enum {string} */
            kind: "user" | "group";
            full_path: string;
            parent_id: number | null;
            avatar_url: string | null;
            web_url: string;
        };
        /**
         * @description A project summary (runner details' `projects`, `GET /runners/{id}/projects`). Open: GitLab
         *     adds keys depending on the caller's rights and the edition (`repository_storage` for
         *     administrators, licence keys, statistics); the named ones are checked.
         */
        BasicProjectDetails: {
            id: number;
            description: string | null;
            name: string;
            name_with_namespace: string;
            path: string;
            path_with_namespace: string;
            /** Format: date-time */
            created_at: string;
            /** @description Only when the caller may read the repository. */
            default_branch?: string | null;
            /**
             * @deprecated
             * @description Deprecated, use `topics`.
             */
            tag_list: string[];
            topics: string[];
            ssh_url_to_repo: string;
            http_url_to_repo: string;
            web_url: string;
            /** @description Only when the caller may read the repository. */
            readme_url?: string | null;
            /** @description Only when the caller may read the repository. */
            forks_count?: number;
            /** @description Only when licence data was asked for. */
            license_url?: string | null;
            /** @description Only when licence data was asked for. */
            license?: Record<string, never> | null;
            avatar_url: string | null;
            star_count: number;
            /** Format: date-time */
            last_activity_at: string;
            namespace: components["schemas"]["ProjectNamespace"];
        };
        /** @description A runner as listed (and as answered by an assignment). Keys in GitLab's emission order. */
        Runner: {
            id: number;
            description: string | null;
            /**
             * @deprecated
             * @description Deprecated (16.1) and always `null` since 17.0; the IP address lives on the runner managers.
             */
            ip_address: null;
            /**
             * @deprecated
             * @description Deprecated, use `paused`. Whether the runner accepts new jobs (`!paused`).
             */
            active: boolean;
            /** @description Whether the runner ignores new jobs (`!active`). */
            paused: boolean;
            /** @description `true` exactly for `instance_type` runners. */
            is_shared: boolean;
            runner_type: components["schemas"]["RunnerType"];
            /** @description The name the runner registered with (`info.name`). */
            name: string | null;
            /** @description `null` when the runner never contacted GitLab; else whether it did within the last 2 hours (paused runners may be online). */
            online: boolean | null;
            /** @description The user who created the runner; absent when the runner has no creator or the caller may not see it. */
            created_by?: components["schemas"]["UserBasic"];
            /** Format: date-time */
            created_at: string;
            status: components["schemas"]["RunnerStatus"];
            job_execution_status: components["schemas"]["JobExecutionStatus"];
        };
        /**
         * @description A runner's details: every `Runner` key in the same order, then the details. `projects` is
         *     absent from `PUT` answers and when `include_projects=false`.
         */
        RunnerDetails: {
            id: number;
            description: string | null;
            /**
             * @deprecated
             * @description Deprecated (16.1) and always `null` since 17.0; the IP address lives on the runner managers.
             */
            ip_address: null;
            /**
             * @deprecated
             * @description Deprecated, use `paused`. Whether the runner accepts new jobs (`!paused`).
             */
            active: boolean;
            /** @description Whether the runner ignores new jobs (`!active`). */
            paused: boolean;
            /** @description `true` exactly for `instance_type` runners. */
            is_shared: boolean;
            runner_type: components["schemas"]["RunnerType"];
            /** @description The name the runner registered with (`info.name`). */
            name: string | null;
            /** @description `null` when the runner never contacted GitLab; else whether it did within the last 2 hours (paused runners may be online). */
            online: boolean | null;
            /** @description The user who created the runner; absent when the runner has no creator or the caller may not see it. */
            created_by?: components["schemas"]["UserBasic"];
            /** Format: date-time */
            created_at: string;
            status: components["schemas"]["RunnerStatus"];
            job_execution_status: components["schemas"]["JobExecutionStatus"];
            /** @description The runner's tags, in the order they were given. */
            tag_list: string[];
            run_untagged: boolean;
            /** @description Whether the runner is locked to its current projects. */
            locked: boolean;
            /** @description Maximum job timeout in seconds (at least 600), or `null` for none. */
            maximum_timeout: number | null;
            access_level: components["schemas"]["RunnerAccessLevel"];
            /**
             * @deprecated
             * @description Deprecated (17.0). Since 17.0 taken from the most recently contacted runner manager; `null` without one.
             */
            version: string | null;
            /**
             * @deprecated
             * @description Deprecated (17.0). Since 17.0 taken from the most recently contacted runner manager; `null` without one.
             */
            revision: string | null;
            /**
             * @deprecated
             * @description Deprecated (17.0). Since 17.0 taken from the most recently contacted runner manager; `null` without one.
             */
            platform: string | null;
            /**
             * @deprecated
             * @description Deprecated (17.0). Since 17.0 taken from the most recently contacted runner manager; `null` without one.
             */
            architecture: string | null;
            /**
             * Format: date-time
             * @description When the runner last contacted GitLab; `null` if never.
             */
            contacted_at: string | null;
            /** @description Free-form maintenance note (up to 1024 characters); `null` unless the caller may update the runner. */
            maintenance_note: string | null;
            /**
             * @description Projects the runner is assigned to (administrators: all; others: those they can see).
             *     Absent from `PUT` answers and with `include_projects=false`.
             */
            projects?: components["schemas"]["BasicProjectDetails"][];
            /**
             * @description The group of a group runner, filtered like `projects`; `[]` for other runners. GitLab's
             *     entity sends it although no release of the documentation shows it, so the release that
             *     added it is unknown.
             */
            groups: components["schemas"]["BasicGroupDetails"][];
        };
        /** @description One machine (`system_id`) a runner contacted GitLab from. */
        RunnerManager: {
            id: number;
            /** @description The machine's id (`s_…` or `r_…`), or `<legacy>` for runners that verified without one. */
            system_id: string;
            version: string | null;
            revision: string | null;
            platform: string | null;
            architecture: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            contacted_at: string | null;
            /** @description The manager's real IP address. */
            ip_address: string | null;
            status: components["schemas"]["RunnerManagerStatus"];
            job_execution_status: components["schemas"]["JobExecutionStatus"];
        };
        /** @description A job as listed by `GET /runners/{id}/jobs` (GitLab's `JobBasicWithProject`). */
        RunnerJob: {
            id: number;
            status: components["schemas"]["JobStatus"];
            stage: string;
            name: string;
            ref: string;
            tag: boolean;
            coverage: number | null;
            allow_failure: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            /** Format: date-time */
            erased_at: string | null;
            /** @description Seconds, fractional. */
            duration: number | null;
            /** @description Seconds, fractional. */
            queued_duration: number | null;
            /** @description The user who triggered the job; `null` when none. */
            user: components["schemas"]["JobUser"] | null;
            commit: components["schemas"]["JobCommit"];
            pipeline: components["schemas"]["JobPipeline"];
            /** @description Only for failed jobs, e.g. `script_failure`. */
            failure_reason?: string;
            web_url: string;
            project: components["schemas"]["JobProject"];
        };
        /**
         * @description GitLab's public user entity. Open: its keys change between releases (`pronouns`,
         *     `work_information`, `local_time`, ...), so only the stable ones are checked.
         */
        JobUser: {
            id: number;
            username: string;
            name: string;
            state: string;
            locked?: boolean;
            avatar_url: string | null;
            web_url: string;
            /** Format: date-time */
            created_at?: string;
            bio?: string | null;
            location?: string | null;
            public_email?: string | null;
            linkedin?: string | null;
            twitter?: string | null;
            discord?: string | null;
            website_url?: string | null;
            organization?: string | null;
            job_title?: string | null;
            pronouns?: string | null;
            bot?: boolean;
            work_information?: string | null;
        };
        /** @description The job's commit. Open: newer releases add keys (`trailers`, `web_url`, ...). */
        JobCommit: {
            id: string;
            short_id: string;
            /** Format: date-time */
            created_at: string;
            parent_ids: string[];
            title: string;
            message: string;
            author_name: string;
            author_email: string;
            /** Format: date-time */
            authored_date: string;
            committer_name: string;
            committer_email: string;
            /** Format: date-time */
            committed_date: string;
        };
        /**
         * @description The job's pipeline (GitLab's `PipelineBasic`). The documentation of every release shows only
         *     `id`, `sha`, `ref` and `status`; GitLab sends all the keys below.
         */
        JobPipeline: {
            id: number;
            iid: number;
            project_id: number;
            sha: string;
            ref: string;
            status: components["schemas"]["JobStatus"];
            /** @description What started the pipeline, e.g. `push`, `web`, `schedule`, `api`, `merge_request_event`. */
            source: string;
            /** Format: date-time */
            created_at: string | null;
            /** Format: date-time */
            updated_at: string | null;
            web_url: string;
        };
        /** @description The job's project (GitLab's `ProjectIdentity`). */
        JobProject: {
            id: number;
            description: string | null;
            name: string;
            name_with_namespace: string;
            path: string;
            path_with_namespace: string;
            /** Format: date-time */
            created_at: string;
        };
        /** @description A runner's id and authentication token, as answered by registration, verification and `POST /user/runners`. */
        RunnerRegistrationDetails: {
            /** @description The runner's id. The 11.x documentation shows it as a string (`"12345"`); GitLab's entity sends an integer. */
            id: number;
            /** @description The runner's authentication token. Opaque; never parse it (`glrt-`, `glrtr-`, `t1_` or legacy hex). */
            token: string;
            /**
             * Format: date-time
             * @description When the token expires; `null` unless a runner token expiration interval applies. The key is always present.
             */
            token_expires_at: string | null;
        };
        /** @description A runner's new authentication token after a reset. */
        RunnerAuthenticationToken: {
            /** @description The new authentication token. Opaque. */
            token: string;
            /**
             * Format: date-time
             * @description When the token expires; `null` unless an expiration interval applies. The key is always present.
             */
            token_expires_at: string | null;
        };
        /** @description A new runner registration token. */
        RegistrationToken: {
            token: string;
        };
        /**
         * @description Attributes to change; at least one is required. Undeclared keys are ignored. Booleans may
         *     also be the strings `"true"`/`"false"`, `maximum_timeout` a decimal string.
         * @example {
         *       "description": "test-1-20150125-test",
         *       "tag_list": "ruby,mysql,tag1,tag2"
         *     }
         * @example {
         *       "paused": true
         *     }
         */
        UpdateRunnerRequest: {
            /** @description The runner's description (up to 1024 characters; longer is a 400 validation error). */
            description?: string;
            /**
             * @deprecated
             * @description Deprecated, use `paused`. Whether the runner accepts new jobs. Not with `paused`.
             */
            active?: boolean;
            /** @description Whether the runner ignores new jobs. Not with `active`. */
            paused?: boolean;
            /** @description Replaces the whole tag list (at most 50 tags). */
            tag_list?: components["schemas"]["TagList"];
            /** @description Whether the runner picks jobs without tags. `false` needs at least one tag. */
            run_untagged?: boolean;
            /** @description Whether the runner is locked to its current projects. */
            locked?: boolean;
            access_level?: components["schemas"]["RunnerAccessLevel"];
            /** @description Maximum job timeout in seconds; below 600 is a 400 validation error (`needs to be at least 10 minutes`). */
            maximum_timeout?: number;
            /** @description Free-form maintenance note (up to 1024 characters). */
            maintenance_note?: string;
        };
        /** @description What the registering runner tells about itself. Only `name` is stored; versions arrive through managers. */
        RunnerInfo: {
            name?: string;
            version?: string;
            revision?: string;
            platform?: string;
            architecture?: string;
        };
        /**
         * @description A registration. Undeclared keys are ignored; booleans may also be `"true"`/`"false"`.
         * @example {
         *       "token": "EXAMPLE-registration-token",
         *       "description": "test-1-20150125-test",
         *       "tag_list": "ruby,mysql,tag1,tag2"
         *     }
         */
        RegisterRunnerRequest: {
            /** @description The instance's, a group's or a project's registration token. */
            token: string;
            description?: string;
            info?: components["schemas"]["RunnerInfo"];
            /**
             * @deprecated
             * @description Deprecated, use `paused`. Whether the runner accepts new jobs. Not with `paused`.
             */
            active?: boolean;
            /** @description Whether the runner ignores new jobs. Not with `active`. */
            paused?: boolean;
            /** @description Whether the runner is locked to the current project. */
            locked?: boolean;
            /** @description Whether the runner picks jobs without tags. */
            run_untagged?: boolean;
            tag_list?: components["schemas"]["TagList"];
            access_level?: components["schemas"]["RunnerAccessLevel"];
            /** @description Maximum job timeout in seconds (at least 600). */
            maximum_timeout?: number;
            /**
             * @deprecated
             * @description Deprecated, use `maintenance_note`. Not with `maintenance_note`.
             */
            maintainer_note?: string;
            /** @description Free-form maintenance note (up to 1024 characters). */
            maintenance_note?: string;
        };
        /**
         * @description The runner's own authentication token (body or query).
         * @example {
         *       "token": "glrt-EXAMPLE_authentication_token"
         *     }
         */
        DeleteRunnerByTokenRequest: {
            /** @description The runner's authentication token. */
            token: string;
        };
        /**
         * @description The runner's own authentication token and the machine it runs on.
         * @example {
         *       "token": "glrt-EXAMPLE_authentication_token",
         *       "system_id": "s_89e5e9956577"
         *     }
         */
        VerifyRunnerRequest: {
            /** @description The runner's authentication token. */
            token: string;
            /** @description The machine's system id; the runner manager with this id is created or touched (`<legacy>` when absent). Not enforced for `glrt-` tokens. */
            system_id?: string;
        };
        /**
         * @description The runner's current authentication token.
         * @example {
         *       "token": "glrt-EXAMPLE_authentication_token"
         *     }
         */
        ResetRunnerAuthenticationTokenByTokenRequest: {
            /** @description The runner's current authentication token. */
            token: string;
        };
        /**
         * @description The runner to assign.
         * @example {
         *       "runner_id": 9
         *     }
         */
        AssignProjectRunnerRequest: {
            /** @description The runner's id (a decimal string is accepted too). */
            runner_id: number;
        };
        /**
         * @description A runner to create. `group_id` is required for `group_type`, `project_id` for
         *     `project_type` (GitLab answers `group_id is missing` / `project_id is missing`).
         * @example {
         *       "runner_type": "project_type",
         *       "project_id": 1,
         *       "description": "my-runner",
         *       "tag_list": [
         *         "ruby",
         *         "mysql"
         *       ]
         *     }
         */
        CreateUserRunnerRequest: {
            runner_type: components["schemas"]["RunnerType"];
            /** @description The group of a `group_type` runner. */
            group_id?: number;
            /** @description The project of a `project_type` runner. */
            project_id?: number;
            description?: string;
            /** @description Free-form maintenance note (up to 1024 characters). */
            maintenance_note?: string;
            /** @description Whether the runner ignores new jobs. */
            paused?: boolean;
            /**
             * @description Whether the runner is locked to the current project.
             * @default false
             */
            locked?: boolean;
            /**
             * @description Whether the runner picks jobs without tags.
             * @default true
             */
            run_untagged?: boolean;
            tag_list?: components["schemas"]["TagList"];
            access_level?: components["schemas"]["RunnerAccessLevel"];
            /** @description Maximum job timeout in seconds (at least 600). */
            maximum_timeout?: number;
            /**
             * Format: date-time
             * @description Newest GitLab EE only. When the runner's token expires.
             */
            token_expires_at?: string;
            /**
             * Format: date-time
             * @description Newest GitLab EE only. Must not be in the past nor after `token_expires_at`.
             */
            token_rotation_deadline?: string;
        } & (unknown & unknown);
    };
    responses: {
        /** @description One page of runners, ascending by `id`. */
        RunnerList: {
            headers: {
                "X-Total": components["headers"]["X-Total"];
                "X-Total-Pages": components["headers"]["X-Total-Pages"];
                "X-Per-Page": components["headers"]["X-Per-Page"];
                "X-Page": components["headers"]["X-Page"];
                "X-Next-Page": components["headers"]["X-Next-Page"];
                "X-Prev-Page": components["headers"]["X-Prev-Page"];
                Link: components["headers"]["Link"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Runner"][];
            };
        };
        /** @description The new registration token. */
        RegistrationTokenReset: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RegistrationToken"];
            };
        };
        /** @description No credentials, credentials that match nothing, or an expired or revoked token. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AuthenticationError"];
            };
        };
        /** @description No runner has this id. */
        RunnerNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MessageError"];
            };
        };
        /** @description The project does not exist or the caller cannot see it. */
        ProjectNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MessageError"];
            };
        };
        /** @description The group does not exist or the caller cannot see it. */
        GroupNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MessageError"];
            };
        };
        /** @description The resource changed after the `If-Unmodified-Since` time; nothing was deleted. */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MessageError"];
            };
        };
        /** @description The `token` parameter is missing. */
        TokenMissing: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ParamError"];
            };
        };
        /** @description The runner token is unknown or expired. */
        InvalidRunnerToken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MessageError"];
            };
        };
        /** @description GitLab is running database migrations; the runner should retry later. */
        MigrationsRunning: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MessageError"];
            };
        };
    };
    parameters: {
        /**
         * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
         * @example 6
         */
        RunnerId: number;
        /**
         * @description The runner's id. A value that is not an integer answers 400 `{"error":"runner_id is invalid"}`.
         * @example 9
         */
        RunnerIdOfProject: number;
        /** @description The project's numeric id, or its full path URL-encoded (`gitlab-org%2Fgitlab`). */
        ProjectId: number | string;
        /** @description The group's numeric id, or its full path URL-encoded (`gitlab-org%2Frunners`). */
        GroupId: number | string;
        /**
         * @description The page to return, from 1. Not an integer: 400 `{"error":"page is invalid"}`. Values
         *     below 1 are served as page 1; a page past the end answers `[]`.
         * @example 2
         */
        Page: number;
        /**
         * @description Items per page. `0` answers 400 `{"error":"per_page has a value not allowed"}`; values above
         *     100 are silently capped to 100 (and `X-Per-Page` then says `100`); negative values give the
         *     default size.
         * @example 50
         */
        PerPage: number;
        /**
         * @deprecated
         * @description Deprecated, use `type` or `status`. Which runners to return.
         * @example online
         */
        Scope: "specific" | "shared" | "instance_type" | "group_type" | "project_type" | "active" | "paused" | "online" | "offline" | "never_contacted" | "stale";
        /**
         * @description Only runners of this type. Another value answers 400 `{"error":"type does not have a valid value"}`.
         * @example project_type
         */
        RunnerTypeFilter: components["schemas"]["RunnerType"];
        /**
         * @description Only runners in this state, computed in the database, so the `status` field of a returned
         *     runner may differ: `online` (contacted under 2 hours ago, paused ones included), `offline`
         *     (contacted 2 hours ago or more, stale and paused ones included, never-contacted ones
         *     excluded), `never_contacted` (stale ones included), `stale` (created and last contacted 7
         *     days ago or more). `active` and `paused` are deprecated (use the `paused` parameter): they
         *     filter on the paused flag only. Another value answers 400
         *     `{"error":"status does not have a valid value"}`.
         * @example online
         */
        RunnerStatusFilter: components["schemas"]["RunnerStatusFilterValue"];
        /**
         * @description `true`: only paused runners; `false`: only active ones. Applied only when given. GitLab
         *     also takes the strings `"true"`/`"false"`; anything else answers 400 `{"error":"paused is invalid"}`.
         * @example false
         */
        PausedFilter: boolean;
        /**
         * @description Only runners carrying every listed tag (exact names; extra tags allowed). A comma-separated
         *     string (`ruby,mysql`) or an array (`tag_list[]=ruby&tag_list[]=mysql`); array items are
         *     split on commas too and every piece is trimmed. An empty value applies no filter.
         * @example ruby,mysql
         */
        TagListFilter: components["schemas"]["TagList"];
        /**
         * @description Only runners with at least one manager whose version starts with this prefix, compared
         *     component-wise (`15.0` matches `15.0.3`; `16` matches `16.0.1`, not `160.0.0`). A runner
         *     without managers never matches. It must start with a digit, `.` or `+`; otherwise 400
         *     `{"error":"version_prefix is invalid"}`.
         * @example 16.11
         */
        VersionPrefix: string;
        /**
         * @description Whether the details carry `projects`. GitLab also takes the strings `"true"`/`"false"`.
         * @example false
         */
        IncludeProjects: boolean;
        /**
         * @description Only jobs in this state. Every job state is accepted, although the documentation of every
         *     release lists only `running`, `success`, `failed` and `canceled`. Another value answers 400
         *     `{"error":"status does not have a valid value"}`.
         * @example running
         */
        JobStatusFilter: components["schemas"]["JobStatus"];
        /**
         * @description Order jobs by this column (only `id`). Without it, jobs come in ascending `id` order and
         *     `sort` is not applied. Another value answers 400 `{"error":"order_by does not have a valid value"}`.
         * @example id
         */
        JobsOrderBy: "id";
        /**
         * @description Direction of `order_by`; applied only together with `order_by`. Another value answers 400
         *     `{"error":"sort does not have a valid value"}`.
         * @example asc
         */
        JobsSort: "asc" | "desc";
        /**
         * @description Only jobs run by the runner manager with this system id. An unknown value gives `[]`. With
         *     it, offset pages omit `X-Total` and `X-Total-Pages`.
         * @example s_89e5e9956577
         */
        SystemIdFilter: string;
        /**
         * @description The opaque cursor from the previous page's `Link` header, with `pagination=keyset`.
         * @example eyJpZCI6IjQyIiwiX2tkIjoibiJ9
         */
        Cursor: string;
        /**
         * @description `keyset` switches to keyset pagination (order must stay `id` descending, else 405). GitLab
         *     does not declare this parameter but honours it; any other value means offset pagination.
         * @example keyset
         */
        Pagination: "keyset" | "offset";
        /**
         * @description If the runner (or the runner's link to the project) changed after this time, GitLab answers
         *     412 `{"message":"412 Precondition Failed"}` and deletes nothing.
         * @example Tue, 11 Jan 2022 14:39:24 GMT
         */
        IfUnmodifiedSince: string;
    };
    requestBodies: {
        UpdateRunner: {
            content: {
                "application/json": components["schemas"]["UpdateRunnerRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["UpdateRunnerRequest"];
                "multipart/form-data": components["schemas"]["UpdateRunnerRequest"];
            };
        };
        RegisterRunner: {
            content: {
                "application/json": components["schemas"]["RegisterRunnerRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["RegisterRunnerRequest"];
                "multipart/form-data": components["schemas"]["RegisterRunnerRequest"];
            };
        };
        DeleteRunnerByToken: {
            content: {
                "application/json": components["schemas"]["DeleteRunnerByTokenRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["DeleteRunnerByTokenRequest"];
                "multipart/form-data": components["schemas"]["DeleteRunnerByTokenRequest"];
            };
        };
        VerifyRunner: {
            content: {
                "application/json": components["schemas"]["VerifyRunnerRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["VerifyRunnerRequest"];
                "multipart/form-data": components["schemas"]["VerifyRunnerRequest"];
            };
        };
        ResetRunnerAuthenticationTokenByToken: {
            content: {
                "application/json": components["schemas"]["ResetRunnerAuthenticationTokenByTokenRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["ResetRunnerAuthenticationTokenByTokenRequest"];
                "multipart/form-data": components["schemas"]["ResetRunnerAuthenticationTokenByTokenRequest"];
            };
        };
        AssignProjectRunner: {
            content: {
                "application/json": components["schemas"]["AssignProjectRunnerRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["AssignProjectRunnerRequest"];
                "multipart/form-data": components["schemas"]["AssignProjectRunnerRequest"];
            };
        };
        CreateUserRunner: {
            content: {
                "application/json": components["schemas"]["CreateUserRunnerRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CreateUserRunnerRequest"];
                "multipart/form-data": components["schemas"]["CreateUserRunnerRequest"];
            };
        };
    };
    headers: {
        /**
         * @description Total number of items, as a string. Omitted when the count exceeds 10 000, and on jobs with `system_id`.
         * @example 42
         */
        "X-Total": string;
        /**
         * @description Total number of pages, at least `1` (an empty list reports `1`). Omitted when `X-Total` is.
         * @example 3
         */
        "X-Total-Pages": string;
        /**
         * @description The effective page size (after capping to 100).
         * @example 20
         */
        "X-Per-Page": string;
        /**
         * @description The current page, as asked (also past the end).
         * @example 2
         */
        "X-Page": string;
        /**
         * @description The next page number, or an empty string on the last page.
         * @example 3
         */
        "X-Next-Page": string;
        /**
         * @description The previous page number, or an empty string on the first page.
         * @example 1
         */
        "X-Prev-Page": string;
        /**
         * @description `<URL>; rel="name"` entries joined by `, `, in the order `prev`, `next`, `first`, `last`;
         *     `prev`/`next` only when they exist, `last` only when totals are sent. Each URL is the
         *     request URL on GitLab's configured host with every request parameter (path `id`, filters,
         *     `private_token` if sent in the query) plus `page` and `per_page`, keys in alphabetical order.
         * @example <https://gitlab.example.com/api/v4/runners?page=1&per_page=20>; rel="prev", <https://gitlab.example.com/api/v4/runners?page=3&per_page=20>; rel="next", <https://gitlab.example.com/api/v4/runners?page=1&per_page=20>; rel="first", <https://gitlab.example.com/api/v4/runners?page=3&per_page=20>; rel="last"
         */
        Link: string;
        /**
         * @description Seconds to wait before retrying.
         * @example 60
         */
        "Retry-After": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listRunners: {
        parameters: {
            query?: {
                /**
                 * @deprecated
                 * @description Deprecated, use `type` or `status`. Which runners to return.
                 * @example online
                 */
                scope?: components["parameters"]["Scope"];
                /**
                 * @description Only runners of this type. Another value answers 400 `{"error":"type does not have a valid value"}`.
                 * @example project_type
                 */
                type?: components["parameters"]["RunnerTypeFilter"];
                /**
                 * @description Only runners in this state, computed in the database, so the `status` field of a returned
                 *     runner may differ: `online` (contacted under 2 hours ago, paused ones included), `offline`
                 *     (contacted 2 hours ago or more, stale and paused ones included, never-contacted ones
                 *     excluded), `never_contacted` (stale ones included), `stale` (created and last contacted 7
                 *     days ago or more). `active` and `paused` are deprecated (use the `paused` parameter): they
                 *     filter on the paused flag only. Another value answers 400
                 *     `{"error":"status does not have a valid value"}`.
                 * @example online
                 */
                status?: components["parameters"]["RunnerStatusFilter"];
                /**
                 * @description `true`: only paused runners; `false`: only active ones. Applied only when given. GitLab
                 *     also takes the strings `"true"`/`"false"`; anything else answers 400 `{"error":"paused is invalid"}`.
                 * @example false
                 */
                paused?: components["parameters"]["PausedFilter"];
                /**
                 * @description Only runners carrying every listed tag (exact names; extra tags allowed). A comma-separated
                 *     string (`ruby,mysql`) or an array (`tag_list[]=ruby&tag_list[]=mysql`); array items are
                 *     split on commas too and every piece is trimmed. An empty value applies no filter.
                 * @example ruby,mysql
                 */
                tag_list?: components["parameters"]["TagListFilter"];
                /**
                 * @description Only runners with at least one manager whose version starts with this prefix, compared
                 *     component-wise (`15.0` matches `15.0.3`; `16` matches `16.0.1`, not `160.0.0`). A runner
                 *     without managers never matches. It must start with a digit, `.` or `+`; otherwise 400
                 *     `{"error":"version_prefix is invalid"}`.
                 * @example 16.11
                 */
                version_prefix?: components["parameters"]["VersionPrefix"];
                /**
                 * @description The page to return, from 1. Not an integer: 400 `{"error":"page is invalid"}`. Values
                 *     below 1 are served as page 1; a page past the end answers `[]`.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page. `0` answers 400 `{"error":"per_page has a value not allowed"}`; values above
                 *     100 are silently capped to 100 (and `X-Per-Page` then says `100`); negative values give the
                 *     default size.
                 * @example 50
                 */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["RunnerList"];
            /** @description A filter has a value GitLab does not accept. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"] | components["schemas"]["MessageError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The token lacks the `api` or `read_api` scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
        };
    };
    registerRunner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["RegisterRunner"];
        responses: {
            /** @description The runner was created; its authentication token is in the answer. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunnerRegistrationDetails"];
                };
            };
            /** @description The `token` is missing, a Grape rule is broken, or the runner is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"] | components["schemas"]["ValidationError"];
                };
            };
            /** @description The registration token is empty or matches nothing. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageError"];
                };
            };
            /** @description Registration with registration tokens is switched off for the instance, group or project. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageError"];
                };
            };
            429: components["responses"]["MigrationsRunning"];
        };
    };
    deleteRunnerByToken: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description If the runner (or the runner's link to the project) changed after this time, GitLab answers
                 *     412 `{"message":"412 Precondition Failed"}` and deletes nothing.
                 * @example Tue, 11 Jan 2022 14:39:24 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DeleteRunnerByToken"];
        responses: {
            /** @description The runner was deleted. No body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["TokenMissing"];
            403: components["responses"]["InvalidRunnerToken"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["MigrationsRunning"];
        };
    };
    listAllRunners: {
        parameters: {
            query?: {
                /**
                 * @deprecated
                 * @description Deprecated, use `type` or `status`. Which runners to return.
                 * @example online
                 */
                scope?: components["parameters"]["Scope"];
                /**
                 * @description Only runners of this type. Another value answers 400 `{"error":"type does not have a valid value"}`.
                 * @example project_type
                 */
                type?: components["parameters"]["RunnerTypeFilter"];
                /**
                 * @description Only runners in this state, computed in the database, so the `status` field of a returned
                 *     runner may differ: `online` (contacted under 2 hours ago, paused ones included), `offline`
                 *     (contacted 2 hours ago or more, stale and paused ones included, never-contacted ones
                 *     excluded), `never_contacted` (stale ones included), `stale` (created and last contacted 7
                 *     days ago or more). `active` and `paused` are deprecated (use the `paused` parameter): they
                 *     filter on the paused flag only. Another value answers 400
                 *     `{"error":"status does not have a valid value"}`.
                 * @example online
                 */
                status?: components["parameters"]["RunnerStatusFilter"];
                /**
                 * @description `true`: only paused runners; `false`: only active ones. Applied only when given. GitLab
                 *     also takes the strings `"true"`/`"false"`; anything else answers 400 `{"error":"paused is invalid"}`.
                 * @example false
                 */
                paused?: components["parameters"]["PausedFilter"];
                /**
                 * @description Only runners carrying every listed tag (exact names; extra tags allowed). A comma-separated
                 *     string (`ruby,mysql`) or an array (`tag_list[]=ruby&tag_list[]=mysql`); array items are
                 *     split on commas too and every piece is trimmed. An empty value applies no filter.
                 * @example ruby,mysql
                 */
                tag_list?: components["parameters"]["TagListFilter"];
                /**
                 * @description Only runners with at least one manager whose version starts with this prefix, compared
                 *     component-wise (`15.0` matches `15.0.3`; `16` matches `16.0.1`, not `160.0.0`). A runner
                 *     without managers never matches. It must start with a digit, `.` or `+`; otherwise 400
                 *     `{"error":"version_prefix is invalid"}`.
                 * @example 16.11
                 */
                version_prefix?: components["parameters"]["VersionPrefix"];
                /**
                 * @description The page to return, from 1. Not an integer: 400 `{"error":"page is invalid"}`. Values
                 *     below 1 are served as page 1; a page past the end answers `[]`.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page. `0` answers 400 `{"error":"per_page has a value not allowed"}`; values above
                 *     100 are silently capped to 100 (and `X-Per-Page` then says `100`); negative values give the
                 *     default size.
                 * @example 50
                 */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["RunnerList"];
            /** @description A filter has a value GitLab does not accept. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller is not an administrator (or auditor), or the token lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
        };
    };
    getRunner: {
        parameters: {
            query?: {
                /**
                 * @description Whether the details carry `projects`. GitLab also takes the strings `"true"`/`"false"`.
                 * @example false
                 */
                include_projects?: components["parameters"]["IncludeProjects"];
            };
            header?: never;
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The runner's details. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunnerDetails"];
                };
            };
            /** @description The runner id or `include_projects` cannot be coerced. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The runner exists but the caller may not read it (403, not 404), or the token lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            404: components["responses"]["RunnerNotFound"];
        };
    };
    updateRunner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateRunner"];
        responses: {
            /** @description The updated runner's details (without `projects`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunnerDetails"];
                };
            };
            /** @description No attribute given, exclusive attributes given together, or the runner is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"] | components["schemas"]["ValidationError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller may not update the runner, or the token lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            404: components["responses"]["RunnerNotFound"];
        };
    };
    deleteRunner: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description If the runner (or the runner's link to the project) changed after this time, GitLab answers
                 *     412 `{"message":"412 Precondition Failed"}` and deletes nothing.
                 * @example Tue, 11 Jan 2022 14:39:24 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The runner was deleted. No body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The runner id cannot be coerced. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The runner serves several projects, the caller may not delete it, or the token lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            404: components["responses"]["RunnerNotFound"];
            412: components["responses"]["PreconditionFailed"];
        };
    };
    listRunnerJobs: {
        parameters: {
            query?: {
                /**
                 * @description Only jobs in this state. Every job state is accepted, although the documentation of every
                 *     release lists only `running`, `success`, `failed` and `canceled`. Another value answers 400
                 *     `{"error":"status does not have a valid value"}`.
                 * @example running
                 */
                status?: components["parameters"]["JobStatusFilter"];
                /**
                 * @description Order jobs by this column (only `id`). Without it, jobs come in ascending `id` order and
                 *     `sort` is not applied. Another value answers 400 `{"error":"order_by does not have a valid value"}`.
                 * @example id
                 */
                order_by?: components["parameters"]["JobsOrderBy"];
                /**
                 * @description Direction of `order_by`; applied only together with `order_by`. Another value answers 400
                 *     `{"error":"sort does not have a valid value"}`.
                 * @example asc
                 */
                sort?: components["parameters"]["JobsSort"];
                /**
                 * @description Only jobs run by the runner manager with this system id. An unknown value gives `[]`. With
                 *     it, offset pages omit `X-Total` and `X-Total-Pages`.
                 * @example s_89e5e9956577
                 */
                system_id?: components["parameters"]["SystemIdFilter"];
                /**
                 * @description The opaque cursor from the previous page's `Link` header, with `pagination=keyset`.
                 * @example eyJpZCI6IjQyIiwiX2tkIjoibiJ9
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description `keyset` switches to keyset pagination (order must stay `id` descending, else 405). GitLab
                 *     does not declare this parameter but honours it; any other value means offset pagination.
                 * @example keyset
                 */
                pagination?: components["parameters"]["Pagination"];
                /**
                 * @description The page to return, from 1. Not an integer: 400 `{"error":"page is invalid"}`. Values
                 *     below 1 are served as page 1; a page past the end answers `[]`.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page. `0` answers 400 `{"error":"per_page has a value not allowed"}`; values above
                 *     100 are silently capped to 100 (and `X-Per-Page` then says `100`); negative values give the
                 *     default size.
                 * @example 50
                 */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the runner's jobs. */
            200: {
                headers: {
                    "X-Total": components["headers"]["X-Total"];
                    "X-Total-Pages": components["headers"]["X-Total-Pages"];
                    /** @description The effective page size (offset pagination only; absent with `pagination=keyset`). */
                    "X-Per-Page"?: string;
                    /** @description The current page (offset pagination only; absent with `pagination=keyset`). */
                    "X-Page"?: string;
                    /** @description The next page number or an empty string (offset pagination only). */
                    "X-Next-Page"?: string;
                    /** @description The previous page number or an empty string (offset pagination only). */
                    "X-Prev-Page"?: string;
                    /**
                     * @description Offset pagination: `prev`, `next`, `first`, `last` links as on other lists. Keyset
                     *     pagination: a `next` link carrying `cursor`, only when more records exist.
                     */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunnerJob"][];
                };
            };
            /** @description A filter or ordering parameter has a value GitLab does not accept. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller may not list the runner's jobs (e.g. a project maintainer asking about an instance runner), or the token lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            404: components["responses"]["RunnerNotFound"];
            /** @description Keyset pagination with an order other than id descending, or an offset beyond the plan's limit. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"];
                };
            };
        };
    };
    listRunnerManagers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every manager of the runner. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunnerManager"][];
                };
            };
            /** @description The runner id cannot be coerced. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller may not read the runner, or the token lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            404: components["responses"]["RunnerNotFound"];
        };
    };
    listRunnerProjects: {
        parameters: {
            query?: {
                /**
                 * @description The page to return, from 1. Not an integer: 400 `{"error":"page is invalid"}`. Values
                 *     below 1 are served as page 1; a page past the end answers `[]`.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page. `0` answers 400 `{"error":"per_page has a value not allowed"}`; values above
                 *     100 are silently capped to 100 (and `X-Per-Page` then says `100`); negative values give the
                 *     default size.
                 * @example 50
                 */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the runner's projects. */
            200: {
                headers: {
                    "X-Total": components["headers"]["X-Total"];
                    "X-Total-Pages": components["headers"]["X-Total-Pages"];
                    "X-Per-Page": components["headers"]["X-Per-Page"];
                    "X-Page": components["headers"]["X-Page"];
                    "X-Next-Page": components["headers"]["X-Next-Page"];
                    "X-Prev-Page": components["headers"]["X-Prev-Page"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BasicProjectDetails"][];
                };
            };
            /** @description The runner id or a pagination parameter cannot be accepted. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller may not read the runner, or the token lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            404: components["responses"]["RunnerNotFound"];
        };
    };
    resetRunnerAuthenticationToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"id is invalid"}`.
                 * @example 6
                 */
                id: components["parameters"]["RunnerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new authentication token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunnerAuthenticationToken"];
                };
            };
            /** @description The runner id cannot be coerced. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller may not update the runner, or the token lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            404: components["responses"]["RunnerNotFound"];
            /**
             * @description The token could not be reset. The newest GitLab lists this status; what triggers it is
             *     not confirmed.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageError"];
                };
            };
        };
    };
    resetRunnerAuthenticationTokenByToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ResetRunnerAuthenticationTokenByToken"];
        responses: {
            /** @description The new authentication token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunnerAuthenticationToken"];
                };
            };
            400: components["responses"]["TokenMissing"];
            403: components["responses"]["InvalidRunnerToken"];
            429: components["responses"]["MigrationsRunning"];
        };
    };
    verifyRunner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["VerifyRunner"];
        responses: {
            /** @description The token is valid. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunnerRegistrationDetails"];
                };
            };
            400: components["responses"]["TokenMissing"];
            403: components["responses"]["InvalidRunnerToken"];
            /**
             * @description The runner's owner is gone: a project runner whose owner project was deleted
             *     (`UnknownRunnerOwnerError`, rescued with `unprocessable_entity!` in `lib/api/ci/runner.rb`).
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageError"];
                };
            };
            429: components["responses"]["MigrationsRunning"];
        };
    };
    resetInstanceRegistrationToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: components["responses"]["RegistrationTokenReset"];
            401: components["responses"]["Unauthorized"];
            /** @description The caller is not an administrator, registration tokens are switched off, or the token lacks the `api` scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
        };
    };
    listProjectRunners: {
        parameters: {
            query?: {
                /**
                 * @deprecated
                 * @description Deprecated, use `type` or `status`. Which runners to return.
                 * @example online
                 */
                scope?: components["parameters"]["Scope"];
                /**
                 * @description Only runners of this type. Another value answers 400 `{"error":"type does not have a valid value"}`.
                 * @example project_type
                 */
                type?: components["parameters"]["RunnerTypeFilter"];
                /**
                 * @description Only runners in this state, computed in the database, so the `status` field of a returned
                 *     runner may differ: `online` (contacted under 2 hours ago, paused ones included), `offline`
                 *     (contacted 2 hours ago or more, stale and paused ones included, never-contacted ones
                 *     excluded), `never_contacted` (stale ones included), `stale` (created and last contacted 7
                 *     days ago or more). `active` and `paused` are deprecated (use the `paused` parameter): they
                 *     filter on the paused flag only. Another value answers 400
                 *     `{"error":"status does not have a valid value"}`.
                 * @example online
                 */
                status?: components["parameters"]["RunnerStatusFilter"];
                /**
                 * @description `true`: only paused runners; `false`: only active ones. Applied only when given. GitLab
                 *     also takes the strings `"true"`/`"false"`; anything else answers 400 `{"error":"paused is invalid"}`.
                 * @example false
                 */
                paused?: components["parameters"]["PausedFilter"];
                /**
                 * @description Only runners carrying every listed tag (exact names; extra tags allowed). A comma-separated
                 *     string (`ruby,mysql`) or an array (`tag_list[]=ruby&tag_list[]=mysql`); array items are
                 *     split on commas too and every piece is trimmed. An empty value applies no filter.
                 * @example ruby,mysql
                 */
                tag_list?: components["parameters"]["TagListFilter"];
                /**
                 * @description Only runners with at least one manager whose version starts with this prefix, compared
                 *     component-wise (`15.0` matches `15.0.3`; `16` matches `16.0.1`, not `160.0.0`). A runner
                 *     without managers never matches. It must start with a digit, `.` or `+`; otherwise 400
                 *     `{"error":"version_prefix is invalid"}`.
                 * @example 16.11
                 */
                version_prefix?: components["parameters"]["VersionPrefix"];
                /**
                 * @description The page to return, from 1. Not an integer: 400 `{"error":"page is invalid"}`. Values
                 *     below 1 are served as page 1; a page past the end answers `[]`.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page. `0` answers 400 `{"error":"per_page has a value not allowed"}`; values above
                 *     100 are silently capped to 100 (and `X-Per-Page` then says `100`); negative values give the
                 *     default size.
                 * @example 50
                 */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path: {
                /** @description The project's numeric id, or its full path URL-encoded (`gitlab-org%2Fgitlab`). */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["RunnerList"];
            /** @description A filter has a value GitLab does not accept. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller is below Maintainer in the project, or the token lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            404: components["responses"]["ProjectNotFound"];
        };
    };
    assignProjectRunner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's numeric id, or its full path URL-encoded (`gitlab-org%2Fgitlab`). */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["AssignProjectRunner"];
        responses: {
            /** @description The runner, now assigned to the project. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Runner"];
                };
            };
            /** @description `runner_id` is missing or invalid, or the assignment service refused it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"] | components["schemas"]["MessageError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller may not manage the project's runners or this runner, or the runner cannot be assigned. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description The project is not visible to the caller, or the runner does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageError"];
                };
            };
        };
    };
    unassignProjectRunner: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description If the runner (or the runner's link to the project) changed after this time, GitLab answers
                 *     412 `{"message":"412 Precondition Failed"}` and deletes nothing.
                 * @example Tue, 11 Jan 2022 14:39:24 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /** @description The project's numeric id, or its full path URL-encoded (`gitlab-org%2Fgitlab`). */
                id: components["parameters"]["ProjectId"];
                /**
                 * @description The runner's id. A value that is not an integer answers 400 `{"error":"runner_id is invalid"}`.
                 * @example 9
                 */
                runner_id: components["parameters"]["RunnerIdOfProject"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The runner no longer serves the project. No body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `runner_id` cannot be coerced. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller may not unassign the runner, or the project owns it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description The project is not visible, or the runner is not assigned to it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageError"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
        };
    };
    resetProjectRegistrationToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's numeric id, or its full path URL-encoded (`gitlab-org%2Fgitlab`). */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: components["responses"]["RegistrationTokenReset"];
            401: components["responses"]["Unauthorized"];
            /** @description The caller's role is too low, registration tokens are switched off, or the token lacks the `api` scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            404: components["responses"]["ProjectNotFound"];
        };
    };
    listGroupRunners: {
        parameters: {
            query?: {
                /**
                 * @description Only runners of this type. Another value answers 400 `{"error":"type does not have a valid value"}`.
                 * @example project_type
                 */
                type?: components["parameters"]["RunnerTypeFilter"];
                /**
                 * @description Only runners in this state, computed in the database, so the `status` field of a returned
                 *     runner may differ: `online` (contacted under 2 hours ago, paused ones included), `offline`
                 *     (contacted 2 hours ago or more, stale and paused ones included, never-contacted ones
                 *     excluded), `never_contacted` (stale ones included), `stale` (created and last contacted 7
                 *     days ago or more). `active` and `paused` are deprecated (use the `paused` parameter): they
                 *     filter on the paused flag only. Another value answers 400
                 *     `{"error":"status does not have a valid value"}`.
                 * @example online
                 */
                status?: components["parameters"]["RunnerStatusFilter"];
                /**
                 * @description `true`: only paused runners; `false`: only active ones. Applied only when given. GitLab
                 *     also takes the strings `"true"`/`"false"`; anything else answers 400 `{"error":"paused is invalid"}`.
                 * @example false
                 */
                paused?: components["parameters"]["PausedFilter"];
                /**
                 * @description Only runners carrying every listed tag (exact names; extra tags allowed). A comma-separated
                 *     string (`ruby,mysql`) or an array (`tag_list[]=ruby&tag_list[]=mysql`); array items are
                 *     split on commas too and every piece is trimmed. An empty value applies no filter.
                 * @example ruby,mysql
                 */
                tag_list?: components["parameters"]["TagListFilter"];
                /**
                 * @description Only runners with at least one manager whose version starts with this prefix, compared
                 *     component-wise (`15.0` matches `15.0.3`; `16` matches `16.0.1`, not `160.0.0`). A runner
                 *     without managers never matches. It must start with a digit, `.` or `+`; otherwise 400
                 *     `{"error":"version_prefix is invalid"}`.
                 * @example 16.11
                 */
                version_prefix?: components["parameters"]["VersionPrefix"];
                /**
                 * @description The page to return, from 1. Not an integer: 400 `{"error":"page is invalid"}`. Values
                 *     below 1 are served as page 1; a page past the end answers `[]`.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page. `0` answers 400 `{"error":"per_page has a value not allowed"}`; values above
                 *     100 are silently capped to 100 (and `X-Per-Page` then says `100`); negative values give the
                 *     default size.
                 * @example 50
                 */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path: {
                /** @description The group's numeric id, or its full path URL-encoded (`gitlab-org%2Frunners`). */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["RunnerList"];
            /** @description A filter has a value GitLab does not accept. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller is below Maintainer in the group, or the token lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            404: components["responses"]["GroupNotFound"];
        };
    };
    resetGroupRegistrationToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group's numeric id, or its full path URL-encoded (`gitlab-org%2Frunners`). */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: components["responses"]["RegistrationTokenReset"];
            401: components["responses"]["Unauthorized"];
            /** @description The caller is not a group Owner, registration tokens are switched off, or the token lacks the `api` scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            404: components["responses"]["GroupNotFound"];
        };
    };
    createUserRunner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CreateUserRunner"];
        responses: {
            /** @description The runner was created; its authentication token is in the answer. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunnerRegistrationDetails"];
                };
            };
            /** @description A parameter is missing or invalid, the group or project is unknown, or the runner is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamError"] | components["schemas"]["MessageError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller may not create this kind of runner there, or the token lacks the scope. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
        };
    };
    getVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instance's version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Metadata"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The token carries none of the scopes that open it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
}
