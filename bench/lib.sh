# Shared helpers for the bench/ scripts; source it, do not run it.
# Needs: go, /usr/bin/time (Debian package "time"), cp -al.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${BENCH_WORK:-/tmp/connectlint-bench}
BIN=$WORK/bin
mkdir -p "$WORK" "$BIN"

# The peers, pinned. Override with the environment to compare other versions.
GOSEC_VERSION=${GOSEC_VERSION:-v2.30.0}
STATICCHECK_VERSION=${STATICCHECK_VERSION:-v0.8.2}

# build_tools builds connectlint and the bench programs from this work
# tree; with the argument "peers" it also installs gosec and staticcheck
# at the pinned versions into $BIN.
build_tools() {
	(cd "$ROOT" && go build -o "$BIN/connectlint" ./cmd/connectlint &&
		go build -tags bench -o "$BIN/benchdriver" ./bench/cmd/benchdriver &&
		go build -tags bench -o "$BIN/genapp" ./bench/cmd/genapp &&
		go build -tags bench -o "$BIN/benchsum" ./bench/cmd/benchsum)
	[ "${1:-}" = peers ] || return 0
	[ -x "$BIN/gosec" ] || (cd "$WORK" && GOBIN=$BIN GOFLAGS= go install "github.com/securego/gosec/v2/cmd/gosec@$GOSEC_VERSION")
	[ -x "$BIN/staticcheck" ] || (cd "$WORK" && GOBIN=$BIN GOFLAGS= go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION")
}

# fetch_module MOD@VER DEST copies the module's source from the module
# proxy (through the module cache) to a writable DEST and downloads its
# dependencies.
fetch_module() {
	local mv=$1 dest=$2 dir
	dir=$(cd "$WORK" && GOFLAGS= go mod download -json "$mv" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
	if [ -z "$dir" ]; then
		echo "bench: go mod download $mv failed" >&2
		return 1
	fi
	rm -rf "$dest"
	mkdir -p "$(dirname "$dest")"
	cp -r "$dir" "$dest"
	chmod -R u+w "$dest"
	(cd "$dest" && GOFLAGS=-mod=mod go mod download >/dev/null 2>&1 || true)
}

# measure OUT LABEL... -- CMD...: runs CMD once under /usr/bin/time and
# appends a tab-separated row: the labels, wall s, user s, sys s, peak
# RSS KiB (of the largest process: go vet's per-package tools count
# one at a time), exit status, 1-minute load average at the start.
measure() {
	local out=$1
	shift
	local labels=()
	while [ "$1" != -- ]; do
		labels+=("$1")
		shift
	done
	shift
	local load rc tf
	load=$(cut -d' ' -f1 /proc/loadavg)
	tf=$(mktemp)
	set +e
	/usr/bin/time -f '%e\t%U\t%S\t%M' -o "$tf" "$@" >/dev/null 2>"$WORK/last.stderr"
	rc=$?
	set -e
	printf '%s\t' "${labels[@]}" >>"$out"
	printf '%s\t%s\t%s\n' "$(tail -1 "$tf")" "$rc" "$load" >>"$out"
	rm -f "$tf"
}

# check_file NAME DIR ARGS...: runs "$CL -cache=off ARGS -format json"
# on ./... in the one-file module DIR, its report in $OUT/NAME.json; a
# row "NAME exit" goes to $D/runs.tsv and each unsuppressed finding to
# $D/findings.tsv. Sets fail=1 on a crash or an exit other than 0 or 3.
check_file() {
	local name=$1 dir=$2 rc
	shift 2
	set +e
	(cd "$dir" && "$CL" -cache=off "$@" -format json -out "$OUT/$name.json" ./... 2>"$OUT/$name.stderr")
	rc=$?
	set -e
	if [ "$rc" != 0 ] && [ "$rc" != 3 ] || grep -qE 'panic|internal error' "$OUT/$name.stderr"; then
		echo "$name: exit $rc: $(head -c 300 "$OUT/$name.stderr")" >&2
		fail=1
	fi
	printf '%s\t%s\n' "$name" "$rc" >>"$D/runs.tsv"
	jq -r --arg n "$name" '.findings[]? | select(.suppressed | not) |
		[$n, .rule, .severity, .line, .column, .message] | @tsv' "$OUT/$name.json" >>"$D/findings.tsv"
}

# summarize_files KIND: the findings per rule of check_file's runs, to
# $D/summary.md and standard output.
summarize_files() {
	{
		echo "$(wc -l <"$D/runs.tsv") $1 checked with $("$CL" version 2>/dev/null | head -1)"
		echo
		echo "| rule | findings | $1 |"
		echo "|---|---|---|"
		awk -F'\t' '{ n[$2]++; if (!seen[$2 FS $1]++) d[$2]++ } END { for (r in n) printf "| %s | %d | %d |\n", r, n[r], d[r] }' "$D/findings.tsv" | sort
	} >"$D/summary.md"
	cat "$D/summary.md"
}

# git_file REPO PATH COMMIT DEST: one file of a GitHub repository at a
# commit into DEST (kept if already there), from the snapshot in
# $MIRRORS when there is one, else from a blobless clone in $WORK/git.
git_file() {
	local repo=$1 path=$2 commit=$3 dest=$4 git
	[ -s "$dest" ] && return 0
	git=$MIRRORS/${repo/\//+}/repo
	[ -d "$git/.git" ] && git=$git/.git
	if [ ! -d "$git" ]; then
		git=$WORK/git/${repo/\//+}
		[ -d "$git" ] || git clone -q --bare --filter=blob:none "https://github.com/$repo" "$git"
	fi
	mkdir -p "$(dirname "$dest")"
	git --git-dir="$git" show "$commit:$path" >"$dest.tmp" && mv "$dest.tmp" "$dest"
}
