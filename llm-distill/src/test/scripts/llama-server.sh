#!/usr/bin/env bash
# Builds llama.cpp's OpenAI-compatible `llama-server` for the distillation module's real-server test
# (OpenAiProposerServerTest), from the llama.cpp source that the npm package node-llama-cpp ships as a git
# bundle, and caches it. Prints the binary's path on stdout.
#
#   llm-distill/src/test/scripts/llama-server.sh          # build once (about 11 minutes on 2 cores), then cached
#
# Cache: ${VQASP_CACHE:-$HOME/.cache/vqasp}/llama-server/<version>/llama-server. Needs npm, git, cmake, a C++
# compiler (installed with apt-get when missing and running as root). No model is downloaded: the test writes
# a tiny random-weight GGUF itself.
set -euo pipefail

VERSION="3.21.1"
CACHE="${VQASP_CACHE:-$HOME/.cache/vqasp}/llama-server/node-llama-cpp-$VERSION"
BIN="$CACHE/llama-server"

if [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; then
  echo "$BIN"
  exit 0
fi

need() {
  local missing=()
  for tool in npm git cmake g++ make; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "llama-server.sh: installing build tools (${missing[*]})" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm git cmake g++ make >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm git cmake g++ make >/dev/null; }
  else
    echo "llama-server.sh: missing ${missing[*]}" >&2
    exit 2
  fi
}
need

WORK="${LLAMA_BUILD_DIR:-$(mktemp -d)}"
mkdir -p "$WORK" "$CACHE"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
echo "llama-server.sh: fetching node-llama-cpp@$VERSION (llama.cpp source bundle)" >&2
npm pack --silent "node-llama-cpp@$VERSION" >/dev/null
tar xzf "node-llama-cpp-$VERSION.tgz" package/llama/gitRelease.bundle
git clone -q package/llama/gitRelease.bundle src 2>/dev/null
echo "llama-server.sh: building llama-server (llama.cpp $(git -C src rev-parse --short HEAD)); this takes minutes" >&2
JOBS="${LLAMA_BUILD_JOBS:-$(nproc)}"
cmake -S src -B build -G "Unix Makefiles" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
  -DGGML_NATIVE=OFF -DGGML_OPENMP=OFF -DGGML_CCACHE=OFF \
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_APP=OFF \
  -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF \
  >"$CACHE/build.log" 2>&1 || { tail -40 "$CACHE/build.log" >&2; exit 1; }
cmake --build build --target llama-server -j "$JOBS" >>"$CACHE/build.log" 2>&1 || { tail -60 "$CACHE/build.log" >&2; exit 1; }
cp build/bin/llama-server "$CACHE/llama-server.tmp"
mv "$CACHE/llama-server.tmp" "$BIN"
echo "$BIN"
