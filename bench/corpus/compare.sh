#!/usr/bin/env bash
# bench/corpus/compare.sh: compares a corpus run with the findings judged
# by hand before issue 14 (judged-before.tsv), finding by finding.
#
#	bench/corpus/compare.sh [REPORTS]   (default: $BENCH_WORK/corpus)
#
# JUDGED=file compares with another judged set of the same columns
# instead (judged-after.tsv: the findings judged after issue 14).
#
# REPORTS holds the NAME.json reports bench/corpus.sh writes. A finding
# is the same when module, file, line, rule and the operation or scope
# its message names match (messages may be reworded). Prints, per rule,
# how many judged findings are still reported and how many of those were
# wrong or noise, then every finding that is gone and every new one
# (to judge by hand).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
reports=${1:-$WORK/corpus}
judged=${JUDGED:-$here/judged-before.tsv}

# norm: since the paths in messages are spelt as the code spells them,
# /rest/api/2/... and /rest/api/latest/... name the same operation as the
# /rest/api/3/... the baseline printed, and a path parameter may be named
# differently: compare with both made uniform.
norm='function norm(k) { gsub(/\/rest\/api\/(2|latest)\//, "/rest/api/3/", k); gsub(/\{[^}]*\}/, "{}", k); return k }'

after=$(mktemp)
trap 'rm -f "$after"' EXIT
for f in "$reports"/*.json; do
	m=$(basename "$f" .json)
	case $m in *.inprocess | *.warm) continue ;; esac
	jq -r --arg m "$m" '.findings[]? | select(.suppressed | not) | [$m, .file, .line, .rule, .message] | @tsv' "$f"
done | awk -F'\t' -v OFS='\t' '{
	msg = $5; k = ""
	if (match(msg, /(GET|PUT|POST|DELETE|PATCH) [^ ]+/)) k = substr(msg, RSTART, RLENGTH)
	else if (match(msg, /^scope [^ ]+/)) k = substr(msg, RSTART, RLENGTH)
	print $1, $2, $3, $4, norm(k), msg
}
'"$norm"'' | sort -u >"$after"

awk -F'\t' -v OFS='\t' '
	FNR == NR {
		k = ""
		if (match($6, /(GET|PUT|POST|DELETE|PATCH) [^ ]+/)) k = substr($6, RSTART, RLENGTH)
		else if (match($6, /^scope [^ ]+/)) k = substr($6, RSTART, RLENGTH)
		now[$1 FS $2 FS $3 FS $4 FS norm(k)] = $6
		next
	}
	FNR == 1 { next } # header of judged-before.tsv
	{
		k = ""
		if (match($9, /(GET|PUT|POST|DELETE|PATCH) [^ ]+/)) k = substr($9, RSTART, RLENGTH)
		else if (match($9, /^scope [^ ]+/)) k = substr($9, RSTART, RLENGTH)
		id = $1 FS $2 FS $3 FS $4 FS norm(k)
		before[$4]++; verdict[$4, $5]++
		if (id in now) { still[$4]++; stillv[$4, $5]++; seen[id] = 1 }
		else gone[++ngone] = $5 "\t" $1 "\t" $2 ":" $3 "\t" $4 "\t" $9
		rules[$4] = 1
	}
	'"$norm"'
	END {
		for (id in now) if (!(id in seen)) {
			split(id, p, FS); added[++nadd] = p[1] "\t" p[2] ":" p[3] "\t" p[4] "\t" now[id]
			newr[p[4]]++; rules[p[4]] = 1
		}
		print "rule\tbefore\tbefore wrong\tbefore noise\tstill reported\tof them wrong\tof them noise\tnew"
		for (r in rules) printf "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", r, before[r], verdict[r, "wrong"], verdict[r, "noise"], still[r], stillv[r, "wrong"], stillv[r, "noise"], newr[r]
		print ""
		print "gone (verdict before, module, position, rule, message):"
		for (i = 1; i <= ngone; i++) print gone[i]
		print ""
		print "new, to judge by hand (module, position, rule, message):"
		for (i = 1; i <= nadd; i++) print added[i]
	}' "$after" "$judged"
