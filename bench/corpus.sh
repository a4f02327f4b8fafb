#!/usr/bin/env bash
# bench/corpus.sh: the robustness run. connectlint over every module of
# bench/corpus.txt and over the Go standard library, checking that it
# never panics or reports an internal error, exits 0 or 3 (1 only with
# load errors that name the package), analyses every package that
# compiles, and reports the same findings from its cache as cold. Per-rule counts go to $WORK/corpus/summary.md; each module's
# JSON report to $WORK/corpus/NAME.json for judging findings by hand.
#
#	bench/corpus.sh [NAME ...]     (default: all, then std)
#
# Environment:
#	CONNECTLINT_BIN=path  check with this binary instead of building one
#	                      from this tree (e.g. a build of an older commit,
#	                      to compare findings before and after a change)
#	CORPUS_PARITY=0       skip the second, cached run
#	CORPUS_SCOPES=1       also run `connectlint scopes` on ./... and on
#	                      every main package (NAME.scopes.txt)
#	CORPUS_STD=0          leave out the standard library
#	BENCH_WORK=dir        where sources and reports go (see lib.sh)
#
# Dependencies come from the module proxy with -mod=mod: a dependency the
# proxy refuses leaves some packages uncompilable, which is part of the
# test. Not part of .ci/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
if [ -n "${CONNECTLINT_BIN:-}" ]; then
	CL=$(realpath "$CONNECTLINT_BIN")
else
	(cd "$ROOT" && go build -o "$BIN/connectlint" ./cmd/connectlint)
	CL=$BIN/connectlint
fi
OUT=$WORK/corpus
mkdir -p "$OUT"
MIRRORS=${CORPUS_MIRRORS:-/work/.mirror}
fail=0

get_source() { # kind source version dest
	local kind=$1 src=$2 ver=$3 dest=$4
	if [ "$kind" = proxy ]; then
		fetch_module "$src@$ver" "$dest"
		return
	fi
	local git=$MIRRORS/${src/\//+}/repo
	[ ! -d "$git/.git" ] || git=$git/.git # some snapshots are clones with a work tree
	if [ ! -d "$git" ]; then
		git=$WORK/git/${src/\//+}
		[ -d "$git" ] || git clone -q --bare "https://github.com/$src" "$git"
	fi
	rm -rf "$dest"
	mkdir -p "$dest"
	# Snapshots from the fetch tool lack files of 4 MiB and more (images,
	# mostly), which makes git archive stop half-way: export only the
	# files whose content is there.
	local missing
	missing=$(git --git-dir="$git" ls-tree -r "$ver" | awk '$2 == "blob" { print $3 }' |
		git --git-dir="$git" cat-file --batch-check | awk '$2 == "missing" { print $1 }')
	if [ -z "$missing" ]; then
		git --git-dir="$git" archive "$ver" | tar -x -C "$dest"
	else
		echo "$src $ver: leaving out $(echo "$missing" | wc -l) file(s) the snapshot lacks" >&2
		git --git-dir="$git" ls-tree -r -z "$ver" | grep -zv -F -f <(echo "$missing") | cut -z -f2 |
			xargs -0 -r bash -c 'd=$2 v=$1; shift 2; git --literal-pathspecs --git-dir="$0" archive "$v" -- "$@" | tar -x -C "$d"' "$git" "$ver" "$dest"
	fi
	prepare "$dest"
	(cd "$dest" && GOFLAGS=-mod=mod go mod download >/dev/null 2>&1 || true)
}

# prepare DIR writes the Go files a module's own build generates before
# compiling, so that its main code can be analysed. Mattermost plugins:
# server/manifest.go holds plugin.json as a string (what their
# build/manifest "apply" writes); without it the server package, where
# all the Jira and Confluence code is, does not type-check.
prepare() {
	local dir=$1
	if [ -f "$dir/plugin.json" ] && [ -d "$dir/server" ] && [ ! -f "$dir/server/manifest.go" ] &&
		grep -q 'github.com/mattermost/mattermost/server/public ' "$dir/go.mod" && ! grep -q '`' "$dir/plugin.json"; then
		{
			printf '// Written by connectlint bench/corpus.sh, as the plugin'"'"'s build does.\n\npackage main\n\n'
			printf 'import (\n\t"encoding/json"\n\t"strings"\n\n\t"github.com/mattermost/mattermost/server/public/model"\n)\n\n'
			printf 'var manifest *model.Manifest\n\nconst manifestStr = `\n'
			cat "$dir/plugin.json"
			printf '`\n\nfunc init() {\n\t_ = json.NewDecoder(strings.NewReader(manifestStr)).Decode(&manifest)\n}\n'
		} >"$dir/server/manifest.go"
	fi
	# bou.ke/monkey (monkey patching in tests) is refused by the module
	# proxy here; go vet then skips the whole package the tests belong to.
	# The tests are not what the corpus is about: leave them out.
	grep -rlZ --include='*_test.go' '"bou.ke/monkey"' "$dir" 2>/dev/null | xargs -0 -r rm -f
}

# scopes NAME DIR: what `connectlint scopes` says the module as a whole
# and each of its main packages needs, for judging by hand.
scopes() {
	local name=$1 dir=$2 pkg
	{
		echo "### ./..."
		(cd "$dir" && "$CL" scopes ./... 2>&1) || echo "(exit $?)"
		for pkg in $(cd "$dir" && go list -e -f '{{if eq .Name "main"}}{{.ImportPath}}{{end}}' ./... 2>/dev/null); do
			echo
			echo "### $pkg"
			(cd "$dir" && "$CL" scopes "$pkg" 2>&1) || echo "(exit $?)"
		done
	} >"$OUT/$name.scopes.txt"
}

# check NAME DIR: runs connectlint in DIR and judges the run.
check() {
	local name=$1 dir=$2 rc verdict=ok
	# Compile (-export) to see type errors too, with the test variants:
	# connectlint checks _test.go files, so a package whose tests do not
	# compile counts as broken.
	(cd "$dir" && go list -e -export -test -f '{{.ImportPath}}{{if or .Error .DepsErrors}} broken{{end}}' ./... 2>/dev/null |
		awk '$1 !~ /\.test$/' | sed 's/ \[.*\]//' | sort | awk '{ if ($1 != last) { if (last != "") print line; last = $1; line = $0 } else if ($2 == "broken") line = $0 } END { if (last != "") print line }' >"$OUT/$name.pkgs" || true)
	local npkg nbroken
	npkg=$(wc -l <"$OUT/$name.pkgs")
	nbroken=$(grep -c ' broken$' "$OUT/$name.pkgs" || true)
	set +e
	# A fresh cache per module: the timed run is cold, the parity run warm.
	rm -rf "$OUT/$name.cache"
	(cd "$dir" && /usr/bin/time -f '%e\t%M' -o "$OUT/$name.time" "$CL" -cache="$OUT/$name.cache" -format json -out "$OUT/$name.json" ./... 2>"$OUT/$name.stderr")
	rc=$?
	set -e
	if grep -qE 'panic|internal error|goroutine [0-9]+ \[' "$OUT/$name.stderr"; then
		verdict="PANIC or internal error"
	elif [ "$rc" != 0 ] && [ "$rc" != 3 ] && [ "$rc" != 1 ]; then
		verdict="exit $rc"
	elif [ "$rc" = 1 ] && ! jq -e '(.errors // []) | length > 0' "$OUT/$name.json" >/dev/null 2>&1; then
		verdict="exit 1 without a load error"
	else
		# Every package connectlint could not check must be one go list
		# also reports as broken.
		local unexpected
		unexpected=$(jq -r '(.errors // [])[] | .package // empty' "$OUT/$name.json" 2>/dev/null | sort -u |
			while read -r p; do if grep -qx "$p" "$OUT/$name.pkgs"; then echo "$p"; fi; done)
		[ -z "$unexpected" ] || verdict="compiling packages not checked: $unexpected"
	fi
	# A run from the cache must report the same findings (positions,
	# messages, suppressions) as the cold run.
	if [ "$verdict" = ok ] && [ "${CORPUS_PARITY:-1}" != 0 ]; then
		(cd "$dir" && "$CL" -cache="$OUT/$name.cache" -format json -out "$OUT/$name.warm.json" ./... 2>/dev/null) || true
		if ! diff <(jq -S '[.findings[]?]' "$OUT/$name.json") <(jq -S '[.findings[]?]' "$OUT/$name.warm.json") >/dev/null 2>&1; then
			verdict="a run from the cache disagrees with the cold run (see $name.json, $name.warm.json)"
		fi
	fi
	rm -rf "$OUT/$name.cache"
	[ "$verdict" = ok ] || fail=1
	[ "${CORPUS_SCOPES:-0}" = 0 ] || scopes "$name" "$dir"
	local rules
	rules=$(jq -r '[.findings[]? | select(.suppressed | not) | .rule] | group_by(.) | map("\(.[0])=\(length)") | join(" ")' "$OUT/$name.json" 2>/dev/null || echo "?")
	local nerr
	nerr=$(jq -r '(.errors // []) | length' "$OUT/$name.json" 2>/dev/null || echo "?")
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$npkg" "$nbroken" "$rc" "$nerr" "$(tr '\t' ' ' <"$OUT/$name.time" | tail -1)" "$verdict" "${rules:--}" >>"$OUT/summary.tsv"
	echo "$name: exit $rc, $npkg packages ($nbroken broken), $verdict, ${rules:-no findings}" >&2
}

want=("$@")
# A run over some modules replaces their rows and keeps the others'.
if [ ${#want[@]} -eq 0 ]; then
	: >"$OUT/summary.tsv"
elif [ -f "$OUT/summary.tsv" ]; then
	awk -F'\t' -v names=" $* " 'index(names, " " $1 " ") == 0' "$OUT/summary.tsv" >"$OUT/summary.tsv.tmp"
	mv "$OUT/summary.tsv.tmp" "$OUT/summary.tsv"
fi
while read -r name kind src ver _; do
	[ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
	if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " =~ " $name " ]]; then continue; fi
	dest=$WORK/corpus-src/$name
	if ! get_source "$kind" "$src" "$ver" "$dest"; then
		echo "$name: could not get $src $ver" >&2
		printf '%s\t-\t-\t-\t-\t-\tsource unavailable\t-\n' "$name" >>"$OUT/summary.tsv"
		continue
	fi
	GOFLAGS=-mod=mod
	export GOFLAGS
	check "$name" "$dest"
done <"$ROOT/bench/corpus.txt"

if { [ ${#want[@]} -eq 0 ] && [ "${CORPUS_STD:-1}" != 0 ]; } || [[ " ${want[*]} " =~ " std " ]]; then
	export GOFLAGS=
	check std "$(go env GOROOT)/src"
fi

{
	echo "connectlint: $CL ($("$CL" version | head -1))"
	echo
	echo "| module | packages | broken (go list) | exit | load errors | wall s | peak RSS KiB | verdict | findings by rule |"
	echo "|---|---|---|---|---|---|---|---|---|"
	awk -F'\t' '{ split($6, t, " "); printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, t[1], t[2], $7, $8 }' "$OUT/summary.tsv"
} >"$OUT/summary.md"
cat "$OUT/summary.md"
exit $fail
