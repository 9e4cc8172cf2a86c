#!/usr/bin/env bash
# What the tests need from outside Python, fetched from the package registries:
# the SARIF 2.1.0 JSON schema (shipped in an npm package) and Debian's Chromium
# with its driver (for the HTML report's browser test). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=tests/.cache
mkdir -p "$cache"
schema="$cache/sarif-schema-2.1.0.json"
if [ ! -s "$schema" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null)
  tar -xzf "$tmp"/microsoft-jest-sarif-*.tgz -C "$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json
  cp "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema"
  rm -rf "$tmp"
fi
font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc  # so screenshots show the Chinese text
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || [ ! -e "$font" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "tests/setup.sh: Chromium and chromedriver are missing; install Debian's chromium and chromium-driver" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
fi
# Java for the Spark engine's tests (pyspark 4 needs Java 17 or newer).
if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "tests/setup.sh: Java is missing; install Debian's default-jre-headless (Java 17)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
