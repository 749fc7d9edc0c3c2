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
# As root (the usual way on a fresh machine), the workers still give up
# root: Kore locks them into this folder (chroot) and makes them "nobody",
# who must then own the demo database and its folder. That needs the
# database inside this folder. Otherwise, or without root: -n no chroot,
# -r no privilege drop.
# Line-buffered, or start-up lines are copied into every forked worker.
# (A folder of its own below this one: var/portal.db, not portal.db.)
inside=no
case "$PORTAL_DB" in
/* | ../* | */../* | ./*) ;;
?*/*) inside=yes ;;
esac
if [ "$(id -u)" -eq 0 ] && [ "$inside" = yes ] &&
    id nobody >/dev/null 2>&1; then
	dir=$(dirname "$PORTAL_DB")
	chown nobody "$dir" "$PORTAL_DB"
	for f in "$PORTAL_DB-wal" "$PORTAL_DB-shm" "$PORTAL_DB-commits"; do
		[ ! -e "$f" ] || chown nobody "$f"
	done
	{ cat kore.conf; echo; echo "runas nobody"; } >"$build/run-kore.conf"
	exec stdbuf -oL kore -c "$build/run-kore.conf" -f
fi
exec stdbuf -oL kore -c kore.conf -f -n -r
