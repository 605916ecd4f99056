// One HTTP connection of the Prometheus endpoint (metrics_http_server.hpp).
#pragma once

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <memory>
#include <optional>

namespace statline {

class MetricsHttpServer;

class MetricsHttpSession : public std::enable_shared_from_this<MetricsHttpSession> {
 public:
  MetricsHttpSession(boost::asio::ip::tcp::socket socket, MetricsHttpServer& server);
  void start() { read_next(); }
  void close();

 private:
  using Request = boost::beast::http::request<boost::beast::http::empty_body>;
  using Response = boost::beast::http::response<boost::beast::http::string_body>;

  void read_next();
  void on_read(const boost::system::error_code& error);
  Response respond(const Request& request) const;

  boost::beast::tcp_stream stream_;
  MetricsHttpServer& server_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::empty_body>> parser_;
  std::optional<Response> response_;
  bool finished_ = false;
};

}  // namespace statline
