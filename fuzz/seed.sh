#!/bin/sh
# Fills fuzz/corpus/ with the seed files: the plan fixtures, the bad ones,
# the sample and the templates for plan_parse; the framework fixture for
# framework_import; the lines in tests/fixtures/quick_add for quick_add.
# edit_undo and merge3 start from nothing (their bytes are decoded into
# edits). tests/fuzz_twins.rs runs the same seeds.
set -eu
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/plan_parse fuzz/corpus/framework_import fuzz/corpus/edit_undo fuzz/corpus/merge3 \
   fuzz/corpus/quick_add
cp tests/fixtures/*.stepstone.ron tests/fixtures/bad/*.stepstone.ron \
   tests/fixtures/import/*.stepstone.ron assets/templates/*.ron \
   assets/sample.stepstone.ron fuzz/corpus/plan_parse/
cp tests/fixtures/import/*.md fuzz/corpus/framework_import/
cp tests/fixtures/quick_add/* fuzz/corpus/quick_add/
