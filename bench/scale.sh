#!/usr/bin/env bash
# bench/scale.sh: time and memory of connectlint as a synthetic app grows
# from 100 to 20 000 Atlassian call sites (bench/cmd/genapp: 50 call
# sites per package, raw net/http, a wrapper and go-jira in turn).
#
#	bench/scale.sh [-n RUNS] [TOTAL ...]     (default 100 1000 5000 20000)
#
# Each size is measured with connectlint, the no-op floor and the no-op
# with a fact type, with the build cache holding the compiled
# dependencies (connectlint has no result cache of its own, so every
# standalone run is cold). Rows go to $WORK/scale.tsv; the summary is
# printed by benchsum. Not part of .ci/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=3
if [ "${1:-}" = -n ]; then
	RUNS=$2
	shift 2
fi
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1000 5000 20000)
PER_PACKAGE=50

build_tools
OUT=$WORK/scale.tsv
: >"$OUT"
for total in "${SIZES[@]}"; do
	pkgs=$(((total + PER_PACKAGE - 1) / PER_PACKAGE))
	calls=$((total < PER_PACKAGE ? total : PER_PACKAGE))
	app=$WORK/synth-$total
	rm -rf "$app"
	"$BIN/genapp" -o "$app" -packages "$pkgs" -calls "$calls"
	(cd "$app" && GOFLAGS=-mod=mod go mod tidy >/dev/null 2>&1 && go build ./... && go list -export -deps ./... >/dev/null)
	echo "== $total call sites: $pkgs packages x $calls" >&2
	for tool in connectlint floor floor-facts; do
		case $tool in
		connectlint) cmd=("$BIN/connectlint" -tests=false ./...) ;;
		floor) cmd=("$BIN/benchdriver" -suite noop ./...) ;;
		floor-facts) cmd=("$BIN/benchdriver" -suite noop-facts ./...) ;;
		esac
		for i in $(seq "$RUNS"); do
			(cd "$app" && measure "$OUT" "synth-$total" "$tool" cold "$i" -- "${cmd[@]}")
		done
	done
	findings=$(cd "$app" && "$BIN/connectlint" -format json ./... 2>/dev/null | jq '.findings | length' || true)
	echo "   $findings findings" >&2
done
"$BIN/benchsum" "$OUT"
