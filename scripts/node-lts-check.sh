#!/usr/bin/env bash
# Runs a subset of the tests on the current Node.js LTS as well as on the machine's Node (CI runs
# Node 20, what this platform still supports: docs/decisions/042-node-versions.md). The LTS comes
# from the npm registry's `node` package (its platform binary is an npm package too; nothing else is
# downloaded). Chosen for what differs between Node versions in our dependencies: the HTTP server
# and cookies (fastify, @fastify/cookie, sign-in), static files and compression (@fastify/static),
# PDF reading (unpdf), WebSockets and the process lifecycle. Skips loudly when the registry cannot
# be reached; fails when a test fails on the LTS.
set -euo pipefail
cd "$(dirname "$0")/.."

LTS_MAJOR="${NODE_LTS_MAJOR:-26}"
prefix="${NODE_LTS_PREFIX:-${TMPDIR:-/tmp}/campus-node-lts-$LTS_MAJOR}"
if [[ ! -x "$prefix/node_modules/.bin/node" ]]; then
  if ! npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "node@$LTS_MAJOR" >/dev/null; then
    echo "SKIPPED: could not install node@$LTS_MAJOR from the npm registry; the LTS check did not run"
    exit 0
  fi
fi
export PATH="$prefix/node_modules/.bin:$PATH"
echo "Node $(node --version) (current LTS line $LTS_MAJOR) for the kernel subset"

node node_modules/vitest/vitest.mjs run \
  packages/platform/src/auth/web-session.test.ts \
  packages/platform/src/auth/sign-up-and-sign-in.test.ts \
  packages/platform/src/http/app.test.ts \
  packages/platform/src/realtime/gateway/gateway.test.ts \
  host/src/web-serve.test.ts \
  host/src/boot.test.ts \
  apps/studymate/server/src/materials/materials.test.ts
