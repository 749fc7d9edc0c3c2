#!/bin/sh
# run.sh BUILD: create the demo council on first start, print its sign-ins
# and serve the portal in the foreground on http://127.0.0.1:8888.
set -e
build=${1:-build}
: "${PORTAL_DB:=var/portal.db}"
export PORTAL_DB
mkdir -p "$(dirname "$PORTAL_DB")"
"$build/portalctl" seed-demo
echo
"$build/portalctl" demo-logins
echo
echo "The portal is at http://127.0.0.1:8888  (Ctrl-C stops it)"
echo
# -f foreground, -n no chroot, -r no privilege drop (we are on loopback).
# Line-buffered, or start-up lines are copied into every forked worker.
exec stdbuf -oL kore -c kore.conf -f -n -r
