#include "server/metrics_http_session.hpp"

#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>

#include "logging/log.hpp"
#include "server/metrics_http_server.hpp"

namespace statline {
namespace {

namespace http = boost::beast::http;

constexpr std::uint32_t kHeaderLimit = 8192;
constexpr auto kDeadline = std::chrono::seconds(30);
// The text format node_exporter serves by default; Prometheus parses it as such.
constexpr const char* kExpositionType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace

MetricsHttpSession::MetricsHttpSession(boost::asio::ip::tcp::socket socket,
                                       MetricsHttpServer& server)
    : stream_(std::move(socket)), server_(server) {}

void MetricsHttpSession::read_next() {
  parser_.emplace();
  parser_->header_limit(kHeaderLimit);
  parser_->body_limit(0);  // a GET has no body; anything else is refused unread
  stream_.expires_after(kDeadline);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](const boost::system::error_code& error,
                                               std::size_t) { self->on_read(error); });
}

void MetricsHttpSession::on_read(const boost::system::error_code& error) {
  if (error) {
    // A scraper that closed its kept connection is the normal end, not worth a line.
    if (error != http::error::end_of_stream && error != boost::asio::error::operation_aborted &&
        error != boost::beast::error::timeout) {
      response_.emplace(http::status::bad_request, 11);
      response_->set(http::field::content_type, "text/plain; charset=utf-8");
      response_->set(http::field::connection, "close");
      response_->body() = "bad request: " + error.message() + "\n";
      response_->prepare_payload();
      response_->keep_alive(false);
      stream_.expires_after(kDeadline);
      http::async_write(stream_, *response_,
                        [self = shared_from_this()](const boost::system::error_code&, std::size_t) {
                          self->close();
                        });
      return;
    }
    close();
    return;
  }
  const Request& request = parser_->get();
  response_.emplace(respond(request));
  stream_.expires_after(kDeadline);
  http::async_write(
      stream_, *response_,
      [self = shared_from_this()](const boost::system::error_code& write_error, std::size_t) {
        if (write_error || !self->response_->keep_alive()) return self->close();
        self->read_next();
      });
}

MetricsHttpSession::Response MetricsHttpSession::respond(const Request& request) const {
  Response response(http::status::ok, request.version());
  response.keep_alive(request.keep_alive());
  const auto target = request.target();
  const auto path = target.substr(0, target.find('?'));
  if (request.method() != http::verb::get && request.method() != http::verb::head) {
    response.result(http::status::method_not_allowed);
    response.set(http::field::allow, "GET, HEAD");
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.body() = "only GET and HEAD are served\n";
  } else if (path != "/metrics") {
    response.result(http::status::not_found);
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.body() = "statline serves /metrics only\n";
  } else {
    response.set(http::field::content_type, kExpositionType);
    response.body() = server_.exposition_();
  }
  response.set(http::field::server, "statlined/" STATLINE_VERSION);
  response.prepare_payload();
  // HEAD: the headers GET would get (Content-Length included), no body.
  if (request.method() == http::verb::head) response.body().clear();
  return response;
}

void MetricsHttpSession::close() {
  if (finished_) return;
  finished_ = true;
  boost::system::error_code ignored;
  stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
  server_.forget(this);
}

}  // namespace statline
