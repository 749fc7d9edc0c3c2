#!/bin/sh
# install.sh: install the built portal for production (README, "Running it
# for real"). Run as root after `make all`. Safe to run again to upgrade:
# code, templates, assets, migrations and the unit files are replaced;
# @ETC@/kore.conf, @ETC@/portal.env, the database and the backups are
# never touched once they exist.
#
# Where things go (override on the make command line, e.g. for a trial
# install: make install PREFIX=/tmp/p/opt ETC=/tmp/p/etc ...):
#   PREFIX   /opt/portal            code, templates, assets (root's)
#   ETC      /etc/portal            kore.conf, portal.env
#   DATA     /var/lib/portal        the database; Kore's chroot (RUNAS's)
#   BACKUPS  /var/backups/portal    nightly copies (RUNAS's)
#   UNITS    /etc/systemd/system    portal.service and three timers
#   SBIN     /usr/local/sbin        the portalctl wrapper
#   RUNAS    portal                 the unprivileged user workers run as
#   PORT     8888                   loopback port of the plain server
#   BUILD    build                  where make put portal.so, portalctl
set -eu

: "${PREFIX:=/opt/portal}" "${ETC:=/etc/portal}" "${DATA:=/var/lib/portal}"
: "${BACKUPS:=/var/backups/portal}" "${UNITS:=/etc/systemd/system}"
: "${SBIN:=/usr/local/sbin}" "${RUNAS:=portal}" "${PORT:=8888}"
: "${BUILD:=build}"

die() {
	echo "install: $*" >&2
	exit 1
}

[ "$(id -u)" -eq 0 ] || die "run me as root (sudo make install)"
[ -f "$BUILD/portal.so" ] && [ -x "$BUILD/portalctl" ] ||
	die "nothing built in $BUILD: run make all first"
id "$RUNAS" >/dev/null 2>&1 ||
	die "no user $RUNAS: adduser --system --group --home $DATA $RUNAS"
for d in "$PREFIX" "$DATA"; do
	case "$d" in /*) ;; *) die "$d: give an absolute path" ;; esac
done

subst() {
	sed -e "s|@PREFIX@|$PREFIX|g" -e "s|@ETC@|$ETC|g" \
	    -e "s|@DATA@|$DATA|g" -e "s|@BACKUPS@|$BACKUPS|g" \
	    -e "s|@UNITS@|$UNITS|g" -e "s|@SBIN@|$SBIN|g" \
	    -e "s|@USER@|$RUNAS|g" -e "s|@PORT@|$PORT|g" "$1"
}

# A file from deploy/, placed only if it is not there yet.
place_once() {
	if [ -e "$2" ]; then
		echo "  kept    $2 (yours; the new one is $2.dist)"
		subst "$1" >"$2.dist"
		chmod "$3" "$2.dist"
	else
		subst "$1" >"$2"
		chmod "$3" "$2"
		echo "  wrote   $2"
	fi
}

umask 022
echo "Installing the portal into $PREFIX"
install -d -m 0755 "$PREFIX"
install -m 0644 "$BUILD/portal.so" "$PREFIX/portal.so"
install -m 0755 "$BUILD/portalctl" "$PREFIX/portalctl"
install -m 0644 README.md "$PREFIX/README.md"
for d in templates assets migrations data; do
	rm -rf "${PREFIX:?}/$d"
	cp -R "$d" "$PREFIX/$d"
	chmod -R u=rwX,go=rX "$PREFIX/$d"
done

# The limits, timeouts and routes the tests ran with, from kore.conf:
# top-level settings (less what production sets itself) and the lines of
# the domain block (less attach and certificates).
awk -v app="$PREFIX/kore-app.conf" -v routes="$PREFIX/kore-routes.conf" '
	BEGIN {
		print "# Made by make install from kore.conf; replaced on " \
		    "upgrade." > app
		print "# Made by make install from kore.conf; replaced on " \
		    "upgrade." > routes
	}
	/^[ \t]*#/ || /^[ \t]*$/ { next }
	depth == 0 && /^(server|domain)[ \t].*\{[ \t]*$/ {
		depth = 1
		indomain = ($1 == "domain")
		next
	}
	depth == 0 {
		if ($1 !~ /^(load|pidfile|root|chroot|runas|http_hsts_enable)$/)
			print > app
		next
	}
	/^[ \t]*\}[ \t]*$/ {
		if (--depth == 0) {
			indomain = 0
			next
		}
	}
	/\{[ \t]*$/ { depth++ }
	indomain && !(depth == 1 && $1 ~ /^(attach|certfile|certkey)$/) {
		print > routes
	}
' kore.conf
grep -q '^[[:space:]]*route ' "$PREFIX/kore-routes.conf" ||
	die "no routes found in kore.conf"

echo "Configuration in $ETC"
install -d -m 0755 "$ETC"
place_once deploy/kore.conf "$ETC/kore.conf" 0644
place_once deploy/portal.env "$ETC/portal.env" 0644

echo "Data in $DATA, backups in $BACKUPS (only $RUNAS can read them)"
install -d -m 0700 -o "$RUNAS" -g "$RUNAS" "$DATA"
install -d -m 0700 -o "$RUNAS" -g "$RUNAS" "$BACKUPS"

echo "systemd units in $UNITS, portalctl in $SBIN"
install -d -m 0755 "$UNITS" "$SBIN"
for u in portal.service portal-backup.service portal-backup.timer \
    portal-purge.service portal-purge.timer portal-mail.service \
    portal-mail.timer; do
	subst "deploy/$u" >"$UNITS/$u"
	chmod 0644 "$UNITS/$u"
done
subst deploy/portalctl >"$SBIN/portalctl"
chmod 0755 "$SBIN/portalctl"

# Email goes from portal-mail.timer, outside the chroot: the workers have
# no CA bundle or resolv.conf. A portal.env from before this needs a line.
grep -q '^PORTAL_MAIL_SENDER=off[[:space:]]*$' "$ETC/portal.env" || {
	echo "  WARNING: $ETC/portal.env lacks PORTAL_MAIL_SENDER=off: add" \
	    "it (see $ETC/portal.env.dist) and restart portal, or the" \
	    "chrooted server tries to send email and fails" >&2
}
if [ "$UNITS" = /etc/systemd/system ] && [ -d /run/systemd/system ]; then
	systemctl daemon-reload
	systemctl enable portal-mail.timer
	# An upgrade of a running portal: send mail from now on.
	if systemctl -q is-active portal.service; then
		systemctl start portal-mail.timer
	fi
	echo "  enabled portal-mail.timer (email, every minute)"
fi

echo "Done. Next: README, \"Running it for real\", step 4."
