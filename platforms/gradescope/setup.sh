#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image from the zip
# (unpacked in /autograder/source) on its Ubuntu base image. Made by `npm run export -- --gradescope`.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "$0")"

apt-get update
# bubblewrap: the strong sandbox, where the container lets it make namespaces (else the grader
# says so and uses the weak tier); util-linux: setpriv, to run programs as unprivileged uids.
apt-get install -y --no-install-recommends ca-certificates curl gnupg bubblewrap util-linux

# Node.js 20 or newer: Ubuntu's own nodejs package is older on 22.04, so NodeSource's.
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi
node --version

# The grader's packages (not the test tools), then its bundle, built now rather than per submission.
npm ci --omit=dev --no-audit --no-fund
node grader/launch.mjs gradescope --help >/dev/null
