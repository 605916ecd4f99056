# A synthetic /proc for bench/scaling (sourced): a big machine's files, fixed in time.
#
#   synthetic_proc DIR IFACES    DIR/stat: the 128-CPU fixture (tests/fixtures/proc/cpu128,
#                                with an 87 KiB intr line); DIR/net/dev: IFACES interfaces;
#                                meminfo and loadavg: copies of this machine's.
# The files do not change, so rates are zero; what the daemon pays per sample (read,
# parse, encode, publish, rates, JSON) is the same as for changing values.
synthetic_proc() {
  local dir=$1 ifaces=$2
  mkdir -p "$dir/net"
  cp tests/fixtures/proc/cpu128/stat "$dir/stat"
  cat /proc/meminfo >"$dir/meminfo"
  cat /proc/loadavg >"$dir/loadavg"
  awk -v n="$ifaces" 'BEGIN {
    print "Inter-|   Receive                                                |  Transmit"
    print " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed"
    for (i = 0; i < n; i++) {
      name = i == 0 ? "lo" : "veth" i
      printf "%6s: %8d %7d %4d %4d %4d %5d %10d %9d %8d %7d %4d %4d %4d %5d %7d %10d\n", name,
        1000000 * i + 12345, 1000 * i + 7, 0, i % 3, 0, 0, 0, i, 2000000 * i + 54321, 2000 * i + 3,
        0, 0, 0, 0, 0, 0
    }
  }' >"$dir/net/dev"
}
