# bench/compare's results (one row per tool and window, tab-separated: window, tool,
# CPU ns, PSS KiB, processes, threads, query median µs, reply bytes, echo floor µs) to
# the Markdown table and the target check. Ratios are formed within each window, then
# the median over windows is shown. Needs -v seconds=WINDOW_SECONDS.

function median(list,    n, values, i, j, v) {
  n = split(list, values, " ")
  if (n == 0) return ""
  for (i = 2; i <= n; i++) {  # insertion sort: a handful of values
    v = values[i] + 0
    for (j = i - 1; j >= 1 && values[j] + 0 > v; j--) values[j + 1] = values[j]
    values[j + 1] = v
  }
  return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
}
function extreme(list, want_max,    n, values, i, best) {
  n = split(list, values, " ")
  best = values[1] + 0
  for (i = 2; i <= n; i++) {
    if (want_max ? values[i] + 0 > best : values[i] + 0 < best) best = values[i] + 0
  }
  return best
}
function add(array, key, value) { array[key] = array[key] (array[key] == "" ? "" : " ") value }

{
  window = $1; tool = $2
  if (!(tool in seen)) { seen[tool] = 1; order[++tools] = tool }
  cpu[window, tool] = $3 / (seconds * 1e9) * 100
  windows_of[tool] = windows_of[tool] " " window
  add(cpus, tool, cpu[window, tool])
  add(pss, tool, $4 / 1024)
  shape[tool] = $5 " / " $6
  if ($7 != "-") {
    add(latency, tool, $7); bytes[tool] = $8; add(latency_ratio, tool, $7 / $9)
  }
  pss_of[window, tool] = $4
}
END {
  # Ratios within each window: to the floor, and statlined to the tool.
  for (t = 1; t <= tools; t++) {
    tool = order[t]
    n = split(windows_of[tool], ws, " ")
    for (i = 1; i <= n; i++) {
      w = ws[i]
      if (cpu[w, "floor"] > 0) add(to_floor, tool, cpu[w, tool] / cpu[w, "floor"])
      if (cpu[w, tool] > 0) add(statlined_to, tool, cpu[w, "statlined"] / cpu[w, tool])
      if (pss_of[w, tool] > 0) add(statlined_pss_to, tool, pss_of[w, "statlined"] / pss_of[w, tool])
    }
  }
  print "| tool | CPU % of one core (median; min–max) | PSS MiB | processes / threads | query round trip (reply bytes) | query ÷ echo floor | CPU ÷ floor | statlined ÷ tool: CPU, PSS |"
  print "|---|---|---|---|---|---|---|---|"
  for (t = 1; t <= tools; t++) {
    tool = order[t]
    query = latency[tool] == "" ? "—" : sprintf("%.0f µs (%d B)", median(latency[tool]), bytes[tool])
    query_floor = latency[tool] == "" ? "—" : sprintf("%.1f×", median(latency_ratio[tool]))
    versus = tool == "statlined" ? "—" : sprintf("%.2f, %.2f", median(statlined_to[tool]),
                                                 median(statlined_pss_to[tool]))
    printf "| %s | %.4f %% (%.4f–%.4f) | %.2f | %s | %s | %s | %.2f× | %s |\n", tool,
      median(cpus[tool]), extreme(cpus[tool], 0), extreme(cpus[tool], 1), median(pss[tool]),
      shape[tool], query, query_floor, median(to_floor[tool]), versus
  }
  print ""
  print "Targets (issue 7), from the same windows:"
  verdict("statlined CPU ≤ 2.5× the floor", median(to_floor["statlined"]), 2.5, "%.2f×")
  if ("dstat" in seen) verdict("statlined CPU ≤ 1/3 of dstat's", median(statlined_to["dstat"]), 1 / 3, "%.2f of dstat")
  verdict("PSS of all statlined processes < 2 MiB", median(pss["statlined"]), 2, "%.2f MiB")
  four = "floor, one process per file"
  if (four in seen) {
    n = split(windows_of["statlined"], ws, " ")
    for (i = 1; i <= n; i++) {
      w = ws[i]
      if (cpu[w, four] > 0) add(to_four, "statlined", cpu[w, "statlined"] / cpu[w, four])
    }
    printf "- for scale: four processes that each only pread one file cost %.2f× the floor; statlined costs %.2f× them\n",
      median(to_floor[four]), median(to_four["statlined"])
  }
}
function verdict(what, value, limit, format) {
  printf "- %s: " format " — %s\n", what, value, (value <= limit ? "met" : "NOT met")
}
