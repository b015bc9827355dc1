/**
 * Generated from /api/openapi.json by `npm run api:client` (host/src/web-api-client.ts): starterapp's paths (/api/v1/starterapp/...).
 * Do not edit: change the route schemas and regenerate. CI fails when this file is stale.
 */

export interface paths {
    "/api/v1/starterapp/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's role and abilities in starterapp */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StarterappOverview"];
                    };
                };
            };
        };
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
        Error: {
            error: {
                /** @description Stable machine-readable code from the error catalogue */
                code: string;
                /** @description Structured details, e.g. field errors */
                details?: unknown;
                /** @description Human-readable message (English); clients translate by code */
                message: string;
            };
        };
        StarterappOverview: {
            /** @description Actions the caller may perform (the web draws buttons from these) */
            abilities: string[];
            /** @enum {string} */
            role: "admin" | "member";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
