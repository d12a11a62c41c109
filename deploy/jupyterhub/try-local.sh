#!/usr/bin/env bash
# Try lgtrack on JupyterHub on this machine: a hub on 127.0.0.1:8000 with real system users.
#
#   sudo LGTRACK_HUB_PASSWORD='a passphrase' deploy/jupyterhub/try-local.sh anna bo carl
#
# Each USER is created if missing (home 0700, password $LGTRACK_HUB_PASSWORD) and joins the group
# lgtrack-leaders; the last one (or $LGTRACK_HUB_FACILITATOR) also joins lgtrack-facilitators.
# Users without a journal get a demo journal. lgtrack, the notebooks and configurable-http-proxy
# (from npm) are installed once under $LGTRACK_HUB_PREFIX (/opt/lgtrack); the hub's state and the
# cohort inboxes live under $LGTRACK_HUB_SRV (/srv/lgtrack). Ctrl+C stops the hub and every
# user's server. Needs: root, Debian's python3 (3.10+, with venv), npm.
#
# Optional: LGTRACK_HUB_PORT (8000), LGTRACK_HUB_PYTHON (an existing Python environment with
# lgtrack[hub] that every user can read, instead of installing one).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
prefix="${LGTRACK_HUB_PREFIX:-/opt/lgtrack}"
srv="${LGTRACK_HUB_SRV:-/srv/lgtrack}"
port="${LGTRACK_HUB_PORT:-8000}"

say() { printf 'try-local: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

[ "$(id -u)" -eq 0 ] || die "run as root (sudo): it creates system users and runs each server as its user"
[ "$#" -ge 1 ] || die "name at least one user: try-local.sh USER [USER ...]"
for user in "$@"; do
    [[ "$user" =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || die "not a valid user name: $user"
done
facilitator="${LGTRACK_HUB_FACILITATOR:-${*: -1}}"

# 1. lgtrack, JupyterHub, Voilà and the notebooks, installed once for everyone (readable by all).
umask 022
install -d -m 0755 "$prefix" "$srv"
if [ -n "${LGTRACK_HUB_PYTHON:-}" ]; then
    python="$LGTRACK_HUB_PYTHON"
else
    if [ ! -x "$prefix/venv/bin/python" ]; then
        say "installing lgtrack[hub] into $prefix/venv"
        # Debian's Python, not one under a private home (pyenv): every user must be able to run it.
        "${LGTRACK_HUB_BASE_PYTHON:-/usr/bin/python3}" -m venv "$prefix/venv"
    fi
    "$prefix/venv/bin/pip" install -q "$repo[hub]"
    python="$prefix/venv/bin/python"
fi
bin="$(dirname "$python")"
rm -rf "$prefix/notebooks" && install -d -m 0755 "$prefix/notebooks"
install -m 0644 "$repo"/notebooks/*.ipynb "$prefix/notebooks/"
if [ ! -x "$prefix/proxy/node_modules/.bin/configurable-http-proxy" ]; then
    say "installing configurable-http-proxy from npm into $prefix/proxy"
    npm install --silent --no-audit --no-fund --prefix "$prefix/proxy" configurable-http-proxy@5 >/dev/null
fi

# 2. Groups, users, and a demo journal for each user who has none.
getent group lgtrack-leaders >/dev/null || groupadd lgtrack-leaders
getent group lgtrack-facilitators >/dev/null || groupadd lgtrack-facilitators
for user in "$@"; do
    if ! id "$user" >/dev/null 2>&1; then
        [ -n "${LGTRACK_HUB_PASSWORD:-}" ] || die "set LGTRACK_HUB_PASSWORD: the password of the users this creates"
        useradd --create-home --key HOME_MODE=0700 --shell /bin/bash "$user"
        printf '%s:%s\n' "$user" "$LGTRACK_HUB_PASSWORD" | chpasswd
        say "created user $user"
    fi
    usermod -aG lgtrack-leaders "$user"
    home="$(getent passwd "$user" | cut -d: -f6)"
    journal="$home/.local/share/lgtrack"
    if [ ! -e "$journal/journal.sqlite" ]; then
        runuser -u "$user" -- sh -c "umask 077 && mkdir -p '$journal' && '$bin/lgtrack' demo --home '$journal' >/dev/null"
        say "wrote a demo journal for $user"
    fi
done
usermod -aG lgtrack-facilitators "$facilitator"

# 3. The cohort inboxes: facilitators make a folder per cohort; participants can only deliver.
install -d -m 2775 -o root -g lgtrack-facilitators "$srv/inbox"
install -d -m 0700 "$srv/hub"

# 4. A demo cohort in the facilitator's journal, with its inbox, the first time.
if [ -z "$(ls -A "$srv/inbox")" ]; then
    fhome="$(getent passwd "$facilitator" | cut -d: -f6)/.local/share/lgtrack"
    cohort="$(runuser -u "$facilitator" -- "$bin/lgtrack" cohort create --name "Demo-forløb" \
        --start "$(date -d '-1 year' +%F)" --end "$(date -d '+3 months' +%F)" --home "$fhome")"
    runuser -u "$facilitator" -- "$bin/lgtrack" cohort inbox "$cohort" --root "$srv/inbox" \
        --home "$fhome" >/dev/null
    say "made the cohort Demo-forløb ($cohort) with an inbox for $facilitator"
fi

cat >&2 <<EOF
try-local: open http://127.0.0.1:$port/ and log in as one of: $*
try-local: (the password is their system password; new users have \$LGTRACK_HUB_PASSWORD)
try-local: $facilitator is the facilitator; the inboxes are in $srv/inbox
try-local: a leader sends her cohort bundle from 08_share (Send to the programme); the
try-local: facilitator imports it with: lgtrack cohort import ID $srv/inbox/ID
try-local: each user's notebooks open as Voilà apps; JupyterLab is at /user/NAME/lab
try-local: Ctrl+C stops the hub and every user's server
EOF

cd "$srv/hub"
export LGTRACK_HUB_STATE="$srv/hub" LGTRACK_NOTEBOOKS="$prefix/notebooks" LGTRACK_INBOX="$srv/inbox"
export LGTRACK_HUB_PORT="$port" LGTRACK_CHP="$prefix/proxy/node_modules/.bin/configurable-http-proxy"
export PATH="$bin:$PATH"
exec "$bin/jupyterhub" -f "$here/jupyterhub_config.py"
