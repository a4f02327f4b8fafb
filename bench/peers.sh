#!/usr/bin/env bash
# bench/peers.sh: connectlint against the floor and its peers on real
# modules pinned by version, cold and warm, several runs each.
#
#	bench/peers.sh [-n RUNS] [MODULE@VERSION ...]
#
# Rows go to $WORK/peers.tsv (see lib.sh for the columns); the summary
# (medians and ratios) is printed by benchsum. Not part of .ci/run.
#
# What "cold" means, for every tool alike: a fresh copy of a Go build
# cache that holds the compiled export data of every package and
# dependency (go list -export -deps -test ./...), but no go vet results,
# and an empty staticcheck cache. A linter should not be charged for
# compiling dependencies the developer's build already compiled.
# "warm-leaf": right after a cold run of the same tool, with the caches it
# populated, one line appended to a file of a package no other package
# imports, tests included (a new line for every run, so each run sees a
# real change); only for the tools that keep results (connectlint, go
# vet). "warm": then the leaf restored and a line appended to a file of
# the module's first package (for go-jira, the package every other
# imports). Files are restored with their old modification time. Runs go
# round-robin over the tools.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=3
if [ "${1:-}" = -n ]; then
	RUNS=$2
	shift 2
fi
MODULES=("$@")
if [ ${#MODULES[@]} -eq 0 ]; then
	MODULES=(
		github.com/ctreminiom/go-atlassian/v2@v2.12.0
		github.com/andygrunwald/go-jira@v1.17.0
		github.com/ankitpokhrel/jira-cli@v1.6.0
	)
fi
# BENCH_TOOLS="connectlint floor gosec" bench/peers.sh runs a subset.
read -ra TOOLS <<<"${BENCH_TOOLS:-connectlint govet-connectlint floor floor-runner floor-vet floor-facts govet gosec staticcheck}"

tool_cmd() {
	case $1 in
	connectlint) echo "$BIN/connectlint -cache=$WORK/cl-cache ./..." ;;
	floor) echo "$BIN/benchdriver -suite noop ./..." ;;
	floor-vet) echo "$BIN/benchdriver -driver govet -suite noop ./..." ;;
	floor-runner) echo "$BIN/benchdriver -driver runner -suite noop ./..." ;;
	floor-facts) echo "$BIN/benchdriver -suite noop-facts ./..." ;;
	govet) echo "go vet ./..." ;;
	govet-connectlint) echo "go vet -vettool=$BIN/connectlint ./..." ;;
	gosec) echo "$BIN/gosec -quiet -fmt=json ./..." ;;
	staticcheck) echo "$BIN/staticcheck ./..." ;;
	esac
}

build_tools peers
OUT=$WORK/peers.tsv
: >"$OUT"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -m | awk '/Mem:/{print $2}') MiB, $(go version)" >"$WORK/peers.machine"

for mv in "${MODULES[@]}"; do
	name=$(basename "${mv%@*}")
	[ "$name" = v2 ] && name=$(basename "$(dirname "${mv%@*}")")
	src=$WORK/src/$name
	echo "== $mv" >&2
	fetch_module "$mv" "$src"
	# One base cache for all modules: the standard library is compiled once.
	base=$WORK/cache/base
	(cd "$src" && GOCACHE=$base go list -export -deps -test ./... >/dev/null 2>&1 || true)
	edit=$(cd "$src" && go list -f '{{if .GoFiles}}{{.Dir}}/{{index .GoFiles 0}}{{end}}' ./... 2>/dev/null | grep . | head -1)
	cp -p "$edit" "$WORK/edit.orig"
	echo "   warm runs edit $edit" >&2
	(cd "$src" && go list -deps -test -f '{{range .Imports}}{{println .}}{{end}}' ./... >"$WORK/imported" 2>/dev/null &&
		go list -f '{{if .GoFiles}}{{.ImportPath}} {{.Dir}}/{{index .GoFiles 0}}{{end}}' ./... >"$WORK/packages" 2>/dev/null) || true
	leaf=$(awk 'NR == FNR { imported[$1] = 1; next } NF == 2 && !($1 in imported) { print $2; exit }' "$WORK/imported" "$WORK/packages")
	cp -p "$leaf" "$WORK/leaf.orig"
	echo "   warm-leaf runs edit $leaf" >&2
	# Round-robin over the tools, so that the machine's drift (other
	# tenants, thermal) spreads over all of them: run i of every tool is
	# one cold run on a fresh copy of the base cache, then one warm run
	# after a one-line edit on the cache the cold run left.
	for i in $(seq "$RUNS"); do
		for tool in "${TOOLS[@]}"; do
			read -ra cmd <<<"$(tool_cmd "$tool")"
			rm -rf "$WORK/run-cache" "$WORK/sc-cache" "$WORK/cl-cache"
			cp -al "$base" "$WORK/run-cache"
			(cd "$src" && export GOCACHE=$WORK/run-cache STATICCHECK_CACHE=$WORK/sc-cache && measure "$OUT" "$name" "$tool" cold "$i" -- "${cmd[@]}")
			case $tool in connectlint | govet-connectlint | floor-vet | govet)
				printf '\nvar _ = "bench edit %s %s"\n' "$tool" "$i" >>"$leaf" # the file may not end in a newline
				(cd "$src" && export GOCACHE=$WORK/run-cache && measure "$OUT" "$name" "$tool" warm-leaf "$i" -- "${cmd[@]}")
				;;
			esac
			cp -p "$WORK/leaf.orig" "$leaf"
			printf '\nvar _ = "bench edit %s %s"\n' "$tool" "$i" >>"$edit"
			(cd "$src" && export GOCACHE=$WORK/run-cache STATICCHECK_CACHE=$WORK/sc-cache && measure "$OUT" "$name" "$tool" warm "$i" -- "${cmd[@]}")
			cp -p "$WORK/edit.orig" "$edit"
		done
		echo "   run $i done" >&2
	done
done
"$BIN/benchsum" "$OUT"
