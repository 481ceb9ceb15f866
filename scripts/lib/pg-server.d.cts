import type { QueryResult } from "pg"

export type PgServer = { host: string; port: number; user: string; password: string }
export declare const serverConfig: () => PgServer
export declare const databaseUrl: (server: PgServer, database: string) => string
export declare const canConnect: (server: PgServer) => Promise<boolean>
/** A database name as an SQL identifier. */
export declare const quoted: (name: string) => string
export declare const adminQuery: (server: PgServer, sql: string, params?: unknown[]) => Promise<QueryResult>
export declare const recreateDatabase: (name: string, server?: PgServer) => Promise<void>
export declare const dropDatabase: (name: string, server?: PgServer) => Promise<QueryResult>
export declare const ensureDatabaseExists: (server: PgServer, name: string) => Promise<boolean>
