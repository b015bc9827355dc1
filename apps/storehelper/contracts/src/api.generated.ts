/**
 * Generated from /api/openapi.json by `npm run api:client` (host/src/web-api-client.ts): storehelper's paths (/api/v1/storehelper/...).
 * Do not edit: change the route schemas and regenerate. CI fails when this file is stale.
 */

export interface paths {
    "/api/v1/storehelper/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's role and abilities in storehelper */
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
                        "application/json": components["schemas"]["StorehelperOverview"];
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
    "/api/v1/storehelper/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stores the caller owns or staffs, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    limit?: number;
                };
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
                        "application/json": components["schemas"]["StorehelperStorePage"];
                    };
                };
            };
        };
        put?: never;
        /** Add a store (402 PLAN_LIMIT when the plan allows no more) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string;
                        autoDraft?: {
                            /** @default [] */
                            platforms?: ("google" | "naver" | "kakao" | "import")[];
                            /**
                             * @description Draft for reviews rated at least this
                             * @default null
                             */
                            ratingAtLeast?: number | null;
                            /**
                             * @description Draft for reviews rated at most this
                             * @default null
                             */
                            ratingAtMost?: number | null;
                            /** @default [] */
                            sentiments?: ("positive" | "neutral" | "negative")[];
                        } | null;
                        category?: string;
                        googleLocation?: string | null;
                        kakaoPlaceId?: string | null;
                        name: string;
                        naverPlaceId?: string | null;
                        replySignature?: string;
                        /** @enum {string} */
                        replyTone?: "friendly" | "formal" | "apologetic";
                        timeZone?: string;
                    };
                };
            };
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
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StorehelperStore"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storehelper/stores/{storeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A store */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: string;
                };
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
                        "application/json": components["schemas"]["StorehelperStore"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a store with its reviews */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: string;
                };
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
            };
        };
        options?: never;
        head?: never;
        /** Change a store’s details, links, reply tone and auto-draft rules */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string;
                        autoDraft?: {
                            /** @default [] */
                            platforms?: ("google" | "naver" | "kakao" | "import")[];
                            /**
                             * @description Draft for reviews rated at least this
                             * @default null
                             */
                            ratingAtLeast?: number | null;
                            /**
                             * @description Draft for reviews rated at most this
                             * @default null
                             */
                            ratingAtMost?: number | null;
                            /** @default [] */
                            sentiments?: ("positive" | "neutral" | "negative")[];
                        } | null;
                        category?: string;
                        googleLocation?: string | null;
                        kakaoPlaceId?: string | null;
                        name?: string;
                        naverPlaceId?: string | null;
                        replySignature?: string;
                        /** @enum {string} */
                        replyTone?: "friendly" | "formal" | "apologetic";
                        timeZone?: string;
                    };
                };
            };
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
                        "application/json": components["schemas"]["StorehelperStore"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/storehelper/stores/{storeId}/competitors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Competitors tracked for comparison */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: string;
                };
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
                        "application/json": {
                            items: components["schemas"]["StorehelperStore"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Track a competitor (read-only; not counted against the plan) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kakaoPlaceId?: string | null;
                        name: string;
                        naverPlaceId?: string | null;
                    };
                };
            };
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
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StorehelperStore"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storehelper/stores/{storeId}/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store’s staff */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: string;
                };
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
                        "application/json": {
                            items: components["schemas"]["StorehelperStaff"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add staff by the email of their account (they draft replies; the owner approves) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                    };
                };
            };
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storehelper/stores/{storeId}/staff/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a staff member */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: string;
                    userId: string;
                };
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
            };
        };
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
        StorehelperOverview: {
            /** @description Actions the caller may perform (the web draws buttons from these) */
            abilities: string[];
            /** @enum {string} */
            role: "admin" | "member" | "owner" | "staff";
        };
        StorehelperStaff: {
            /** Format: date-time */
            addedAt: string;
            email: string;
            name: string;
            /** Format: uuid */
            userId: string;
        };
        StorehelperStore: {
            address: string;
            autoDraft: {
                /** @default [] */
                platforms: ("google" | "naver" | "kakao" | "import")[];
                /**
                 * @description Draft for reviews rated at least this
                 * @default null
                 */
                ratingAtLeast: number | null;
                /**
                 * @description Draft for reviews rated at most this
                 * @default null
                 */
                ratingAtMost: number | null;
                /** @default [] */
                sentiments: ("positive" | "neutral" | "negative")[];
            } | null;
            category: string;
            competitorOf: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Google Business Profile location name, locations/... */
            googleLocation: string | null;
            /** Format: uuid */
            id: string;
            kakaoPlaceId: string | null;
            name: string;
            naverPlaceId: string | null;
            replySignature: string;
            /** @enum {string} */
            replyTone: "friendly" | "formal" | "apologetic";
            /**
             * @description The caller's role in this store
             * @enum {string}
             */
            role: "owner" | "staff";
            timeZone: string;
        };
        StorehelperStorePage: {
            items: components["schemas"]["StorehelperStore"][];
            /** @description Pass as `cursor` to get the next page; null at the end */
            nextCursor: string | null;
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
