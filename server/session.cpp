#include "server/session.hpp"

#include <fmt/format.h>

#include <boost/asio/buffer.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <exception>

#include "logging/log.hpp"
#include "server/session_registry.hpp"

namespace statline {
namespace {

// Error replies are built by hand here because the line could not be parsed at all.
constexpr std::string_view kTooLong = "{\"error\":\"request line longer than 4096 bytes\"}\n";

}  // namespace

Session::Session(Socket socket, SessionRegistry& registry, LineHandler& handler,
                 const ClientsConfig& limits)
    : socket_(std::move(socket)),
      registry_(registry),
      handler_(handler),
      limits_(limits),
      last_activity_(Clock::now()),
      idle_timer_(socket_.get_executor()) {}

void Session::start() {
  arm_idle_timer();
  read_next();
}

void Session::read_next() {
  if (closing_ || closed_) return;
  // One byte over the limit lets us tell "exactly 4096 bytes + newline" from "too long".
  boost::asio::async_read_until(
      socket_, boost::asio::dynamic_buffer(input_, kMaxRequestBytes + 1), '\n',
      [self = shared_from_this()](const boost::system::error_code& error, std::size_t bytes) {
        self->on_read(error, bytes);
      });
}

void Session::on_read(const boost::system::error_code& error, std::size_t bytes) {
  if (closed_) return;
  if (error == boost::asio::error::not_found) {
    // Over the limit: say why, then hang up (DESIGN §4).
    send(std::string(kTooLong));
    close();
    return;
  }
  if (error == boost::asio::error::eof) {
    // The client finished sending (`echo get | socat ...` half-closes): every reply still
    // queued is delivered, and a watcher keeps streaming until a write fails.
    input_.clear();
    if (!watching_) close();
    return;
  }
  if (error) {
    // Reset: a client that vanished, mid-reply or not, costs nothing more.
    shutdown();
    return;
  }
  last_activity_ = Clock::now();
  arm_idle_timer();
  std::string_view line(input_.data(), bytes - 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  try {
    handler_.on_line(*this, line);
  } catch (const std::exception& e) {
    log(LogPriority::error, "request failed: {}", e.what());
    send("{\"error\":\"internal error\"}\n");
  }
  input_.erase(0, bytes);
  read_next();
}

bool Session::send(std::string data) {
  if (closed_) return false;
  if (queued_bytes_ + data.size() > limits_.max_output_bytes) {
    log(LogPriority::notice, "dropping a client that does not read its replies ({} bytes queued)",
        queued_bytes_);
    close(true);
    return false;
  }
  queued_bytes_ += data.size();
  output_.push_back(std::move(data));
  if (!writing_) write_next();
  return true;
}

void Session::write_next() {
  if (output_.empty()) {
    writing_ = false;
    if (closing_) shutdown();
    return;
  }
  writing_ = true;
  boost::asio::async_write(
      socket_, boost::asio::buffer(output_.front()),
      [self = shared_from_this()](const boost::system::error_code& error, std::size_t) {
        if (self->closed_) return;
        if (error) return self->shutdown();
        self->queued_bytes_ -= self->output_.front().size();
        self->output_.pop_front();
        self->write_next();
      });
}

void Session::close(bool now) {
  closing_ = true;
  if (now || !writing_) shutdown();
}

void Session::shutdown() {
  if (closed_) return;
  closed_ = true;
  boost::system::error_code ignored;
  idle_timer_.cancel();
  socket_.shutdown(Socket::shutdown_both, ignored);
  socket_.close(ignored);
  output_.clear();
  queued_bytes_ = 0;
  registry_.remove(shared_from_this());
}

void Session::start_watching(double period_seconds, std::string topic) {
  watching_ = true;
  watch_period_ = period_seconds;
  watch_topic_ = std::move(topic);
  idle_timer_.cancel();
}

bool Session::watch_due(double time, double interval) {
  // Never the same sample twice: the line sent when the watch began may be the snapshot
  // the next sample's flush finds, if a request took that sample in first.
  if (time <= last_watch_time_) return false;
  // Sample times jitter by milliseconds: half an interval of slack keeps `watch 1` at one
  // line per second instead of skipping a sample that landed a hair early.
  if (time - last_watch_time_ + interval / 2 < watch_period_) return false;
  last_watch_time_ = time;
  return true;
}

void Session::arm_idle_timer() {
  if (watching_) return;
  idle_timer_.expires_after(std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(limits_.idle_timeout)));
  idle_timer_.async_wait([weak = weak_from_this()](const boost::system::error_code& error) {
    if (error) return;
    if (auto self = weak.lock(); self && !self->watching_) self->close(true);
  });
}

}  // namespace statline
