#!/usr/bin/env bash
# statline's TPM plugin (TPM runs every *.tmux file at a plugin's root).
#
# In status-left/status-right, these are replaced by statline's segments:
#   #{statline}        the format in @statline_format (default: the daemon's default)
#   #{statline_cpu}    #{statline_mem}    #{statline_net}    #{statline_load}
#   #{statline_cores}  (one ▁..█ glyph per core)
# Options (set -g @option value, before TPM runs):
#   @statline_mode    follow (default): one long-lived `statline tmux --follow` per
#                     segment, updated every sample; redraw: `statline tmux` on every
#                     status-interval (a fork per redraw, like other plugins)
#   @statline_format  format for #{statline} (built-in or from the daemon's config)
#   @statline_ascii   on: no Unicode (ASCII sparklines, meters and arrows)
#   @statline_bin     the statline client (default: on PATH, else this checkout's build)
#   @statline_daemon  the statlined binary, if the plugin should start one
#   @statline_socket  socket path (default: statline's own search order)
# The daemon is started if it is not running: the systemd user socket when it is
# installed, else statlined in the background.
set -u

plugin_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

option() {  # name default
  local value
  value="$(tmux show-option -gqv "$1")"
  printf '%s' "${value:-$2}"
}

find_binary() {  # option name, binary name
  local configured
  configured="$(option "$1" "")"
  if [ -n "$configured" ]; then
    printf '%s' "$configured"
  elif command -v "$2" >/dev/null 2>&1; then
    command -v "$2"
  elif [ -x "$plugin_dir/build/bin/$2" ]; then
    printf '%s' "$plugin_dir/build/bin/$2"
  else
    printf '%s' "$2"
  fi
}

client="$(find_binary @statline_bin statline)"
socket="$(option @statline_socket "")"
socket_args=()
[ -n "$socket" ] && socket_args=(--socket "$socket")

start_daemon() {
  "$client" "${socket_args[@]}" ping >/dev/null 2>&1 && return 0
  if [ -z "$socket" ] && command -v systemctl >/dev/null 2>&1 &&
    systemctl --user cat statline.socket >/dev/null 2>&1; then
    systemctl --user start statline.socket >/dev/null 2>&1 && return 0
  fi
  local daemon
  daemon="$(find_binary @statline_daemon statlined)"
  command -v "$daemon" >/dev/null 2>&1 || return 0
  # Detached from tmux's job: the daemon outlives this script and the tmux server.
  nohup setsid "$daemon" "${socket_args[@]}" >/dev/null 2>&1 </dev/null &
}

# The #() command for one segment. Arguments are single-quoted for the shell tmux runs
# #() through, with any # doubled for tmux's own expansion.
segment() {  # format (empty: the default)
  local words=("$client" "${socket_args[@]}" tmux)
  [ "$(option @statline_mode follow)" = follow ] && words+=(--follow)
  [ "$(option @statline_ascii off)" = on ] && words+=(--ascii)
  [ -n "$1" ] && words+=("$1")
  local command="" word
  for word in "${words[@]}"; do
    word="'${word//\'/\'\\\'\'}'"
    command+="${command:+ }${word//#/##}"
  done
  printf '#(%s)' "$command"
}

interpolate() {  # tmux option
  local value
  value="$(tmux show-option -gqv "$1")"
  [[ "$value" == *'#{statline'* ]] || return 0
  local name
  for name in cpu mem net load cores; do
    value="${value//"#{statline_$name}"/$(segment "$name")}"
  done
  value="${value//"#{statline}"/$(segment "$(option @statline_format "")")}"
  tmux set-option -gq "$1" "$value"
}

start_daemon
interpolate status-right
interpolate status-left
