// The values statline offers under collectd's names (collectd_command.hpp has the
// protocol): what the collectd 5.x daemon with these plugins would hold in its cache.
//
//   cpu        host/cpu-N/percent-STATE     ReportByCpu true, ValuesPercentage true:
//              STATE user nice system idle wait interrupt softirq steal, one per core
//   memory     host/memory/memory-STATE     used buffered cached free slab_recl slab_unrecl
//              (slab instead of the last two on kernels without SReclaimable)
//   interface  host/interface-NAME/TYPE     if_octets if_packets if_errors if_dropped,
//              each rx and tx, per second, every interface (lo included)
//   load       host/load/load               shortterm midterm longterm
//
// Percentages are those of statline's snapshot (guest time counted inside user, like
// collectd with SubtractGuestState false). Memory follows collectd's memory plugin:
// used = MemTotal − (MemFree + Buffers + Cached + Slab), cached = Cached alone.
// Data-source names are collectd's types.db.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aggregator/snapshot.hpp"
#include "collectors/meminfo.hpp"

namespace statline {

struct CollectdValue {
  std::string identifier;
  std::vector<std::pair<std::string_view, double>> values;  // (data source, value)
  friend bool operator==(const CollectdValue&, const CollectdValue&) = default;
};

// Sorted by identifier, as collectd's cache lists them. `meminfo` is the sample the
// snapshot's mem comes from (memory needs fields the snapshot does not keep); a source
// that is null in the snapshot has no values.
std::vector<CollectdValue> collectd_values(const Snapshot& snapshot,
                                           const std::optional<MeminfoSample>& meminfo,
                                           std::string_view host);

// Whether types.db defines `type`, among the types statline serves: GETVAL of any other
// type is collectd's "Type `x' is unknown." rather than "No such value.".
bool collectd_type_known(std::string_view type);

}  // namespace statline
