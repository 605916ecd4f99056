# Installs the Debian packages statline needs (sourced by scripts/run and scripts/test).
# Only what is missing is installed, so a second run costs a dpkg query and no network.

STATLINE_BUILD_PACKAGES=(
  g++ cmake make pkg-config
  libboost-dev libyaml-cpp-dev libsystemd-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
# Used by the tests: real clients (socat; collectd-utils: collectdctl, collectd-nagios),
# tmux, process tools, systemd's offline tools (systemd-analyze verify/security,
# systemd-socket-activate; no running systemd needed), and a Prometheus server, promtool
# and node_exporter for the Prometheus tests (each started by the test on loopback).
STATLINE_TEST_PACKAGES=(socat tmux procps systemd collectd-utils prometheus prometheus-node-exporter)
# The monitors bench/compare runs beside statlined, each from a temp config. On a machine
# running systemd the install may also start netdata's and node_exporter's services:
# bench/compare warns about any such instance it did not start.
STATLINE_BENCH_PACKAGES=(dstat sysstat collectd-core prometheus-node-exporter netdata-core)
# Used by docs/tmux-screenshot only: terminal colours to HTML, HTML to PNG, a font.
STATLINE_DOCS_PACKAGES=(aha chromium fonts-dejavu-core)

statline_install_packages() {
  local missing=()
  local package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "statline: installing ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "statline: missing packages: ${missing[*]}; run as root: apt-get install ${missing[*]}" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
