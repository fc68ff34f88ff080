#!/bin/sh
# Installs what the tests need beyond npm packages: Debian's Chromium, for the browser checks
# (accessibility, privacy, print, no-JavaScript, Lighthouse). Safe to run again: does nothing when
# Chromium is there. Playwright never downloads a browser of its own here; CHROMIUM_PATH overrides.
set -eu
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-deps: installing Debian's chromium for the browser tests" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<MSG
ensure-test-deps: Chromium is not installed at $chromium, and it cannot be installed from here
(not root, or no apt-get). The browser tests will fail until it is. Install it with
  sudo apt-get install -y chromium
or point CHROMIUM_PATH at a Chromium or Chrome binary.
MSG
# Not an error here: the tests themselves fail loudly, naming what is missing.
exit 0
