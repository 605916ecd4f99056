/* The floor for a query round trip: a Unix-socket server that does nothing but answer.
 * Each request line holds a number N; the reply is N bytes ending in a newline, so the
 * floor moves the same bytes as the statline reply it is compared with. One thread, one
 * epoll, level-triggered, a read and a write per request: the least any server on this
 * machine can do.
 *
 *   echo_floor SOCKET_PATH        (runs until killed)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>

#include "bench/bench_socket.h"

enum { kMaxReply = 1 << 20, kMaxFds = 1 << 16, kLine = 4096 };

struct connection {
  char input[kLine];
  size_t used;
};

static char reply[kMaxReply];
static struct connection* connections[kMaxFds];

/* Blocking in effect: a benchmark client reads what it asked for. The newline is put in
 * place for this reply only, so a reply is one write of a ready buffer. */
static int send_reply(int fd, size_t size) {
  reply[size - 1] = '\n';
  size_t sent = 0;
  int result = 0;
  while (sent < size) {
    ssize_t n = write(fd, reply + sent, size - sent);
    if (n > 0) {
      sent += (size_t)n;
    } else if (n < 0 && errno == EAGAIN) {
      struct pollfd wait = {.fd = fd, .events = POLLOUT};
      poll(&wait, 1, -1);
    } else {
      result = -1;
      break;
    }
  }
  reply[size - 1] = size % 64 == 0 ? ' ' : 'x';
  return result;
}

/* Answers every complete line in the buffer; -1 when the connection is finished. */
static int serve(int fd, struct connection* c) {
  ssize_t n = read(fd, c->input + c->used, sizeof c->input - c->used);
  if (n <= 0) return n < 0 && errno == EAGAIN ? 0 : -1;
  c->used += (size_t)n;
  char* start = c->input;
  char* newline;
  while ((newline = memchr(start, '\n', c->used - (size_t)(start - c->input))) != NULL) {
    size_t size = strtoul(start, NULL, 10);
    if (size == 0 || size > kMaxReply) size = 1;
    if (send_reply(fd, size) != 0) return -1;
    start = newline + 1;
  }
  c->used -= (size_t)(start - c->input);
  memmove(c->input, start, c->used);
  return c->used == sizeof c->input ? -1 : 0;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: echo_floor SOCKET_PATH\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN); /* a client that leaves mid-reply ends its connection only */
  memset(reply, 'x', sizeof reply);
  for (size_t i = 0; i < sizeof reply; ++i) {
    if (i % 64 == 63) reply[i] = ' ';
  }
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  snprintf(address.sun_path, sizeof address.sun_path, "%s", argv[1]);
  unlink(argv[1]);
  const int listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener < 0 || bind(listener, (struct sockaddr*)&address, sizeof address) != 0 ||
      listen(listener, 1024) != 0) {
    perror(argv[1]);
    return 1;
  }
  const int poller = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event event = {.events = EPOLLIN, .data.fd = listener};
  epoll_ctl(poller, EPOLL_CTL_ADD, listener, &event);
  struct epoll_event ready[256];
  for (;;) {
    const int count = epoll_wait(poller, ready, 256, -1);
    for (int i = 0; i < count; ++i) {
      const int fd = ready[i].data.fd;
      if (fd == listener) {
        const int client = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (client < 0 || client >= kMaxFds) {
          if (client >= 0) close(client);
          continue;
        }
        connections[client] = calloc(1, sizeof(struct connection));
        struct epoll_event add = {.events = EPOLLIN, .data.fd = client};
        epoll_ctl(poller, EPOLL_CTL_ADD, client, &add);
      } else if (serve(fd, connections[fd]) != 0) {
        epoll_ctl(poller, EPOLL_CTL_DEL, fd, NULL);
        close(fd);
        free(connections[fd]);
        connections[fd] = NULL;
      }
    }
  }
}
