// Type-checked only: the Node side, as a chat server imports it.
import { openSqliteStore, openRedisStore, verifyAuditLog, startFrameServer } from 'secure-fields/node'
import { open } from 'secure-fields/crypto'

export const serverSide = { openSqliteStore, openRedisStore, verifyAuditLog, startFrameServer, open }
