/**
 * Generated from /api/openapi.json by `npm run api:client` (host/src/web-api-client.ts): eduforum's paths (/api/v1/eduforum/...).
 * Do not edit: change the route schemas and regenerate. CI fails when this file is stale.
 */

export interface paths {
    "/api/v1/eduforum/admin/instructor-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests to teach, newest first (admins) */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    limit?: number;
                    status?: "pending" | "approved" | "declined";
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
                        "application/json": {
                            items: {
                                createdAt: string;
                                decidedAt: string | null;
                                email: string;
                                name: string;
                                note: string;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "declined";
                                /** Format: uuid */
                                userId: string;
                            }[];
                            /** @description Pass as `cursor` to get the next page; null at the end */
                            nextCursor: string | null;
                        };
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
    "/api/v1/eduforum/admin/instructor-requests/{userId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a request to teach: the person may create courses (admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            decidedAt: string | null;
                            email: string;
                            name: string;
                            note: string;
                            reason: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "declined";
                            /** Format: uuid */
                            userId: string;
                        };
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
    "/api/v1/eduforum/admin/instructor-requests/{userId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a request to teach, with a reason the person reads (admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        reason?: string;
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
                        "application/json": {
                            createdAt: string;
                            decidedAt: string | null;
                            email: string;
                            name: string;
                            note: string;
                            reason: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "declined";
                            /** Format: uuid */
                            userId: string;
                        };
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
    "/api/v1/eduforum/admin/roles/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Grant or remove a person's app-wide eduforum role (admin only) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: ("admin" | "professor") | null;
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
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/admin/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The institution's eduforum settings (admins) */
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
                        "application/json": {
                            /** @enum {string} */
                            courseCreation: "open" | "approved";
                            instructorDomains: string[];
                        };
                    };
                };
            };
        };
        /** Change who may create courses (admins) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        courseCreation: "open" | "approved";
                        instructorDomains: string[];
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
                        "application/json": {
                            /** @enum {string} */
                            courseCreation: "open" | "approved";
                            instructorDomains: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/breakouts/{breakoutId}/broadcast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a text to every room */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    breakoutId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
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
                        "application/json": {
                            rooms: number;
                        };
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
    "/api/v1/eduforum/breakouts/{breakoutId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Move someone to another room */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    breakoutId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        roomId: string;
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
                        "application/json": {
                            endsAt: string | null;
                            /** Format: uuid */
                            id: string;
                            rooms: {
                                /** Format: uuid */
                                chatRoomId: string;
                                /** Format: uuid */
                                id: string;
                                members: string[];
                                number: number;
                                whiteboard: string;
                            }[];
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            status: "running" | "recalled";
                            /** @enum {string} */
                            strategy: "random" | "round_robin" | "mixed_by_grade";
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/breakouts/{breakoutId}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recall everyone to the main room */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    breakoutId: string;
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
                            endsAt: string | null;
                            /** Format: uuid */
                            id: string;
                            rooms: {
                                /** Format: uuid */
                                chatRoomId: string;
                                /** Format: uuid */
                                id: string;
                                members: string[];
                                number: number;
                                whiteboard: string;
                            }[];
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            status: "running" | "recalled";
                            /** @enum {string} */
                            strategy: "random" | "round_robin" | "mixed_by_grade";
                        };
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
    "/api/v1/eduforum/breakouts/{breakoutId}/rooms/{roomId}/enter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Staff: step into a room */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    breakoutId: string;
                    roomId: string;
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
                            /** Format: uuid */
                            chatRoomId: string;
                            /** Format: uuid */
                            id: string;
                            number: number;
                            whiteboard: string;
                        };
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
    "/api/v1/eduforum/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create (or replace) the caller's calendar feed URL */
        post: {
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
                        "application/json": {
                            token: string;
                            url: string;
                        };
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
    "/api/v1/eduforum/calendar/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The iCalendar feed of a calendar token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's courses */
        get: {
            parameters: {
                query?: {
                    archived?: string;
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
                        "application/json": {
                            items: {
                                abilities: ("user.manage" | "course.create" | "course.view" | "course.edit" | "course.delete" | "session.view" | "session.manage" | "session.join" | "session.moderate" | "grade.view" | "grade.viewOwn" | "grade.edit")[];
                                archived: boolean;
                                code: string;
                                createdAt: string;
                                description: string;
                                /** Format: uuid */
                                id: string;
                                inviteCode: string | null;
                                liveSession: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                } | null;
                                /** @enum {string} */
                                myRole: "admin" | "professor" | "ta" | "student";
                                semester: string;
                                title: string;
                            }[];
                            /** @description Pass as `cursor` to get the next page; null at the end */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a course */
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
                        code: string;
                        /** @default  */
                        description?: string;
                        semester: string;
                        title: string;
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
                        "application/json": {
                            abilities: ("user.manage" | "course.create" | "course.view" | "course.edit" | "course.delete" | "session.view" | "session.manage" | "session.join" | "session.moderate" | "grade.view" | "grade.viewOwn" | "grade.edit")[];
                            archived: boolean;
                            code: string;
                            createdAt: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            inviteCode: string | null;
                            liveSession: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                            } | null;
                            /** @enum {string} */
                            myRole: "admin" | "professor" | "ta" | "student";
                            semester: string;
                            title: string;
                        };
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
    "/api/v1/eduforum/courses/{courseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A course */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
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
                            abilities: ("user.manage" | "course.create" | "course.view" | "course.edit" | "course.delete" | "session.view" | "session.manage" | "session.join" | "session.moderate" | "grade.view" | "grade.viewOwn" | "grade.edit")[];
                            archived: boolean;
                            code: string;
                            createdAt: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            inviteCode: string | null;
                            liveSession: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                            } | null;
                            /** @enum {string} */
                            myRole: "admin" | "professor" | "ta" | "student";
                            semester: string;
                            title: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a course */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        /** @default  */
                        description?: string;
                        semester?: string;
                        title?: string;
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
                        "application/json": {
                            abilities: ("user.manage" | "course.create" | "course.view" | "course.edit" | "course.delete" | "session.view" | "session.manage" | "session.join" | "session.moderate" | "grade.view" | "grade.viewOwn" | "grade.edit")[];
                            archived: boolean;
                            code: string;
                            createdAt: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            inviteCode: string | null;
                            liveSession: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                            } | null;
                            /** @enum {string} */
                            myRole: "admin" | "professor" | "ta" | "student";
                            semester: string;
                            title: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/eduforum/courses/{courseId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a course */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
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
                            abilities: ("user.manage" | "course.create" | "course.view" | "course.edit" | "course.delete" | "session.view" | "session.manage" | "session.join" | "session.moderate" | "grade.view" | "grade.viewOwn" | "grade.edit")[];
                            archived: boolean;
                            code: string;
                            createdAt: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            inviteCode: string | null;
                            liveSession: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                            } | null;
                            /** @enum {string} */
                            myRole: "admin" | "professor" | "ta" | "student";
                            semester: string;
                            title: string;
                        };
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
    "/api/v1/eduforum/courses/{courseId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Course content the caller may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
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
                            items: {
                                createdAt: string;
                                /** Format: uuid */
                                fileId: string;
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** @enum {string} */
                                visibility: "everyone" | "staff";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Attach a file to the course */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        fileId: string;
                        title: string;
                        /**
                         * @default everyone
                         * @enum {string}
                         */
                        visibility?: "everyone" | "staff";
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
                        "application/json": {
                            createdAt: string;
                            /** Format: uuid */
                            fileId: string;
                            /** Format: uuid */
                            id: string;
                            title: string;
                            /** @enum {string} */
                            visibility: "everyone" | "staff";
                        };
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
    "/api/v1/eduforum/courses/{courseId}/content/{contentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove course content */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    contentId: string;
                    courseId: string;
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
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/courses/{courseId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending invitations of a course (addresses without an account yet) */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    courseId: string;
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
                            items: {
                                createdAt: string;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                role: "ta" | "student";
                                sendCount: number;
                                sentAt: string | null;
                            }[];
                            /** @description Pass as `cursor` to get the next page; null at the end */
                            nextCursor: string | null;
                        };
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
    "/api/v1/eduforum/courses/{courseId}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel an invitation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                    invitationId: string;
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
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/courses/{courseId}/invitations/{invitationId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail an invitation again (at most once a minute) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                    invitationId: string;
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
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            role: "ta" | "student";
                            sendCount: number;
                            sentAt: string | null;
                        };
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
    "/api/v1/eduforum/courses/{courseId}/invite-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the invite code (old links stop working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
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
                            abilities: ("user.manage" | "course.create" | "course.view" | "course.edit" | "course.delete" | "session.view" | "session.manage" | "session.join" | "session.moderate" | "grade.view" | "grade.viewOwn" | "grade.edit")[];
                            archived: boolean;
                            code: string;
                            createdAt: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            inviteCode: string | null;
                            liveSession: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                            } | null;
                            /** @enum {string} */
                            myRole: "admin" | "professor" | "ta" | "student";
                            semester: string;
                            title: string;
                        };
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
    "/api/v1/eduforum/courses/{courseId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of a course */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    courseId: string;
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
                            items: {
                                email: string | null;
                                joinedAt: string;
                                name: string;
                                /** @enum {string} */
                                role: "professor" | "ta" | "student";
                                /** Format: uuid */
                                userId: string;
                            }[];
                            /** @description Pass as `cursor` to get the next page; null at the end */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a person by email: enrolled when an account has the address, else invited by mail */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        role: "professor" | "ta" | "student";
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
                        "application/json": {
                            /** @enum {string} */
                            status: "added" | "invited";
                        };
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
    "/api/v1/eduforum/courses/{courseId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "professor" | "ta" | "student";
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
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/v1/eduforum/courses/{courseId}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The question bank (staff) */
        get: {
            parameters: {
                query?: {
                    difficulty?: number;
                    tag?: string;
                };
                header?: never;
                path: {
                    courseId: string;
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
                            items: {
                                correct?: string[];
                                /** Format: uuid */
                                courseId: string;
                                difficulty: number;
                                explanation?: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "single" | "multiple" | "true_false" | "short";
                                options: {
                                    id: string;
                                    text: string;
                                }[];
                                points: number;
                                prompt: string;
                                shortAnswer?: {
                                    accepted: string[];
                                    /** @default false */
                                    caseSensitive: boolean;
                                    /** @default true */
                                    normalizeSpace: boolean;
                                };
                                tags: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a question to the bank */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        correct?: string[];
                        /** @default 2 */
                        difficulty?: number;
                        /** @default  */
                        explanation?: string;
                        /** @enum {string} */
                        kind: "single" | "multiple" | "true_false" | "short";
                        /** @default [] */
                        options?: {
                            id: string;
                            text: string;
                        }[];
                        /** @default 1 */
                        points?: number;
                        prompt: string;
                        shortAnswer?: {
                            accepted: string[];
                            /** @default false */
                            caseSensitive?: boolean;
                            /** @default true */
                            normalizeSpace?: boolean;
                        };
                        /** @default [] */
                        tags?: string[];
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
                        "application/json": {
                            correct?: string[];
                            /** Format: uuid */
                            courseId: string;
                            difficulty: number;
                            explanation?: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "single" | "multiple" | "true_false" | "short";
                            options: {
                                id: string;
                                text: string;
                            }[];
                            points: number;
                            prompt: string;
                            shortAnswer?: {
                                accepted: string[];
                                /** @default false */
                                caseSensitive: boolean;
                                /** @default true */
                                normalizeSpace: boolean;
                            };
                            tags: string[];
                        };
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
    "/api/v1/eduforum/courses/{courseId}/questions/{questionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Retire a question */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                    questionId: string;
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
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/courses/{courseId}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a roster CSV (header with email, optional role); all rows or none */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string;
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
                        "application/json": {
                            added: number;
                            alreadyEnrolled: number;
                            imported: boolean;
                            invited: number;
                            rows: {
                                email: string | null;
                                errors: string[];
                                line: number;
                                /** @enum {string} */
                                status: "added" | "already_enrolled" | "invited" | "invalid";
                            }[];
                        };
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
    "/api/v1/eduforum/courses/{courseId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A course's sessions in schedule order */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    courseId: string;
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
                            items: {
                                /** Format: uuid */
                                chatRoomId: string;
                                /** Format: uuid */
                                courseId: string;
                                durationMin: number;
                                endedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                locked: boolean;
                                scheduledAt: string;
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "scheduled" | "live" | "ended" | "cancelled";
                                title: string;
                            }[];
                            /** @description Pass as `cursor` to get the next page; null at the end */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Schedule a session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        durationMin: number;
                        /** Format: date-time */
                        scheduledAt: string;
                        title: string;
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
                        "application/json": {
                            /** Format: uuid */
                            chatRoomId: string;
                            /** Format: uuid */
                            courseId: string;
                            durationMin: number;
                            endedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            locked: boolean;
                            scheduledAt: string;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "live" | "ended" | "cancelled";
                            title: string;
                        };
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
    "/api/v1/eduforum/courses/{courseId}/sessions/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule a weekly series (same local time every week, with skipped dates) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        durationMin: number;
                        /** @default true */
                        numbered?: boolean;
                        /** Format: date-time */
                        scheduledAt: string;
                        /** @default [] */
                        skipDates?: string[];
                        timeZone: string;
                        title: string;
                        weeks: number;
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
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                chatRoomId: string;
                                /** Format: uuid */
                                courseId: string;
                                durationMin: number;
                                endedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                locked: boolean;
                                scheduledAt: string;
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "scheduled" | "live" | "ended" | "cancelled";
                                title: string;
                            }[];
                        };
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
    "/api/v1/eduforum/courses/{courseId}/unarchive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring a course back */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
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
                            abilities: ("user.manage" | "course.create" | "course.view" | "course.edit" | "course.delete" | "session.view" | "session.manage" | "session.join" | "session.moderate" | "grade.view" | "grade.viewOwn" | "grade.edit")[];
                            archived: boolean;
                            code: string;
                            createdAt: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            inviteCode: string | null;
                            liveSession: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                            } | null;
                            /** @enum {string} */
                            myRole: "admin" | "professor" | "ta" | "student";
                            semester: string;
                            title: string;
                        };
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
    "/api/v1/eduforum/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a course with its invite code (`alreadyMember` when one was in it) */
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
                        inviteCode: string;
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
                        "application/json": {
                            abilities: ("user.manage" | "course.create" | "course.view" | "course.edit" | "course.delete" | "session.view" | "session.manage" | "session.join" | "session.moderate" | "grade.view" | "grade.viewOwn" | "grade.edit")[];
                            alreadyMember: boolean;
                            archived: boolean;
                            code: string;
                            createdAt: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            inviteCode: string | null;
                            liveSession: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                            } | null;
                            /** @enum {string} */
                            myRole: "admin" | "professor" | "ta" | "student";
                            semester: string;
                            title: string;
                        };
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
    "/api/v1/eduforum/instructor-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask to teach (when only approved instructors may create courses) */
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
                        /** @default  */
                        note?: string;
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
                        "application/json": {
                            createdAt: string;
                            decidedAt: string | null;
                            email: string;
                            name: string;
                            note: string;
                            reason: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "declined";
                            /** Format: uuid */
                            userId: string;
                        };
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
    "/api/v1/eduforum/invites/{inviteCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The course an invite code opens (404 for an unknown or archived one) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    inviteCode: string;
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
                            alreadyMember: boolean;
                            code: string;
                            /** Format: uuid */
                            courseId: string;
                            semester: string;
                            title: string;
                        };
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
    "/api/v1/eduforum/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's app-wide eduforum role and what it allows (for the web's controls) */
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
                        "application/json": {
                            appRole: ("admin" | "professor") | null;
                            canCreateCourses: boolean;
                            teaching: {
                                canCreateCourses: boolean;
                                /** @enum {string} */
                                mode: "open" | "approved";
                                /** @enum {string} */
                                reason: "admin" | "instructor" | "open" | "domain" | "verify-email" | "request" | "pending" | "declined";
                                request: {
                                    createdAt: string;
                                    decidedAt: string | null;
                                    email: string;
                                    name: string;
                                    note: string;
                                    reason: string;
                                    /** @enum {string} */
                                    status: "pending" | "approved" | "declined";
                                    /** Format: uuid */
                                    userId: string;
                                } | null;
                            };
                        };
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
    "/api/v1/eduforum/polls/{pollId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a poll */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pollId: string;
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
                            anonymous: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "single" | "multiple" | "text";
                            options: {
                                correct?: boolean;
                                id: string;
                                text: string;
                            }[];
                            points: number;
                            question: string;
                            resultsVisible: boolean;
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                        };
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
    "/api/v1/eduforum/polls/{pollId}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Launch a poll */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pollId: string;
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
                            anonymous: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "single" | "multiple" | "text";
                            options: {
                                correct?: boolean;
                                id: string;
                                text: string;
                            }[];
                            points: number;
                            question: string;
                            resultsVisible: boolean;
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                        };
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
    "/api/v1/eduforum/polls/{pollId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Aggregated results */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pollId: string;
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
                            counts: {
                                [key: string]: number;
                            };
                            /** Format: uuid */
                            pollId: string;
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                            texts: {
                                text: string;
                                userId: string | null;
                            }[];
                            voters: number;
                        };
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
    "/api/v1/eduforum/polls/{pollId}/vote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Vote, or change one’s vote while the poll is open */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pollId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        choices: string[];
                    } | {
                        text: string;
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
                        "application/json": {
                            changed: boolean;
                            /** Format: uuid */
                            pollId: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/qa/{qaId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Mark a question answered, hide it, or open it again (staff) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    qaId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "open" | "answered" | "hidden";
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
                        "application/json": {
                            anonymous: boolean;
                            answeredAt: string | null;
                            author: {
                                name: string;
                                /** Format: uuid */
                                userId: string;
                            } | null;
                            body: string;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            mine: boolean;
                            myVote: boolean;
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "hidden";
                            votes: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/qa/{qaId}/vote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Upvote a question */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    qaId: string;
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
                            anonymous: boolean;
                            answeredAt: string | null;
                            author: {
                                name: string;
                                /** Format: uuid */
                                userId: string;
                            } | null;
                            body: string;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            mine: boolean;
                            myVote: boolean;
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "hidden";
                            votes: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Take an upvote back */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    qaId: string;
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
                            anonymous: boolean;
                            answeredAt: string | null;
                            author: {
                                name: string;
                                /** Format: uuid */
                                userId: string;
                            } | null;
                            body: string;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            mine: boolean;
                            myVote: boolean;
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "hidden";
                            votes: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/quizzes/{quizId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A quiz (keys for staff only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quizId: string;
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
                            closesAt: string | null;
                            /** Format: uuid */
                            id: string;
                            openedAt: string | null;
                            questions: {
                                correct?: string[];
                                /** Format: uuid */
                                courseId: string;
                                difficulty: number;
                                explanation?: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "single" | "multiple" | "true_false" | "short";
                                options: {
                                    id: string;
                                    text: string;
                                }[];
                                points: number;
                                prompt: string;
                                shortAnswer?: {
                                    accepted: string[];
                                    /** @default false */
                                    caseSensitive: boolean;
                                    /** @default true */
                                    normalizeSpace: boolean;
                                };
                                tags: string[];
                            }[];
                            /** @enum {string} */
                            scoring: "all_or_nothing" | "partial";
                            /** Format: uuid */
                            sessionId: string;
                            showAnswers: boolean;
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                            timeLimitS: number;
                            title: string;
                        };
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
    "/api/v1/eduforum/quizzes/{quizId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the quiz early */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quizId: string;
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
                            closesAt: string | null;
                            /** Format: uuid */
                            id: string;
                            openedAt: string | null;
                            questions: {
                                correct?: string[];
                                /** Format: uuid */
                                courseId: string;
                                difficulty: number;
                                explanation?: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "single" | "multiple" | "true_false" | "short";
                                options: {
                                    id: string;
                                    text: string;
                                }[];
                                points: number;
                                prompt: string;
                                shortAnswer?: {
                                    accepted: string[];
                                    /** @default false */
                                    caseSensitive: boolean;
                                    /** @default true */
                                    normalizeSpace: boolean;
                                };
                                tags: string[];
                            }[];
                            /** @enum {string} */
                            scoring: "all_or_nothing" | "partial";
                            /** Format: uuid */
                            sessionId: string;
                            showAnswers: boolean;
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                            timeLimitS: number;
                            title: string;
                        };
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
    "/api/v1/eduforum/quizzes/{quizId}/my-result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's result, or null before they submitted */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quizId: string;
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
                            answers: {
                                correct: boolean;
                                points: number;
                                /** Format: uuid */
                                questionId: string;
                            }[];
                            maxScore: number;
                            /** Format: uuid */
                            quizId: string;
                            review: {
                                acceptedAnswers: string[];
                                correctChoices: string[];
                                explanation: string;
                                given: {
                                    choices?: string[];
                                    text?: string;
                                } | null;
                                /** Format: uuid */
                                questionId: string;
                            }[] | null;
                            score: number;
                            submittedAt: string;
                            /** Format: uuid */
                            userId: string;
                        } | null;
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
    "/api/v1/eduforum/quizzes/{quizId}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Launch the quiz and its timer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quizId: string;
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
                            closesAt: string | null;
                            /** Format: uuid */
                            id: string;
                            openedAt: string | null;
                            questions: {
                                correct?: string[];
                                /** Format: uuid */
                                courseId: string;
                                difficulty: number;
                                explanation?: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "single" | "multiple" | "true_false" | "short";
                                options: {
                                    id: string;
                                    text: string;
                                }[];
                                points: number;
                                prompt: string;
                                shortAnswer?: {
                                    accepted: string[];
                                    /** @default false */
                                    caseSensitive: boolean;
                                    /** @default true */
                                    normalizeSpace: boolean;
                                };
                                tags: string[];
                            }[];
                            /** @enum {string} */
                            scoring: "all_or_nothing" | "partial";
                            /** Format: uuid */
                            sessionId: string;
                            showAnswers: boolean;
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                            timeLimitS: number;
                            title: string;
                        };
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
    "/api/v1/eduforum/quizzes/{quizId}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Results per student and per question */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quizId: string;
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
                            questions: {
                                answered: number;
                                correct: number;
                                /** Format: uuid */
                                questionId: string;
                            }[];
                            /** Format: uuid */
                            quizId: string;
                            students: {
                                maxScore: number;
                                name: string;
                                score: number;
                                /** Format: uuid */
                                userId: string;
                            }[];
                        };
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
    "/api/v1/eduforum/quizzes/{quizId}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit answers (graded at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quizId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answers: {
                            choices?: string[];
                            /** Format: uuid */
                            questionId: string;
                            text?: string;
                        }[];
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
                        "application/json": {
                            answers: {
                                correct: boolean;
                                points: number;
                                /** Format: uuid */
                                questionId: string;
                            }[];
                            maxScore: number;
                            /** Format: uuid */
                            quizId: string;
                            review: {
                                acceptedAnswers: string[];
                                correctChoices: string[];
                                explanation: string;
                                given: {
                                    choices?: string[];
                                    text?: string;
                                } | null;
                                /** Format: uuid */
                                questionId: string;
                            }[] | null;
                            score: number;
                            submittedAt: string;
                            /** Format: uuid */
                            userId: string;
                        };
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
    "/api/v1/eduforum/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                            /** Format: uuid */
                            chatRoomId: string;
                            /** Format: uuid */
                            courseId: string;
                            durationMin: number;
                            endedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            locked: boolean;
                            scheduledAt: string;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "live" | "ended" | "cancelled";
                            title: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Reschedule or rename a scheduled session */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        durationMin?: number;
                        /** Format: date-time */
                        scheduledAt?: string;
                        title?: string;
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
                        "application/json": {
                            /** Format: uuid */
                            chatRoomId: string;
                            /** Format: uuid */
                            courseId: string;
                            durationMin: number;
                            endedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            locked: boolean;
                            scheduledAt: string;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "live" | "ended" | "cancelled";
                            title: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/eduforum/sessions/{sessionId}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attendance: every enrolled person with first join, last leave, minutes present, late or absent */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                            endedAt: string | null;
                            items: {
                                firstJoinedAt: string | null;
                                lastLeftAt: string | null;
                                minutes: number;
                                name: string;
                                /** @enum {string} */
                                role: "professor" | "ta" | "student";
                                /** @enum {string} */
                                status: "present" | "late" | "absent";
                                /** Format: uuid */
                                userId: string;
                            }[];
                            /** Format: uuid */
                            sessionId: string;
                            startedAt: string | null;
                        };
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
    "/api/v1/eduforum/sessions/{sessionId}/attendance/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attendance as CSV */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/sessions/{sessionId}/breakouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session's breakouts, oldest first, with their rooms (boards readable once recalled) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                            items: {
                                endsAt: string | null;
                                /** Format: uuid */
                                id: string;
                                rooms: {
                                    /** Format: uuid */
                                    chatRoomId: string;
                                    /** Format: uuid */
                                    id: string;
                                    members: string[];
                                    number: number;
                                    whiteboard: string;
                                }[];
                                /** Format: uuid */
                                sessionId: string;
                                /** @enum {string} */
                                status: "running" | "recalled";
                                /** @enum {string} */
                                strategy: "random" | "round_robin" | "mixed_by_grade";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open N breakout rooms and assign students */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        durationS?: number;
                        participants?: string[];
                        rooms: number;
                        /** @enum {string} */
                        strategy: "random" | "round_robin" | "mixed_by_grade";
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
                        "application/json": {
                            endsAt: string | null;
                            /** Format: uuid */
                            id: string;
                            rooms: {
                                /** Format: uuid */
                                chatRoomId: string;
                                /** Format: uuid */
                                id: string;
                                members: string[];
                                number: number;
                                whiteboard: string;
                            }[];
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            status: "running" | "recalled";
                            /** @enum {string} */
                            strategy: "random" | "round_robin" | "mixed_by_grade";
                        };
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
    "/api/v1/eduforum/sessions/{sessionId}/breakouts/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The running breakouts, or null when none run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                            endsAt: string | null;
                            /** Format: uuid */
                            id: string;
                            rooms: {
                                /** Format: uuid */
                                chatRoomId: string;
                                /** Format: uuid */
                                id: string;
                                members: string[];
                                number: number;
                                whiteboard: string;
                            }[];
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            status: "running" | "recalled";
                            /** @enum {string} */
                            strategy: "random" | "round_robin" | "mixed_by_grade";
                        } | null;
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
    "/api/v1/eduforum/sessions/{sessionId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a scheduled session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                            /** Format: uuid */
                            chatRoomId: string;
                            /** Format: uuid */
                            courseId: string;
                            durationMin: number;
                            endedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            locked: boolean;
                            scheduledAt: string;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "live" | "ended" | "cancelled";
                            title: string;
                        };
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
    "/api/v1/eduforum/sessions/{sessionId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session (live -> ended) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                            /** Format: uuid */
                            chatRoomId: string;
                            /** Format: uuid */
                            courseId: string;
                            durationMin: number;
                            endedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            locked: boolean;
                            scheduledAt: string;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "live" | "ended" | "cancelled";
                            title: string;
                        };
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
    "/api/v1/eduforum/sessions/{sessionId}/participation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Participation per person (TalkTime): speaking, chat, poll answers, hand raises */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                            items: {
                                chatMessages: number;
                                handRaises: number;
                                name: string;
                                pollAnswers: number;
                                speakingMs: number;
                                /** Format: uuid */
                                userId: string;
                            }[];
                        };
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
    "/api/v1/eduforum/sessions/{sessionId}/polls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session's polls */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                            items: {
                                anonymous: boolean;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "single" | "multiple" | "text";
                                options: {
                                    correct?: boolean;
                                    id: string;
                                    text: string;
                                }[];
                                points: number;
                                question: string;
                                resultsVisible: boolean;
                                /** Format: uuid */
                                sessionId: string;
                                /** @enum {string} */
                                status: "draft" | "open" | "closed";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Prepare a poll (draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        anonymous?: boolean;
                        /** @enum {string} */
                        kind: "single" | "multiple" | "text";
                        /** @default [] */
                        options?: {
                            /** @default false */
                            correct?: boolean;
                            text: string;
                        }[];
                        /** @default 0 */
                        points?: number;
                        question: string;
                        /** @default false */
                        resultsVisible?: boolean;
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
                        "application/json": {
                            anonymous: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "single" | "multiple" | "text";
                            options: {
                                correct?: boolean;
                                id: string;
                                text: string;
                            }[];
                            points: number;
                            question: string;
                            resultsVisible: boolean;
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                        };
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
    "/api/v1/eduforum/sessions/{sessionId}/polls/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-student poll results as CSV */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eduforum/sessions/{sessionId}/qa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session's questions, most upvoted first (hidden ones for staff only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                            items: {
                                anonymous: boolean;
                                answeredAt: string | null;
                                author: {
                                    name: string;
                                    /** Format: uuid */
                                    userId: string;
                                } | null;
                                body: string;
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                mine: boolean;
                                myVote: boolean;
                                /** Format: uuid */
                                sessionId: string;
                                /** @enum {string} */
                                status: "open" | "answered" | "hidden";
                                votes: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Ask a question in a live session (optionally anonymously) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        anonymous?: boolean;
                        body: string;
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
                        "application/json": {
                            anonymous: boolean;
                            answeredAt: string | null;
                            author: {
                                name: string;
                                /** Format: uuid */
                                userId: string;
                            } | null;
                            body: string;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            mine: boolean;
                            myVote: boolean;
                            /** Format: uuid */
                            sessionId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "hidden";
                            votes: number;
                        };
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
    "/api/v1/eduforum/sessions/{sessionId}/quizzes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session's quizzes (students: launched ones, without keys) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                            items: {
                                closesAt: string | null;
                                /** Format: uuid */
                                id: string;
                                openedAt: string | null;
                                questions: {
                                    correct?: string[];
                                    /** Format: uuid */
                                    courseId: string;
                                    difficulty: number;
                                    explanation?: string;
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "single" | "multiple" | "true_false" | "short";
                                    options: {
                                        id: string;
                                        text: string;
                                    }[];
                                    points: number;
                                    prompt: string;
                                    shortAnswer?: {
                                        accepted: string[];
                                        /** @default false */
                                        caseSensitive: boolean;
                                        /** @default true */
                                        normalizeSpace: boolean;
                                    };
                                    tags: string[];
                                }[];
                                /** @enum {string} */
                                scoring: "all_or_nothing" | "partial";
                                /** Format: uuid */
                                sessionId: string;
                                showAnswers: boolean;
                                /** @enum {string} */
                                status: "draft" | "open" | "closed";
                                timeLimitS: number;
                                title: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Prepare a quiz for a session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        questionIds: string[];
                        /**
                         * @default all_or_nothing
                         * @enum {string}
                         */
                        scoring?: "all_or_nothing" | "partial";
                        /** @default true */
                        showAnswers?: boolean;
                        timeLimitS: number;
                        title: string;
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
                        "application/json": {
                            closesAt: string | null;
                            /** Format: uuid */
                            id: string;
                            openedAt: string | null;
                            questions: {
                                correct?: string[];
                                /** Format: uuid */
                                courseId: string;
                                difficulty: number;
                                explanation?: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "single" | "multiple" | "true_false" | "short";
                                options: {
                                    id: string;
                                    text: string;
                                }[];
                                points: number;
                                prompt: string;
                                shortAnswer?: {
                                    accepted: string[];
                                    /** @default false */
                                    caseSensitive: boolean;
                                    /** @default true */
                                    normalizeSpace: boolean;
                                };
                                tags: string[];
                            }[];
                            /** @enum {string} */
                            scoring: "all_or_nothing" | "partial";
                            /** Format: uuid */
                            sessionId: string;
                            showAnswers: boolean;
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                            timeLimitS: number;
                            title: string;
                        };
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
    "/api/v1/eduforum/sessions/{sessionId}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the session (scheduled -> live) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                            /** Format: uuid */
                            chatRoomId: string;
                            /** Format: uuid */
                            courseId: string;
                            durationMin: number;
                            endedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            locked: boolean;
                            scheduledAt: string;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "live" | "ended" | "cancelled";
                            title: string;
                        };
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
    "/api/v1/eduforum/sessions/{sessionId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session's timeline, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from a previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    sessionId: string;
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
                            items: {
                                actorId: string | null;
                                at: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                id: number;
                                kind: string;
                            }[];
                            /** @description Pass as `cursor` to get the next page; null at the end */
                            nextCursor: string | null;
                        };
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
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
