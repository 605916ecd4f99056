# The peers of bench/compare: how each is started for the same work as statlined (cpu,
# memory, network and load every second), how it is queried, how it is stopped. Sourced
# after $bin, $work and query_latency are defined.
#
#   peer_start NAME   starts it; sets peer_main (pids whose process trees are the tool)
#                     and peer_scraper (helper pids measured on their own row); returns
#                     non-zero if it did not come up
#   peer_query NAME   "median_us reply_bytes echo_floor_us" of its query, or "- - -"
#   peer_stop         stops whatever peer_start started

bench_peers=(dstat sadc collectd node_exporter)
command -v netdata >/dev/null 2>&1 || [ -x /usr/sbin/netdata ] && bench_peers+=(netdata)

peer_main=()
peer_scraper=()
peer_port=0

# A free TCP port on 127.0.0.1 (bash's /dev/tcp fails to connect when nobody listens).
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  return 1
}

# Waits up to 30 s for a query to answer; netdata takes several seconds to start.
wait_answer() {
  local _
  for _ in $(seq 300); do
    "$bin/probe" rtt "$@" 1 >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

collectd_config() {
  cat <<EOF
Hostname "bench"
FQDNLookup false
BaseDir "$work/collectd"
PIDFile "$work/collectd/collectd.pid"
PluginDir "/usr/lib/collectd"
TypesDB "/usr/share/collectd/types.db"
Interval 1
LoadPlugin cpu
LoadPlugin memory
LoadPlugin interface
LoadPlugin load
LoadPlugin unixsock
<Plugin unixsock>
  SocketFile "$work/collectd.sock"
  SocketPerms "0600"
</Plugin>
EOF
}

# The proc plugin alone, reading the four files statlined reads; no web dashboards,
# health checks, machine learning, statsd or other plugins; metrics kept in RAM.
netdata_config() {
  local module off=""
  for module in /proc/pagetypeinfo /proc/uptime /proc/sys/kernel/random/entropy_avail \
    /proc/pressure /proc/interrupts /proc/softirqs /proc/vmstat /sys/kernel/mm/ksm \
    /sys/block/zram /sys/devices/system/edac/mc /sys/devices/system/node /proc/net/wireless \
    /proc/net/sockstat /proc/net/sockstat6 /proc/net/netstat /proc/net/sctp/snmp \
    /proc/net/softnet_stat /proc/net/ip_vs/stats /sys/class/infiniband \
    /proc/net/stat/conntrack /proc/net/stat/synproxy /proc/diskstats /proc/mdstat \
    /proc/net/rpc/nfsd /proc/net/rpc/nfs /proc/spl/kstat/zfs/arcstats \
    /proc/spl/kstat/zfs/pool/state /sys/fs/btrfs ipc /sys/class/power_supply; do
    off+=$'\t'"$module = no"$'\n'
  done
  cat <<EOF
[global]
	run as user = $(id -un)
	hostname = bench
[directories]
	config = $work/netdata/etc
	cache = $work/netdata/cache
	lib = $work/netdata/lib
	log = $work/netdata/log
	lock = $work/netdata/lock
[logs]
	debug = none
	error = $work/netdata/log/error.log
	access = none
[db]
	mode = ram
	update every = 1
[web]
	bind to = 127.0.0.1:$peer_port
[ml]
	enabled = no
[health]
	enabled = no
[registry]
	enabled = no
[statsd]
	enabled = no
[cloud]
	enabled = no
[plugins]
	proc = yes
	timex = no
	idlejitter = no
	netdata monitoring = no
	tc = no
	diskspace = no
	cgroups = no
	statsd = no
	enable running new plugins = no
[plugin:proc]
	/proc/stat = yes
	/proc/meminfo = yes
	/proc/net/dev = yes
	/proc/loadavg = yes
$off
EOF
}

peer_start() {
  peer_main=()
  peer_scraper=()
  case $1 in
    dstat)
      dstat --nocolor --noupdate -cmnl 1 >/dev/null 2>"$work/dstat.log" &
      peer_main=("$!")
      sleep 2 ;;  # python start-up
    sadc)
      # Only the activities that match statlined's sources: cpu, memory, network
      # devices, load (A_QUEUE). A_NULL first clears sadc's default selection.
      /usr/lib/sysstat/sadc -S A_NULL,A_CPU,A_MEMORY,A_NET_DEV,A_QUEUE 1 "$work/sa.data" \
        2>"$work/sadc.log" &
      peer_main=("$!")
      sleep 2 ;;
    collectd)
      mkdir -p "$work/collectd"
      collectd_config >"$work/collectd.conf"
      collectd -f -C "$work/collectd.conf" >"$work/collectd.log" 2>&1 &
      peer_main=("$!")
      wait_answer collectd "$work/collectd.sock" "GETVAL bench/load/load" || return 1
      sleep 2 ;;
    node_exporter)
      peer_port=$(free_port)
      prometheus-node-exporter --collector.disable-defaults --collector.cpu \
        --collector.meminfo --collector.netdev --collector.loadavg \
        --web.disable-exporter-metrics --web.listen-address="127.0.0.1:$peer_port" \
        --log.level=warn >"$work/node_exporter.log" 2>&1 &
      peer_main=("$!")
      wait_answer http "tcp:127.0.0.1:$peer_port" /metrics || return 1
      "$bin/probe" every http "tcp:127.0.0.1:$peer_port" /metrics 1 &
      peer_scraper=("$!")
      sleep 2 ;;
    netdata)
      peer_port=$(free_port)
      mkdir -p "$work"/netdata/{etc,cache,lib,log,lock}
      netdata_config >"$work/netdata.conf"
      netdata -D -c "$work/netdata.conf" >"$work/netdata.log" 2>&1 &
      peer_main=("$!")
      wait_answer http "tcp:127.0.0.1:$peer_port" "/api/v1/info" || return 1
      sleep 3 ;;
  esac
  started+=("${peer_main[@]}" "${peer_scraper[@]}")
  local pid
  for pid in "${peer_main[@]}"; do kill -0 "$pid" 2>/dev/null || return 1; done
}

peer_query() {
  case $1 in
    collectd) query_latency collectd "$work/collectd.sock" "GETVAL bench/load/load" 2000 ;;
    node_exporter) query_latency http "tcp:127.0.0.1:$peer_port" /metrics 200 ;;
    netdata)
      query_latency http "tcp:127.0.0.1:$peer_port" \
        "/api/v1/data?chart=system.load&points=1&after=-1&format=json" 500 ;;
    *) echo "- - -" ;;
  esac
}

peer_stop() {
  local pid
  for pid in "${peer_scraper[@]}" "${peer_main[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${peer_scraper[@]}" "${peer_main[@]}"; do
    # Give it 5 s to go, then SIGKILL: a stuck peer must not stall the run.
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  peer_main=()
  peer_scraper=()
}
