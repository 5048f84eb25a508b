# Sourced first by every bench script: strict mode, the repository root as working folder, and what
# the scripts share.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The Python the peers run on: Debian's, with its torch, torchaudio, numpy and scipy.
PY=/usr/bin/python3

# Compiles the tests and sets CP to what a bench class runs on: test classes, main classes, every
# dependency. The dependencies go through a file: on stdout Maven puts a colour code before them.
bench_classpath() {
  mkdir -p bench/out
  mvn -B -o -q test-compile
  mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt
  CP="target/test-classes:target/classes:$(cat bench/out/classpath.txt)"
}

# The processor's model name, for the record next to every figure.
processor_name() {
  grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs
}

# The 1, 5 and 15 minute load averages: the machine may be shared, and a figure means little without them.
load_average() {
  cut -d' ' -f1-3 /proc/loadavg
}

# The installed launcher's heap, memory and compiler options (installer/jvm-options), for benches that
# stand for the installed app.
installed_jvm_options() {
  grep -v -e '^#' -e '^[[:space:]]*$' installer/jvm-options
}

# Time stamps taken without polling: spawning xwininfo and grep every 10 ms took so much of the two
# cores that an empty JavaFX window came about a second later. Readers in the background append
# "<what> <$EPOCHREALTIME>" lines to a marks file.
# mark_first_window_map MARKS: "window" at the first MapNotify of a top-level window (inside the display).
mark_first_window_map() {
  xev -root -event substructure 2>/dev/null | while read -r line; do
    case "$line" in MapNotify*) echo "window $EPOCHREALTIME" >> "$1"; break ;; esac
  done &
}

# wait_quietly FIFO SECONDS: waits without starting a process (sleep is one), a read with a timeout on
# an empty FIFO.
wait_quietly() {
  read -r -t "$2" <> "$1" || true
}

# ms_between START MARKS WHAT: the milliseconds from START (an $EPOCHREALTIME) to the mark WHAT, or
# nothing if there is none.
ms_between() {
  awk -v s="$1" -v w="$3" '$1 == w { printf "%d", ($2 - s) * 1000 }' "$2"
}
