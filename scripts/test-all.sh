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

# Each suite's result and time go to test-results/lanes: the suites of the two lanes below run at
# the same time, each lane in its own process.
lanes=test-results/lanes
rm -rf "$lanes" test-results/vitest.json test-results/playwright.json test-results/pytest.xml
mkdir -p "$lanes"
run() {
  local name=$1; shift
  local started=$SECONDS
  echo "::: $name"
  if "$@"; then echo ok > "$lanes/$name.status"; else echo "::: $name FAILED"; echo failed > "$lanes/$name.status"; fi
  printf '%5ss  %s\n' $((SECONDS - started)) "$name" >> "$lanes/timings"
}

run "lint and format (biome)" npx biome check .
run "command-line bundle" node scripts/build-cli.mjs

# Two lanes at once: most tests wait on processes (moto_server, cfn-lint, the CLI, Chromium) more
# than they compute, so the two cores are used side by side. Each lane's output is kept in its log
# and printed whole when the lane ends, so the lines of the two never interleave.
unit_lane() {
  run "unit (vitest)" npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
}
# The unit suite is the longer lane (~7 minutes on two cores): the type check and the Python
# handlers' tests go in the other, before the build.
browser_lane() {
  run "typecheck" npx tsc --noEmit
  run "lambda handlers (pytest, moto)" env PYTHONDONTWRITEBYTECODE=1 python3 -m pytest lambda-templates blueprints -q -p no:cacheprovider --junitxml=test-results/pytest.xml
  run "build" bash -c "node scripts/build-worker.mjs && npx next build"
  PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json run "browser (playwright, Debian chromium)" npx playwright test --reporter=list,json
}
echo "::: on Node $(node --version) (the one installed with the dependencies)"
echo "::: running the unit lane and the browser lane side by side (logs: $lanes/unit.log, $lanes/browser.log)"
unit_lane > "$lanes/unit.log" 2>&1 &
unit_pid=$!
browser_lane > "$lanes/browser.log" 2>&1 &
browser_pid=$!
wait $unit_pid
cat "$lanes/unit.log"
wait $browser_pid
cat "$lanes/browser.log"

echo
cat "$lanes/timings"
echo "$(printf '%5ss' "$SECONDS")  in all"
node scripts/summarize.mjs
status=0
for suite in "lint and format (biome)" "typecheck" "command-line bundle" "unit (vitest)" "lambda handlers (pytest, moto)" "build" "browser (playwright, Debian chromium)"; do
  if [ "$(cat "$lanes/$suite.status" 2>/dev/null)" != ok ]; then echo "::: $suite did not pass"; status=1; fi
done
if [ $status = 0 ]; then echo "All suites passed."; else echo "Some suites FAILED."; fi
exit $status
