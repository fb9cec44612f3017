#!/bin/sh
# bench/bench.sh -- the brief benchmark (make bench).
#
# For each corpus size N: the seeds (N = 5, templates/relos.yaml) and
# synthetic corpora from bench/gen (bench/bench.yaml), run
# `brief -v` several times and report the median of each stage's time
# (from brief's own "stages:" line), the whole process's wall time and
# peak RSS (GNU time), input MB and MB/s. Then the growth from 1,000 to
# 10,000 articles, peak RSS against 3 x input + 64 MB, and two outside
# tools on the same input: pandoc + pdflatex on the seeds' brief.md, and
# ots (Open Text Summarizer) on the articles. The table goes to stdout
# and to bench/results.md.
#
# Environment:
#   BRIEF        the binary (build/brief)
#   GEN          the generator (build/bench-gen)
#   BENCH_DIR    where generated corpora are cached (build/bench)
#   BENCH_SIZES  corpus sizes ("5 100 1000 10000 50000"; 5 = the seeds)
#   BENCH_SEED   the generator's seed (1)
#   BENCH_JOBS   passed as -j N when brief --help lists -j
#   BENCH_OTS    sizes ots runs on ("5 1000"; empty: none)
#   BENCH_OUT    the results file (bench/results.md)
set -eu

BRIEF=${BRIEF:-build/brief}
GEN=${GEN:-build/bench-gen}
WORK=${BENCH_DIR:-build/bench}
SIZES=${BENCH_SIZES:-5 100 1000 10000 50000}
SEED=${BENCH_SEED:-1}
OTS_SIZES=${BENCH_OTS-5 1000}
OUTFILE=${BENCH_OUT:-bench/results.md}
SEEDS_DIR=seeds
SEEDS_TEMPLATE=templates/relos.yaml
GEN_TEMPLATE=bench/bench.yaml
TIME=/usr/bin/time

[ -x "$TIME" ] || { echo "bench: $TIME (GNU time) is missing" >&2; exit 1; }
[ -x "$BRIEF" ] || { echo "bench: $BRIEF is missing (make build/brief)" >&2; exit 1; }

runs_for() {
	if [ "$1" -le 1000 ]; then echo 7
	elif [ "$1" -le 10000 ]; then echo 3
	else echo 1; fi
}

JOBS=""
if [ -n "${BENCH_JOBS:-}" ]; then
	if "$BRIEF" --help 2>&1 | grep -Eq '(^|[^[:alnum:]-])-j([^[:alnum:]]|$)'; then
		JOBS="-j $BENCH_JOBS"
	else
		echo "bench: brief --help lists no -j; BENCH_JOBS=$BENCH_JOBS ignored" >&2
	fi
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/brief-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
mkdir -p "$WORK"

# Every run uses one copy of the binary, whatever rebuilds it meanwhile.
VERSION="$("$BRIEF" --version 2>&1 | head -1 | sed 's/^brief //')"
REV=$(git describe --always --dirty 2>/dev/null || echo unknown)
cp "$BRIEF" "$TMP/brief"
BRIEF=$TMP/brief
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

# The corpus of N articles: the seeds for 5, else generated once and
# kept (regenerated when the generator or the seed changes).
corpus() {
	if [ "$1" = 5 ]; then
		echo "$SEEDS_DIR"
		return
	fi
	d=$WORK/gen-$1
	stamp="$1 $SEED $(cksum < "$GEN")"
	if [ ! -d "$d" ] || [ "$(cat "$d.stamp" 2>/dev/null)" != "$stamp" ]; then
		rm -rf "$d"
		echo "bench: generating $1 articles in $d" >&2
		"$GEN" "$1" "$d" "$SEED"
		echo "$stamp" > "$d.stamp"
	fi
	echo "$d"
}

# bytes of the articles in a directory
input_bytes() {
	find "$1" -type f \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' |
		awk '{s += $1} END {print s + 0}'
}

# nanoseconds since the epoch (GNU date)
now_ns() { date +%s%N; }

# Run a command under GNU time: writes "wall_s rss_kb" to the file $1.
# The wall time is taken around it with the nanosecond clock (GNU
# time's %e has 10 ms steps, too coarse for the seeds' 30 ms); %M is
# the peak RSS.
timed() { # FILE COMMAND...
	tf=$1
	shift
	t0=$(now_ns)
	"$TIME" -f '%M' -o "$tf.rss" "$@" || return $?
	t1=$(now_ns)
	echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", (b - a) / 1e9}') $(tail -1 "$tf.rss")" > "$tf"
}

# median of the numbers on stdin
median() {
	sort -g | awk '{v[NR] = $1} END {
		if (NR == 0) { print "nan"; exit }
		if (NR % 2) print v[(NR + 1) / 2]
		else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# One run of brief on DIR with TEMPLATE: appends to RUNS a line
# "wall_s rss_kb sentences stage_ms..." and sets the stage names in
# NAMES (from the first run). The output goes to a fresh directory, so
# no earlier edition is compared with.
run_brief() { # DIR TEMPLATE RUNS [extra options]
	dir=$1 tpl=$2 runs=$3
	shift 3
	out=$TMP/out
	rm -rf "$out"
	# shellcheck disable=SC2086
	if ! timed "$TMP/time" "$BRIEF" $JOBS "$@" -v -t "$tpl" \
		-o "$out" "$dir" 2> "$TMP/err"; then
		echo "bench: brief failed on $dir:" >&2
		tail -5 "$TMP/err" >&2
		exit 1
	fi
	line=$(grep '^brief: stages:' "$TMP/err" | tail -1)
	[ -n "$line" ] || { echo "bench: no stages line from brief -v" >&2; exit 1; }
	sent=$(sed -n 's/^brief: [0-9]* sources, \([0-9]*\) sentences.*/\1/p' "$TMP/err" | tail -1)
	echo "$line" | awk '{
		sub(/^brief: stages: /, ""); n = split($0, p, /, /)
		for (i = 1; i <= n; i++) { split(p[i], f, " "); printf "%s%s", f[1], (i < n ? " " : "\n") } }' \
		> "$TMP/names.new"
	[ -f "$TMP/names" ] || cp "$TMP/names.new" "$TMP/names"
	if ! cmp -s "$TMP/names" "$TMP/names.new"; then
		echo "bench: brief's stages changed between runs" >&2
		exit 1
	fi
	vals=$(echo "$line" | awk '{
		sub(/^brief: stages: /, ""); n = split($0, p, /, /)
		for (i = 1; i <= n; i++) { split(p[i], f, " "); printf "%s%s", f[2], (i < n ? " " : "") } }')
	echo "$(tail -1 "$TMP/time") ${sent:-0} $vals" >> "$runs"
}

# column K's median of a runs file
col_median() { awk -v k="$2" '{print $k}' "$1" | median; }

ROWS=$TMP/rows        # N runs bytes sentences wall rss stage...
: > "$ROWS"
for n in $SIZES; do
	dir=$(corpus "$n")
	if [ "$n" = 5 ]; then tpl=$SEEDS_TEMPLATE; else tpl=$GEN_TEMPLATE; fi
	k=$(runs_for "$n")
	bytes=$(input_bytes "$dir")
	runs=$TMP/runs-$n
	: > "$runs"
	echo "bench: $n articles ($bytes bytes), $k run(s)" >&2
	i=0
	while [ "$i" -lt "$k" ]; do
		run_brief "$dir" "$tpl" "$runs"
		i=$((i + 1))
	done
	if [ "$n" = 5 ]; then
		cp "$TMP/out/brief.md" "$TMP/seeds-brief.md"
	fi
	nf=$(awk '{print NF; exit}' "$runs")
	row="$n $k $bytes $(col_median "$runs" 3) $(col_median "$runs" 1) $(col_median "$runs" 2)"
	j=4
	while [ "$j" -le "$nf" ]; do
		row="$row $(col_median "$runs" "$j")"
		j=$((j + 1))
	done
	echo "$row" >> "$ROWS"
done

# ---- the table --------------------------------------------------------

{
	echo "| articles | runs | input MB | sentences |$(awk '{for (i = 1; i <= NF; i++) printf " %s ms |", $i}' "$TMP/names") wall s | MB/s | peak RSS MB |"
	echo "|---:|---:|---:|---:|$(awk '{for (i = 1; i <= NF; i++) printf "---:|"}' "$TMP/names")---:|---:|---:|"
	awk '{
		mb = $3 / 1e6
		label = ($1 == 5 ? "5 (seeds)" : $1)
		printf "| %s | %d | %.2f | %d |", label, $2, mb, $4
		for (i = 7; i <= NF; i++) printf " %.1f |", $i
		printf " %.3f | %.2f | %.0f |\n", $5, ($5 > 0 ? mb / $5 : 0), $6 / 1024
	}' "$ROWS"
} > "$TMP/table"

{
	echo
	echo "Stage times are the median over the runs of brief's own \`-v\` timings"
	echo "(ms); wall s (clock around the process) and peak RSS (GNU time %M)"
	echo "are the whole process's, median."
	echo "MB = 10^6 bytes of article text; MB/s = input MB / wall s."
	[ -z "$JOBS" ] || echo "brief ran with $JOBS."
	echo
	# growth 1,000 -> 10,000 and the memory bound
	awk -v NAMES="$(cat "$TMP/names")" '
		BEGIN { nn = split(NAMES, nm, " "); tcol = 0
			for (i = 1; i <= nn; i++) if (nm[i] == "total") tcol = 6 + i }
		{ wall[$1] = $5; tot[$1] = (tcol ? $tcol : $5 * 1000); mb[$1] = $3 / 1e6; rss[$1] = $6 / 1024
		  order[++n] = $1 }
		END {
			if ((1000 in wall) && (10000 in wall)) {
				printf "Growth 1,000 -> 10,000 articles (input x%.2f): engine total x%.2f, wall x%.2f (linear: x%.2f).\n",
					mb[10000] / mb[1000], tot[10000] / tot[1000], wall[10000] / wall[1000], mb[10000] / mb[1000]
				print ""
			}
			print "Peak RSS against 3 x input + 64 MB:"
			print ""
			for (i = 1; i <= n; i++) {
				k = order[i]; lim = 3 * mb[k] + 64
				printf "- %s articles: %.0f MB, limit %.0f MB: %s\n", (k == 5 ? "5 (seeds)" : k),
					rss[k], lim, (rss[k] <= lim ? "within" : sprintf("over (x%.1f the limit)", rss[k] / lim))
			}
		}' "$ROWS"
} > "$TMP/notes"

# ---- comparisons: pandoc + pdflatex, ots ------------------------------

CMP=$TMP/cmp
: > "$CMP"
seeds_wall=$(awk '$1 == 5 {printf "%.3f", $5}' "$ROWS")
seeds_pdf=$(awk -v NAMES="$(cat "$TMP/names")" '$1 == 5 {
	nn = split(NAMES, nm, " "); s = 0
	for (i = 1; i <= nn; i++) if (nm[i] == "fit" || nm[i] == "write") s += $(6 + i)
	print s }' "$ROWS")

if [ -f "$TMP/seeds-brief.md" ]; then
	if command -v pandoc > /dev/null 2>&1 && command -v pdflatex > /dev/null 2>&1; then
		mkdir -p "$TMP/pandoc"
		cp "$TMP/seeds-brief.md" "$TMP/pandoc/brief.md"
		: > "$TMP/pandoc-runs"
		ok=1 i=0
		while [ "$i" -lt 3 ]; do
			if (cd "$TMP/pandoc" && rm -f x.pdf &&
				timed "$TMP/pandoc/time" pandoc brief.md -o x.pdf \
					--pdf-engine=pdflatex 2> err); then
				tail -1 "$TMP/pandoc/time" >> "$TMP/pandoc-runs"
			else
				ok=0
				break
			fi
			i=$((i + 1))
		done
		if [ "$ok" = 1 ]; then
			pw=$(awk '{print $1}' "$TMP/pandoc-runs" | median | xargs printf '%.3f')
			pr=$(awk '{print $2}' "$TMP/pandoc-runs" | median)
			echo "pandoc + pdflatex | seeds' brief.md -> PDF | 3 | $pw | $((pr / 1024)) | $(awk -v a="$pw" -v b="$seeds_wall" 'BEGIN {printf "%.1f", a / b}') x brief's whole run ($seeds_wall s); $(awk -v a="$pw" -v b="$seeds_pdf" 'BEGIN {printf "%.0f", a * 1000 / b}') x its fit + write stages ($seeds_pdf ms)" >> "$CMP"
		else
			why=$(grep -E '^!|Error|error' "$TMP/pandoc/err" | head -2 | tr '\n' ' ' | tr '|' '/')
			echo "pandoc + pdflatex | seeds' brief.md -> PDF | - | failed | - | ${why:-failed}" >> "$CMP"
		fi
	else
		echo "pandoc + pdflatex | seeds' brief.md -> PDF | - | not installed | - | -" >> "$CMP"
	fi
fi

if [ -n "$OTS_SIZES" ]; then
	if command -v ots > /dev/null 2>&1; then
		for n in $OTS_SIZES; do
			dir=$(corpus "$n")
			cat_file=$TMP/concat-$n.txt
			find "$dir" -type f -name '*.txt' | sort | xargs cat > "$cat_file"
			# About one page of output: 20% of the seeds' 130 sentences;
			# 1%, the least ots takes, of a generated corpus.
			if [ "$n" = 5 ]; then ratio=20; else ratio=1; fi
			if [ "$n" -le 1000 ]; then k=3; else k=1; fi
			: > "$TMP/ots-runs"
			i=0
			while [ "$i" -lt "$k" ]; do
				timed "$TMP/time" ots --ratio=$ratio "$cat_file" > "$TMP/ots.out"
				tail -1 "$TMP/time" >> "$TMP/ots-runs"
				i=$((i + 1))
			done
			ow=$(awk '{print $1}' "$TMP/ots-runs" | median | xargs printf '%.3f')
			orss=$(awk '{print $2}' "$TMP/ots-runs" | median)
			bw=$(awk -v n="$n" '$1 == n {printf "%.3f", $5}' "$ROWS")
			if [ -n "$bw" ]; then
				ratio_txt="$(awk -v a="$ow" -v b="$bw" 'BEGIN {printf "%.1f", (b > 0 ? a / b : 0)}') x brief's whole run ($bw s)"
			else
				ratio_txt="(brief not run at this size)"
			fi
			echo "ots --ratio=$ratio | $n articles concatenated ($(wc -c < "$cat_file") bytes) | $k | $ow | $((orss / 1024)) | $ratio_txt" >> "$CMP"
		done
	else
		echo "ots | - | - | not installed | - | -" >> "$CMP"
	fi
fi

{
	echo
	echo "| other tool | on | runs | wall s (median) | peak RSS MB | time against brief |"
	echo "|---|---|---:|---:|---:|---|"
	sed 's/^/| /; s/$/ |/' "$CMP"
	echo
	echo "pandoc makes a PDF from the brief.md that the seeds run wrote (pandoc's"
	echo "default LaTeX template, pdflatex). ots summarizes all the articles"
	echo "concatenated into one file: one summary of the whole corpus, the task"
	echo "brief does, in one process; --ratio asks for about a page (20% of the"
	echo "seeds' sentences; 1%, the least it takes, of a generated corpus). ots"
	echo "writes plain text only, no layout, no PDF."
} >> "$TMP/notes"

{
	echo "# brief benchmark"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPU(s), $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(awk '/MemTotal/ {printf "%.1f GB RAM", $2 / 1048576}' /proc/meminfo), Debian $(cat /etc/debian_version 2>/dev/null || echo '?'), brief $VERSION at $REV, load average $LOAD at the start"
	echo
	cat "$TMP/table" "$TMP/notes"
} > "$TMP/results.md"

cat "$TMP/results.md"
cp "$TMP/results.md" "$OUTFILE"
echo "bench: written to $OUTFILE" >&2
