/* Socket plumbing shared by the benchmark clients (probe.c, get_load.c) and the echo
 * floor server: address parsing, blocking connect, a buffered reader, monotonic time.
 * Header-only so that each tool stays one self-contained C file plus this. */
#ifndef STATLINE_BENCH_SOCKET_H
#define STATLINE_BENCH_SOCKET_H

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static inline long long bench_now_ns(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

/* "unix:PATH", "tcp:HOST:PORT", or a bare path (a Unix socket). Exits on failure: a
 * benchmark that cannot reach its target has nothing to report. */
static inline int bench_connect(const char* target) {
  if (strncmp(target, "tcp:", 4) == 0) {
    char host[256];
    snprintf(host, sizeof host, "%s", target + 4);
    char* colon = strrchr(host, ':');
    if (colon == NULL) {
      fprintf(stderr, "bench: %s: expected tcp:HOST:PORT\n", target);
      exit(2);
    }
    *colon = '\0';
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
    struct addrinfo* found = NULL;
    if (getaddrinfo(host, colon + 1, &hints, &found) != 0 || found == NULL) {
      fprintf(stderr, "bench: %s: cannot resolve\n", target);
      exit(1);
    }
    int fd = socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || connect(fd, found->ai_addr, found->ai_addrlen) != 0) {
      perror(target);
      exit(1);
    }
    freeaddrinfo(found);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
  }
  const char* path = strncmp(target, "unix:", 5) == 0 ? target + 5 : target;
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  if (strlen(path) >= sizeof address.sun_path) {
    fprintf(stderr, "bench: %s: path too long\n", path);
    exit(2);
  }
  strcpy(address.sun_path, path);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || connect(fd, (struct sockaddr*)&address, sizeof address) != 0) {
    perror(path);
    exit(1);
  }
  return fd;
}

static inline void bench_write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n <= 0) {
      perror("bench: write");
      exit(1);
    }
    data += n;
    size -= (size_t)n;
  }
}

/* A growing receive buffer: [start, end) holds bytes received but not consumed yet. */
struct bench_reader {
  int fd;
  char* data;
  size_t start, end, capacity;
};

static inline void bench_reader_init(struct bench_reader* reader, int fd) {
  reader->fd = fd;
  reader->capacity = 1 << 16;
  reader->data = malloc(reader->capacity);
  reader->start = reader->end = 0;
}

/* Reads more bytes into the buffer; exits if the peer closed or failed. */
static inline void bench_reader_fill(struct bench_reader* reader) {
  if (reader->start > 0) {
    memmove(reader->data, reader->data + reader->start, reader->end - reader->start);
    reader->end -= reader->start;
    reader->start = 0;
  }
  if (reader->end == reader->capacity) {
    reader->capacity *= 2;
    reader->data = realloc(reader->data, reader->capacity);
  }
  ssize_t n = read(reader->fd, reader->data + reader->end, reader->capacity - reader->end);
  if (n <= 0) {
    fprintf(stderr, "bench: the server closed the connection\n");
    exit(1);
  }
  reader->end += (size_t)n;
}

/* The next line (through `delimiter`, which is included); returns its length and points
 * *line at it. Consumes it. */
static inline size_t bench_read_until(struct bench_reader* reader, const char* delimiter,
                                      const char** line) {
  const size_t size = strlen(delimiter);
  size_t scanned = reader->start;
  for (;;) {
    const size_t available = reader->end - reader->start;
    if (available >= size) {
      const char* found = memmem(reader->data + scanned, reader->end - scanned, delimiter, size);
      if (found != NULL) {
        const size_t length = (size_t)(found - (reader->data + reader->start)) + size;
        *line = reader->data + reader->start;
        reader->start += length;
        return length;
      }
      scanned = reader->end - (size - 1);
    }
    const size_t offset = scanned - reader->start;
    bench_reader_fill(reader);
    scanned = reader->start + offset;
  }
}

/* Consumes exactly `size` bytes (a body whose length is known). */
static inline void bench_skip(struct bench_reader* reader, size_t size) {
  while (reader->end - reader->start < size) {
    size -= reader->end - reader->start;
    reader->start = reader->end;
    bench_reader_fill(reader);
  }
  reader->start += size;
}

#endif
