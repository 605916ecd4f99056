// The Prometheus text exposition format (version 0.0.4), written the way the Go client
// library that node_exporter uses writes it, so a statline scrape and a node_exporter
// scrape of the same /proc are the same text: `# HELP`, `# TYPE`, then one line per
// series, values formatted like Go's strconv.FormatFloat(v, 'g', -1, 64).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace statline {

enum class MetricType { counter, gauge };

using Label = std::pair<std::string_view, std::string_view>;  // name, value

class PrometheusText {
 public:
  // Starts a family. Every series of a family must follow its header directly.
  void family(std::string_view name, MetricType type, std::string_view help);
  // One series of the family just started; label values are escaped as the format asks.
  void sample(std::string_view name, std::initializer_list<Label> labels, double value);
  void sample(std::string_view name, double value) { sample(name, {}, value); }

  const std::string& text() const { return text_; }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

// Go's shortest 'g' formatting: "6617.96", "0", "4.5937047e+07", "1e-05", "NaN", "+Inf".
std::string go_float(double value);

// `name` with every character that may not appear in a metric name replaced by '_'
// (and a leading digit prefixed with '_'): kernel-supplied keys can hold anything.
std::string metric_name_safe(std::string_view name);

}  // namespace statline
