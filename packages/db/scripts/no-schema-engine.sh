#!/bin/sh
# Prisma's schema engine is a native binary downloaded on demand; this machine is offline.
# `prisma generate` only needs the path to be executable. Migrations are hand-written SQL
# applied by src/migrator.ts, so the engine is never really needed.
echo "schema engine not available offline: migrations are applied by packages/db/src/migrator.ts" >&2
exit 1
