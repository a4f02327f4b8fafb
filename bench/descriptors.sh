#!/usr/bin/env bash
# bench/descriptors.sh: the descriptor rules over real descriptors. Each
# file of bench/descriptors.tsv is checked alone, as the only
# atlassian-connect.json of an empty Go module, and the findings are
# counted per rule. docs/corpus.md ("Descriptor rules on real
# descriptors") has the results, judged by hand.
#
#	bench/descriptors.sh [NAME ...]     (default: all)
#
# Environment:
#	CONNECTLINT      the binary to run (default: built from this tree)
#	CORPUS_MIRRORS   where bare mirrors owner+repo/repo live (default /work/.mirror);
#	                 a repository without one is cloned from GitHub
#
# The descriptors are other people's files: they are kept in
# $WORK/descriptors/files (default /tmp/connectlint-bench), never in the
# repository. Per-descriptor JSON reports go to $WORK/descriptors/out,
# every finding one a line to $WORK/descriptors/findings.tsv (name, rule,
# severity, line, column, message) for judging, and the per-rule counts
# to $WORK/descriptors/summary.md. Not part of .ci/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
D=$WORK/descriptors
FILES=$D/files
OUT=$D/out
MOD=$D/module
MIRRORS=${CORPUS_MIRRORS:-/work/.mirror}
mkdir -p "$FILES" "$OUT" "$MOD"
CL=${CONNECTLINT:-}
if [ -z "$CL" ]; then
	(cd "$ROOT" && go build -o "$BIN/connectlint" ./cmd/connectlint)
	CL=$BIN/connectlint
fi

# get NAME REPO PATH COMMIT: the descriptor into $FILES/NAME.json.
get() { git_file "$2" "$3" "$4" "$FILES/$1.json"; }

# The empty module each descriptor is checked in: one main package, so
# the descriptor has an owner package to be reported by.
printf 'module example.com/descriptorcheck\n\ngo 1.24\n' >"$MOD/go.mod"
printf 'package main\n\nfunc main() {}\n' >"$MOD/main.go"

want=("$@")
: >"$D/findings.tsv"
: >"$D/runs.tsv"
fail=0
while IFS=$'\t' read -r name repo path commit _; do
	[ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
	if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " =~ " $name " ]]; then continue; fi
	if ! get "$name" "$repo" "$path" "$commit" 2>/dev/null; then
		echo "$name: cannot get $repo $path@$commit" >&2
		fail=1
		continue
	fi
	cp "$FILES/$name.json" "$MOD/atlassian-connect.json"
	check_file "$name" "$MOD"
done <"$ROOT/bench/descriptors.tsv"

summarize_files descriptors
exit $fail
