#!/usr/bin/env bash
# Runs every test on a fresh machine: installs the Debian packages the tests need when they are missing, then runs
# ./mvnw -B verify (unit tests, then the *IT tests). Extra arguments go to Maven (./test.sh -o for offline).
# CI runs exactly this script (.ci/run).
set -euo pipefail
cd "$(dirname "$0")"

# One line per Debian package: the package, then a command that succeeds when it is already installed.
packages=(
  "chromium|test -x /usr/bin/chromium"                          # the console's tests in a real headless browser
  "chromium-driver|test -x /usr/bin/chromedriver"               # WebDriver for that browser
  "python3-aiosmtpd|/usr/bin/python3 -c 'import aiosmtpd'"      # an SMTP server that refuses a recipient with 550
  "dovecot-imapd|test -x /usr/lib/dovecot/imap"                 # a real IMAP server for the mail intake tests (brings openssl)
  "dovecot-lmtpd|test -x /usr/lib/dovecot/lmtp"                 # its LMTP, through which digests reach its mailboxes
)

missing=()
for entry in "${packages[@]}"; do
  package=${entry%%|*}
  check=${entry#*|}
  bash -c "$check" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

exec ./mvnw -B verify "$@"
