#!/usr/bin/env bash
# usage: tests/frameworks/build.sh  — packs dist/npm, installs the tarball for the framework apps
# (tests/frameworks/apps: React 19, React SSR + hydrateRoot, Vue 3) and builds them with Vite into
# target/frameworks, as development builds (React's dev build, so StrictMode double-runs effects).
# React, Vue and Vite come from the workspace's node_modules (npm ci); nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")/../.."
pack=target/frameworks-pack
rm -rf "$pack"; mkdir -p "$pack"
tgz=$(npm pack ./dist/npm --pack-destination "$pack" --silent 2>/dev/null | tail -1)
dest=tests/frameworks/apps/node_modules/python-quiz-widget
rm -rf "$dest"; mkdir -p "$dest"
tar -xzf "$pack/$tgz" -C "$dest" --strip-components=1
# NODE_ENV picks React's and Vue's development builds; --mode alone would not.
NODE_ENV=development node_modules/.bin/vite build --mode development --config tests/frameworks/apps/vite.config.js
echo "framework apps: built target/frameworks from $pack/$tgz"
