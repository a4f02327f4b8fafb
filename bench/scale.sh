#!/usr/bin/env bash
# bench/scale.sh: time and memory of connectlint as a synthetic app grows
# from 100 to 20 000 Atlassian call sites (bench/cmd/genapp: 50 call
# sites per package, raw net/http, a wrapper and go-jira in turn).
#
#	bench/scale.sh [-n RUNS] [TOTAL ...]     (default 100 1000 5000 20000)
#
# Each size is measured with connectlint (with an empty cache), go vet
# -vettool=connectlint, and the no-op floors (in process over go/packages,
# the runner's, go vet's, and the in-process no-op with a fact type),
# cold: every run starts
# from a fresh copy of a build cache holding the compiled dependencies and
# no vet results. BENCH_TOOLS="..." runs a subset. Rows go to
# $WORK/scale.tsv; the summary is printed by benchsum. Not part of .ci/run.
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
	base=$WORK/cache/scale-$total
	rm -rf "$base"
	(cd "$app" && export GOCACHE=$base && GOFLAGS=-mod=mod go mod tidy >/dev/null 2>&1 && go build ./... && go list -export -deps -test ./... >/dev/null)
	echo "== $total call sites: $pkgs packages x $calls" >&2
	read -ra tools <<<"${BENCH_TOOLS:-connectlint govet-connectlint floor floor-runner floor-vet floor-facts}"
	for tool in "${tools[@]}"; do
		case $tool in
		connectlint) cmd=("$BIN/connectlint" "-cache=$WORK/cl-cache" ./...) ;;
		govet-connectlint) cmd=(go vet "-vettool=$BIN/connectlint" ./...) ;;
		floor-runner) cmd=("$BIN/benchdriver" -driver runner -suite noop ./...) ;;
		floor) cmd=("$BIN/benchdriver" -suite noop ./...) ;;
		floor-vet) cmd=("$BIN/benchdriver" -driver govet -suite noop ./...) ;;
		floor-facts) cmd=("$BIN/benchdriver" -suite noop-facts ./...) ;;
		esac
		for i in $(seq "$RUNS"); do
			rm -rf "$WORK/run-cache" "$WORK/cl-cache"
			cp -al "$base" "$WORK/run-cache"
			(cd "$app" && export GOCACHE=$WORK/run-cache && measure "$OUT" "synth-$total" "$tool" cold "$i" -- "${cmd[@]}")
		done
	done
	findings=$(cd "$app" && GOCACHE=$WORK/run-cache "$BIN/connectlint" -cache=off -format json ./... 2>/dev/null | jq '.findings | length' || true)
	echo "   $findings findings" >&2
done
"$BIN/benchsum" "$OUT"
