#include "client/watch_table.hpp"

#include <algorithm>

#include "client/ansi_theme.hpp"
#include "client/dstat_cell.hpp"

namespace statline::client {
namespace {

// Escape codes only with colour, so one code path writes both forms.
struct Paint {
  bool colour;
  std::string operator()(std::string_view code) const { return colour ? std::string(code) : ""; }
};

std::string dashed_title(const std::string& name, std::size_t width) {
  std::string title = center(name.substr(0, width), width);
  std::replace(title.begin(), title.end(), ' ', '-');
  return title;
}

std::string section_title(const Section& section, const Paint& paint) {
  std::string out = paint(ansi::title);
  if (!section.per_instance) {
    return out + dashed_title(section.names.front(), section_width(section)) + paint(ansi::reset);
  }
  for (std::size_t i = 0; i < section.names.size(); ++i) {
    out += dashed_title(section.names[i], instance_width(section));
    if (i + 1 == section.names.size()) break;
    // dstat joins the titles of one group with a frame-coloured dash, or a space.
    out += paint.colour ? paint(ansi::frame) + "-" + paint(ansi::title) : " ";
  }
  return out;
}

std::string section_subtitle(const Section& section, const Paint& paint) {
  const auto width = static_cast<std::size_t>(section.format.width);
  std::string out;
  for (std::size_t i = 0; i < section.names.size(); ++i) {
    for (std::size_t j = 0; j < section.nicks.size(); ++j) {
      out += paint(ansi::subtitle) + center(section.nicks[j].substr(0, width), width) +
             paint(ansi::reset);
      if (j + 1 != section.nicks.size()) out += " ";
    }
    if (i + 1 != section.names.size()) out += paint(ansi::frame) + ":";
  }
  return out;
}

std::string section_cells(const Section& section, const Json& snapshot, bool colour) {
  if (section.kind == GroupKind::time) {
    // dstat's text column: left-justified, in the plain text colour.
    std::string text = format_day_clock(time_of(snapshot));
    text.resize(std::max(text.size(), static_cast<std::size_t>(section.format.width)), ' ');
    return colour ? std::string(ansi::text) + text : text;
  }
  std::string out;
  for (std::size_t i = 0; i < section.instances.size(); ++i) {
    const auto values = instance_values(section, i, snapshot);
    for (std::size_t j = 0; j < values.size(); ++j) {
      if (j > 0) out += " ";
      out += render_cell(format_cell(values[j], section.format), colour);
    }
    if (i + 1 != section.instances.size()) out += Paint{colour}(ansi::frame) + ":";
  }
  return out;
}

// The header and the rows end alike: ">" after the last visible group when some were
// left out, then a reset so a coloured line never bleeds into the next.
std::string line_end(const Layout& layout, const std::vector<std::size_t>& visible,
                     std::string_view code, const Paint& paint) {
  std::string out = visible.size() < layout.size() ? paint(code) + ">" : "";
  return out + paint(ansi::reset) + "\n";
}

}  // namespace

std::vector<std::size_t> visible_sections(const Layout& layout, std::optional<int> columns) {
  std::vector<std::size_t> visible;
  std::size_t used = 0;
  for (std::size_t i = 0; i < layout.size(); ++i) {
    // Each group takes its width plus one separator (or the ">").
    const std::size_t wanted = used + section_width(layout[i]) + 1;
    if (!columns || wanted <= static_cast<std::size_t>(std::max(*columns, 0)) ||
        (visible.empty() && i == 0)) {
      visible.push_back(i);
      used = wanted;
    }
  }
  return visible;
}

std::string table_header(const Layout& layout, const std::vector<std::size_t>& visible,
                         bool colour) {
  const Paint paint{colour};
  std::string titles, subtitles;
  for (std::size_t k = 0; k < visible.size(); ++k) {
    const Section& section = layout[visible[k]];
    if (k > 0) {
      titles += paint(ansi::frame) + " ";
      subtitles += paint(ansi::frame) + "|";
    }
    titles += section_title(section, paint);
    subtitles += section_subtitle(section, paint);
  }
  return titles + line_end(layout, visible, ansi::title, paint) + subtitles +
         line_end(layout, visible, ansi::title, paint);
}

std::string table_row(const Layout& layout, const std::vector<std::size_t>& visible,
                      const Json& snapshot, bool colour) {
  const Paint paint{colour};
  std::string row;
  for (std::size_t k = 0; k < visible.size(); ++k) {
    if (k > 0) row += paint(ansi::frame) + "|";
    row += section_cells(layout[visible[k]], snapshot, colour);
  }
  return row + line_end(layout, visible, ansi::frame, paint);
}

bool header_due(std::size_t rows_printed, std::optional<int> terminal_rows) {
  if (rows_printed == 0) return true;
  if (!terminal_rows || *terminal_rows < 6) return false;
  return rows_printed % static_cast<std::size_t>(*terminal_rows - 2) == 0;
}

}  // namespace statline::client
