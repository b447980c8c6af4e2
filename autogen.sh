#!/bin/sh
# autogen.sh - bootstrap regtutor from a fresh clone.
#
# Installs whatever build and test tools are missing (Debian/Ubuntu, as root
# with apt-get; otherwise prints the exact apt-get line), then regenerates the
# build system with autoreconf and runs ./configure with the given arguments.
# Idempotent: when everything is present it only reconfigures.  autoreconf
# -i runs autopoint (gettext's po/Makefile.in.in and m4 macros).
set -e
cd "$(dirname "$0")"

need=""
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

# command -> package
for pair in autoconf:autoconf automake:automake pkg-config:pkg-config \
            gcc:gcc make:make tmux:tmux mandoc:mandoc \
            msgfmt:gettext xgettext:gettext autopoint:autopoint; do
	c=${pair%%:*}; p=${pair#*:}
	have_cmd "$c" || case " $need " in *" $p "*) ;; *) need="$need $p" ;; esac
done
# libraries and data -> package (locales: the definitions localedef needs
# to build the comma-decimal locale of tests/cli.sh; minimal systems lack it)
if have_cmd dpkg-query; then
	for p in autoconf-archive libncurses-dev libreadline-dev libcmocka-dev \
	    locales; do
		have_pkg "$p" || need="$need $p"
	done
fi
# A UTF-8 locale is needed by the Hangul tests; C.UTF-8 ships with libc-bin.
# The tests find processes through /proc, not ps (procps is not needed).

if [ -n "$need" ]; then
	if have_cmd apt-get && [ "$(id -u)" = 0 ]; then
		echo "autogen.sh: installing:$need"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $need >/dev/null
	elif have_cmd apt-get; then
		echo "autogen.sh: missing packages; run as root:" >&2
		echo "  apt-get install -y$need" >&2
		exit 1
	else
		echo "autogen.sh: please install:$need" >&2
		exit 1
	fi
fi

autoreconf -fi >/dev/null 2>&1 || autoreconf -fi
./configure -q "$@"
