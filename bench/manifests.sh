#!/usr/bin/env bash
# bench/manifests.sh: the manifest rules over real Forge manifests. Each
# file of bench/manifests.tsv is checked alone, as the manifest.yml of an
# empty Go module, and the findings are counted per rule. docs/corpus.md
# ("Forge manifests on real manifests") has the results, judged by hand.
#
#	bench/manifests.sh [NAME ...]     (default: all)
#
# Environment:
#	CONNECTLINT      the binary to run (default: built from this tree)
#	CORPUS_MIRRORS   where bare mirrors owner+repo/repo live (default /work/.mirror);
#	                 a repository without one is cloned from GitHub
#	MANIFEST_FILES   where the manifests are kept, as owner+repo/path
#	                 (default $WORK/manifests/files)
#
# The manifests are other people's files: they are kept outside the
# repository. Per-manifest JSON reports go to $WORK/manifests/out, every
# finding one a line to $WORK/manifests/findings.tsv (name, rule,
# severity, line, column, message) for judging, and the per-rule counts
# to $WORK/manifests/summary.md. Not part of .ci/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
D=$WORK/manifests
FILES=${MANIFEST_FILES:-$D/files}
OUT=$D/out
MOD=$D/module
MIRRORS=${CORPUS_MIRRORS:-/work/.mirror}
mkdir -p "$FILES" "$OUT" "$MOD"
CL=${CONNECTLINT:-}
if [ -z "$CL" ]; then
	(cd "$ROOT" && go build -o "$BIN/connectlint" ./cmd/connectlint)
	CL=$BIN/connectlint
fi

# get REPO PATH COMMIT: the manifest into $FILES/owner+repo/PATH.
get() { git_file "$1" "$2" "$3" "$FILES/${1/\//+}/$2"; }

# The empty module each manifest is checked in: one main package, so the
# manifest has an owner package to be reported by.
printf 'module example.com/manifestcheck\n\ngo 1.24\n' >"$MOD/go.mod"
printf 'package main\n\nfunc main() {}\n' >"$MOD/main.go"

want=("$@")
: >"$D/findings.tsv"
: >"$D/runs.tsv"
fail=0
while IFS=$'\t' read -r name repo path commit _; do
	[ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
	if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " =~ " $name " ]]; then continue; fi
	if ! get "$repo" "$path" "$commit" 2>/dev/null; then
		echo "$name: cannot get $repo $path@$commit" >&2
		fail=1
		continue
	fi
	cp "$FILES/${repo/\//+}/$path" "$MOD/manifest.yml"
	check_file "$name" "$MOD" -manifest manifest.yml
done <"$ROOT/bench/manifests.tsv"

summarize_files manifests
exit $fail
