#!/usr/bin/env bash
# usage: tests/vite-app/build.sh  — packs dist/npm, installs the tarball into this app, builds it with Vite.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p target/npm-pack
rm -f target/npm-pack/*.tgz
tgz=$(npm pack ./dist/npm --pack-destination target/npm-pack --silent 2>/dev/null | tail -1)
rm -rf tests/vite-app/node_modules/python-quiz-widget
mkdir -p tests/vite-app/node_modules/python-quiz-widget
tar -xzf "target/npm-pack/$tgz" -C tests/vite-app/node_modules/python-quiz-widget --strip-components=1
node_modules/.bin/vite build --config tests/vite-app/vite.config.js
echo "vite app: built target/vite-app from target/npm-pack/$tgz"
