# tests/tap.sh - a tiny TAP emitter for the shell tests (sourced).
#   plan N; ok "name" cmd...; is "name" "got" "want"; like "name" "got" "pattern"
tap_n=0
tap_fail=0
plan() { echo "1..$1"; }
tap_result() {
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then echo "ok $tap_n - $2"
	else echo "not ok $tap_n - $2"; tap_fail=$((tap_fail + 1)); fi
}
ok() { name=$1; shift; if "$@" >/dev/null 2>&1; then tap_result 0 "$name"; else tap_result 1 "$name"; fi; }
is() {
	if [ "$2" = "$3" ]; then tap_result 0 "$1"
	else tap_result 1 "$1"; printf '# got:  %s\n# want: %s\n' "$2" "$3"; fi
}
like() {
	if printf '%s' "$2" | grep -Eq -- "$3"; then tap_result 0 "$1"
	else tap_result 1 "$1"; printf '%s\n' "$2" | sed 's/^/# got: /' | head -20; printf '# want /%s/\n' "$3"; fi
}
finish() { exit 0; }
