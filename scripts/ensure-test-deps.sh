#!/bin/sh
# Installs what the tests need beyond npm packages, from Debian: Chromium, for the browser checks
# (accessibility, privacy, print, no-JavaScript, Lighthouse), and pandoc, which reads the citation
# downloads back as a reference manager would. Safe to run again: does nothing when both are there.
# Playwright never downloads a browser of its own here; CHROMIUM_PATH overrides.
set -eu
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=""
[ -x "$chromium" ] || missing="chromium"
command -v pandoc >/dev/null 2>&1 || missing="$missing pandoc"
if [ -z "$missing" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-deps: installing Debian's$missing for the tests" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  exit 0
fi
cat >&2 <<MSG
ensure-test-deps: missing:$missing, and it cannot be installed from here (not root, or no
apt-get). The tests that need it will fail until it is. Install it with
  sudo apt-get install -y$missing
or, for Chromium, point CHROMIUM_PATH at a Chromium or Chrome binary.
MSG
# Not an error here: the tests themselves fail loudly, naming what is missing.
exit 0
