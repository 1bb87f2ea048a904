#!/usr/bin/env bash
# `npm test`: every test of the project. Installs what the tests need when it is missing
# (npm packages, Debian's Chromium), checks the Python tools, then runs each suite and
# prints a summary line per runner. Exits non-zero if any suite fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

node scripts/ensure-deps.mjs || exit 1

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests..."
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null || { echo "could not install chromium"; exit 1; }
fi

# Pillow stands in for the image-library layer in the thumbnailer's tests: Debian's python3-pil,
# made importable by the project's Python alone (a folder holding just the PIL package).
if [ ! -d /usr/lib/python3/dist-packages/PIL ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-pil >/dev/null || echo "could not install python3-pil"
fi
mkdir -p .eventform/python && ln -sfn /usr/lib/python3/dist-packages/PIL .eventform/python/PIL
export PYTHONPATH="$PWD/.eventform/python${PYTHONPATH:+:$PYTHONPATH}"

npx tsx scripts/warm-function-packages.ts || echo "note: the function packages could not be cached; the asset builds will fail offline"

python3 -c 'import cfnlint, moto' 2>/dev/null || echo "note: cfn-lint or moto is not importable (pip install cfn-lint 'moto[server]'); the suites that need them will fail"

status=0
timings=()
run() {
  local name=$1; shift
  local started=$SECONDS
  echo "::: $name"
  if ! "$@"; then echo "::: $name FAILED"; status=1; fi
  timings+=("$(printf '%5ss  %s' $((SECONDS - started)) "$name")")
}

run "lint and format (biome)" npx biome check .
run "typecheck" npx tsc --noEmit
run "command-line bundle" node scripts/build-cli.mjs
rm -f test-results/vitest.json test-results/playwright.json test-results/pytest.xml
mkdir -p test-results
run "unit (vitest)" npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
run "lambda handlers (pytest, moto)" env PYTHONDONTWRITEBYTECODE=1 python3 -m pytest lambda-templates blueprints -q -p no:cacheprovider --junitxml=test-results/pytest.xml
run "build" bash -c "node scripts/build-worker.mjs && npx next build"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json run "browser (playwright, Debian chromium)" npx playwright test --reporter=list,json

echo
printf '%s\n' "${timings[@]}"
echo "$(printf '%5ss' "$SECONDS")  in all"
node scripts/summarize.mjs
if [ $status = 0 ]; then echo "All suites passed."; else echo "Some suites FAILED."; fi
exit $status
