#!/usr/bin/env bash
# The whole test suite: install what is missing, build Debug with ASan+UBSan (the `dev`
# preset, warnings as errors) and run every test with ctest. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
start=$(date +%s)
cmake --preset dev
cmake --build --preset dev
ctest --preset dev
echo "scripts/test.sh: build and tests took $(( $(date +%s) - start ))s"
