# Shared by scripts/run and scripts/test. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
JOBS="${JOBS:-$(nproc)}"

# ccache across clones: paths below ROOT hash as relative paths.
export CCACHE_BASEDIR="$ROOT"
export CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"

log() { printf '\n==> %s\n' "$*"; }

# configure_and_build DIR [cmake args…]: Ninja build of everything in DIR.
configure_and_build() {
  local dir="$1"
  shift
  cmake -S "$ROOT" -B "$dir" -G Ninja "$@" >"$dir.configure.log" 2>&1 || {
    cat "$dir.configure.log"
    return 1
  }
  cmake --build "$dir" --parallel "$JOBS"
}

# The main build, identical for scripts/run and scripts/test so neither rebuilds after the other.
build_main() {
  mkdir -p "$BUILD_DIR"
  configure_and_build "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWITH_WERROR=ON -DWITH_TESTS=ON -DWITH_GUI_TESTS=ON
}
