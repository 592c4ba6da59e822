#!/usr/bin/env bash
# Installs exactly the Debian bookworm packages that Docket's build and tests need
# (BRIEF §9). Idempotent: packages already present are skipped, so a rerun is a no-op
# apart from a quick dpkg query. Nothing is fetched from outside Debian's archive.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # engine: protobuf, Boost 1.81 (Asio thread pool, JSON), yaml-cpp, OpenSSL for hashing
  libprotobuf-dev protobuf-compiler
  libboost1.81-dev libboost-json1.81-dev
  libyaml-cpp-dev libssl-dev
  # ledger: the append-only log
  librocksdb-dev
  # workflows: Unicode normalization, report templates
  libutf8proc-dev libkainjow-mustache-dev
  # workflows/redact: the PII scanner's multi-pattern engine
  libre2-dev
  # workflows/themes: shingle hashing (xxHash), linear algebra for LSA (Eigen)
  libxxhash-dev libeigen3-dev
  # workflows/signals: the regression suite's JUnit XML report
  libpugixml-dev
  # adapters: command line
  libcli11-dev
  # adapters/llm: the model client and ticket webhook poster (HTTP)
  libcurl4-openssl-dev
  # tests and benchmarks; valijson checks decision JSON against docs/schemas/
  libgtest-dev libgmock-dev libbenchmark-dev libvalijson-dev
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (or with sudo) to install them" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
