#!/bin/sh
# regress.sh -- the golden outputs: for the seeds and every test topic,
# what each stage dumps (--dump ingest, segment, annotate), why each
# sentence was kept or dropped (--explain), and brief.md and brief.json.
#
# Usage: tools/regress.sh BRIEF OUTDIR
# Writes OUTDIR/TOPIC/{ingest,segment,annotate,explain}.txt, brief.md
# and brief.json; run from the top of the source tree (paths in the
# outputs are relative to it). `make regress` compares OUTDIR with
# tests/regress; `make regress-update` accepts an intended change.
set -eu
bin=$1
out=$2
export SOURCE_DATE_EPOCH=1763683200 LC_ALL=C

one() {   # TOPIC TEMPLATE SOURCE...
	topic=$1 tpl=$2
	shift 2
	d=$out/$topic
	mkdir -p "$d"
	for stage in ingest segment annotate; do
		"$bin" -q -t "$tpl" --dump "$stage" "$@" > "$d/$stage.txt"
	done
	"$bin" -q -t "$tpl" -f md,json -o "$d" --explain "$@" > "$d/explain.txt"
	rm -rf "$d/editions"   # the edition's record: brief.json again
}

one seeds templates/relos.yaml seeds
for dir in tests/corpora/*/; do
	topic=$(basename "$dir")
	[ "$topic" = seeds ] && continue
	[ -f "$dir/template.yaml" ] || continue
	if [ -d "$dir/articles" ]; then
		one "$topic" "$dir/template.yaml" "$dir/articles"
	else   # a story that moves: the brief on all of it
		one "$topic" "$dir/template.yaml" "$dir/early" "$dir/late"
	fi
done
