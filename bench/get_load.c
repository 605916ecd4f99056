/* Throughput of a line-protocol server under CLIENTS concurrent clients, each with one
 * request in flight (closed loop: send, read the whole reply line, send again).
 *
 *   get_load TARGET REQUEST CLIENTS SECONDS    prints "requests_per_second replies"
 *
 * One thread and one epoll drive every connection, so the load generator itself costs as
 * little CPU as it can: on a 2-core machine it shares the cores with the server. The
 * first 10 % of SECONDS warm up and are not counted.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/epoll.h>

#include "bench/bench_socket.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: get_load TARGET REQUEST CLIENTS SECONDS\n");
    return 2;
  }
  char request[4096];
  snprintf(request, sizeof request, "%s\n", argv[2]);
  const size_t request_size = strlen(request);
  const int clients = atoi(argv[3]);
  const double seconds = atof(argv[4]);
  if (clients <= 0 || seconds <= 0) return 2;

  const int poller = epoll_create1(EPOLL_CLOEXEC);
  int* fds = calloc((size_t)clients, sizeof *fds);
  for (int i = 0; i < clients; ++i) {
    fds[i] = bench_connect(argv[1]);
    fcntl(fds[i], F_SETFL, O_NONBLOCK);
    struct epoll_event event = {.events = EPOLLIN, .data.u32 = (unsigned)i};
    epoll_ctl(poller, EPOLL_CTL_ADD, fds[i], &event);
    bench_write_all(fds[i], request, request_size);
  }
  /* Replies are single lines: counting newlines counts replies, whatever the read size. */
  static char buffer[1 << 20];
  const long long start = bench_now_ns();
  const long long counted_from = start + (long long)(seconds * 0.1e9);
  const long long end = start + (long long)(seconds * 1e9);
  long long replies = 0, replies_at_warm = -1;
  struct epoll_event ready[1024];
  for (;;) {
    const long long now = bench_now_ns();
    if (now >= end) break;
    if (replies_at_warm < 0 && now >= counted_from) replies_at_warm = replies;
    const int count = epoll_wait(poller, ready, 1024, 100);
    for (int i = 0; i < count; ++i) {
      const int fd = fds[ready[i].data.u32];
      const ssize_t n = read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EAGAIN) continue;
      if (n <= 0) {
        fprintf(stderr, "get_load: the server closed a connection after %lld replies\n", replies);
        return 1;
      }
      for (const char* p = buffer; (p = memchr(p, '\n', (size_t)(buffer + n - p))) != NULL; ++p) {
        ++replies;
        bench_write_all(fd, request, request_size);
      }
    }
  }
  const double measured = (double)(end - counted_from) / 1e9;
  printf("%.0f %lld\n", (double)(replies - replies_at_warm) / measured, replies);
  return 0;
}
