#include "daemon/channels.hpp"

#include <unistd.h>

#include "ipc/ring_sizes.hpp"
#include "ipc/sample_codec.hpp"
#include "ipc/text_payload.hpp"
#include "server/child_table.hpp"
#include "server/config_channel.hpp"

namespace statline {
namespace {

RingKind ring_kind(Source source) {
  return static_cast<RingKind>(static_cast<int>(source) + 1);
}

std::uint32_t payload_words(Source source, const RingSizes& sizes) {
  switch (source) {
    case Source::stat:
      return stat_payload_words(sizes.max_cpus);
    case Source::meminfo:
      return meminfo_payload_words(sizes.max_meminfo_entries);
    case Source::netdev:
      return netdev_payload_words(sizes.max_interfaces);
    case Source::loadavg:
      return loadavg_payload_words();
  }
  return 0;
}

}  // namespace

Channels create_channels(const Config& config) {
  const RingSizes sizes = ring_sizes_for(config.proc_root, config.interval);
  Channels channels{SampleRing::create("statline-config", RingKind::control,
                                       RingGeometry{text_payload_words(kConfigTextBytes), 2}),
                    SampleRing::create("statline-control", RingKind::control,
                                       RingGeometry{text_payload_words(kControlTextBytes), 2}),
                    {},
                    HealthBoard::create(),
                    create_doorbell()};
  for (const auto& info : kSources) {
    const std::string name = "statline-" + std::string(info.name);
    channels.sources[static_cast<std::size_t>(info.source)].emplace(SourceChannel{
        SampleRing::create(name, ring_kind(info.source),
                           RingGeometry{payload_words(info.source, sizes), sizes.capacity}),
        create_doorbell(), HistoryLog::create(name + "-history", ring_kind(info.source))});
  }
  return channels;
}

CollectorChannels collector_fds(const Channels& channels, Source source) {
  const auto& channel = *channels.sources[static_cast<std::size_t>(source)];
  return CollectorChannels{channels.config.fd(), channel.ring.fd(), channel.bell.write_fd};
}

AggregatorChannels aggregator_fds(const Channels& channels, int listen_fd) {
  AggregatorChannels fds;
  fds.listen = listen_fd;
  fds.config = channels.config.fd();
  fds.control = channels.control.fd();
  for (std::size_t i = 0; i < channels.sources.size(); ++i) {
    const auto& channel = *channels.sources[i];
    fds.sources[i] =
        SourceChannelFds{channel.ring.fd(), channel.bell.read_fd, channel.history.fd()};
  }
  fds.health = HealthChannelFds{channels.health.fd(), channels.health_bell.write_fd};
  return fds;
}

std::vector<int> inherited_fds(const ChildSpec& spec) {
  if (spec.collector) {
    return {spec.collector_fds.config, spec.collector_fds.ring, spec.collector_fds.bell};
  }
  const auto& fds = spec.aggregator_fds;
  std::vector<int> list{fds.listen, fds.config, fds.control};
  for (const auto& source : fds.sources) {
    if (source.ring < 0) continue;
    list.insert(list.end(), {source.ring, source.bell, source.history});
  }
  if (fds.health.board >= 0) list.insert(list.end(), {fds.health.board, fds.health.bell});
  if (fds.metrics >= 0) list.push_back(fds.metrics);
  return list;
}

}  // namespace statline
