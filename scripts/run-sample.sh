#!/usr/bin/env bash
# The main job on bundled sample data: install what is missing, build a Release, and
# run the sample pre-production gate. Prints the verdict and the output paths.
# Extra arguments go to `docket run` (e.g. --release rc-4.2.0).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target docket
set +e
./build/release/adapters/docket run workflows/preprod_gate.yaml --out out/preprod_gate "$@"
code=$?
set -e
echo "docket exit code: $code (0 approve or warn, 1 block, 5 needs a human; see docs/cli.md)"
# A BLOCK is a successful run of the sample: only usage or run errors fail this script.
[ "$code" -le 1 ]
