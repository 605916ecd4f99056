# What the bench/ scripts measure of a running process tree, from /proc (sourced).
#
# CPU is each live thread's on-CPU time in nanoseconds (/proc/PID/task/TID/schedstat,
# first field), not jiffies: at a 1 s interval a monitor runs for tens of microseconds per
# second, far below the 10 ms resolution of utime/stime. PSS comes from smaps_rollup, so
# pages shared between the processes of one tool are counted once in the sum.

# PID and all of its descendants, one per line.
bench_family() {
  local pids=("$1") i=0 child
  while [ "$i" -lt "${#pids[@]}" ]; do
    for child in $(ps -o pid= --ppid "${pids[$i]}" 2>/dev/null); do pids+=("$child"); done
    i=$((i + 1))
  done
  printf '%s\n' "${pids[@]}"
}

# Total on-CPU nanoseconds of every thread of the given pids.
bench_cpu_ns() {
  local total=0 pid file ns
  for pid in "$@"; do
    for file in /proc/"$pid"/task/*/schedstat; do
      read -r ns _ <"$file" 2>/dev/null || continue
      total=$((total + ns))
    done
  done
  echo "$total"
}

# Summed PSS in KiB.
bench_pss_kib() {
  local total=0 pid kib
  for pid in "$@"; do
    kib=$(awk '/^Pss:/ {print $2}' /proc/"$pid"/smaps_rollup 2>/dev/null || true)
    total=$((total + ${kib:-0}))
  done
  echo "$total"
}

# Number of threads of the given pids, summed.
bench_threads() {
  local total=0 pid tasks
  for pid in "$@"; do
    tasks=(/proc/"$pid"/task/*)
    [ -e "${tasks[0]}" ] && total=$((total + ${#tasks[@]}))
  done
  echo "$total"
}

bench_load() {
  cut -d' ' -f1-3 /proc/loadavg
}

# One line naming the machine, for the header of a results table.
bench_machine() {
  local model
  model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
  echo "$(nproc) CPUs (${model:-unknown}), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), Linux $(uname -r), $(. /etc/os-release && echo "$PRETTY_NAME")"
}

# Waits until `statline ping` answers on SOCKET (10 s at most).
bench_wait_statline() {
  local statline=$1 socket=$2 _
  for _ in $(seq 100); do
    "$statline" --socket "$socket" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "statlined did not answer on $socket" >&2
  return 1
}

# Builds the given targets in $STATLINE_BUILD (default build/), configuring it first if
# needed; the caller runs from the repository root.
bench_build() {
  local build=${STATLINE_BUILD:-build}
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  cmake --build "$build" -j"$(nproc)" --target "$@" >/dev/null
}
