/* Query round trips on one kept connection, for every monitor that answers queries.
 *
 *   probe rtt   PROTOCOL TARGET REQUEST COUNT     prints "median_us p95_us reply_bytes"
 *   probe every PROTOCOL TARGET REQUEST SECONDS   one request per period, forever (the
 *                                                  scrape loop a Prometheus server would run)
 *
 * PROTOCOL says how a reply ends:
 *   line      one line ending in \n (statline, the echo floor)
 *   collectd  "N Values found" then N lines (collectd's unixsock GETVAL)
 *   http      an HTTP/1.1 response, Content-Length or chunked (node_exporter, netdata);
 *             REQUEST is the path
 * TARGET is unix:PATH, tcp:HOST:PORT or a bare Unix socket path. rtt runs COUNT/10
 * unmeasured round trips first, so connection set-up and cold caches are not counted.
 */
#define _GNU_SOURCE
#include "bench/bench_socket.h"

enum protocol { LINE, COLLECTD, HTTP };

static enum protocol parse_protocol(const char* name) {
  if (strcmp(name, "line") == 0) return LINE;
  if (strcmp(name, "collectd") == 0) return COLLECTD;
  if (strcmp(name, "http") == 0) return HTTP;
  fprintf(stderr, "probe: unknown protocol %s (line, collectd, http)\n", name);
  exit(2);
}

/* Reads one whole HTTP response; returns the body size. */
static size_t read_http(struct bench_reader* reader) {
  const char* header;
  size_t length = bench_read_until(reader, "\r\n\r\n", &header);
  if (length < 12 || memcmp(header + 9, "200", 3) != 0) {
    fprintf(stderr, "probe: HTTP error: %.*s\n", (int)(length < 80 ? length : 80), header);
    exit(1);
  }
  const char* content_length = memmem(header, length, "Content-Length:", 15);
  if (content_length == NULL) content_length = memmem(header, length, "content-length:", 15);
  if (content_length != NULL) {
    const size_t body = strtoul(content_length + 15, NULL, 10);
    bench_skip(reader, body);
    return body;
  }
  /* Chunked: hex size line, data, CRLF; a zero size ends it (no trailers expected). */
  size_t body = 0;
  for (;;) {
    const char* line;
    bench_read_until(reader, "\r\n", &line);
    const size_t chunk = strtoul(line, NULL, 16);
    if (chunk == 0) {
      bench_read_until(reader, "\r\n", &line);
      return body;
    }
    bench_skip(reader, chunk + 2);
    body += chunk;
  }
}

/* Sends one request and reads its whole reply; returns the reply's size in bytes. */
static size_t round_trip(enum protocol protocol, struct bench_reader* reader,
                         const char* request, size_t request_size) {
  bench_write_all(reader->fd, request, request_size);
  const char* line;
  switch (protocol) {
    case LINE:
      return bench_read_until(reader, "\n", &line);
    case COLLECTD: {
      size_t total = bench_read_until(reader, "\n", &line);
      const long values = strtol(line, NULL, 10);
      if (values < 0) {
        fprintf(stderr, "probe: collectd: %.*s", (int)total, line);
        exit(1);
      }
      for (long i = 0; i < values; ++i) total += bench_read_until(reader, "\n", &line);
      return total;
    }
    case HTTP:
      return read_http(reader);
  }
  return 0;
}

static int compare_ll(const void* a, const void* b) {
  const long long x = *(const long long*)a, y = *(const long long*)b;
  return (x > y) - (x < y);
}

int main(int argc, char** argv) {
  if (argc != 6 || (strcmp(argv[1], "rtt") != 0 && strcmp(argv[1], "every") != 0)) {
    fprintf(stderr, "usage: probe rtt|every PROTOCOL TARGET REQUEST COUNT|SECONDS\n");
    return 2;
  }
  const enum protocol protocol = parse_protocol(argv[2]);
  char request[4096];
  if (protocol == HTTP) {
    /* netdata closes the connection after each reply unless asked to keep it. */
    snprintf(request, sizeof request,
             "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n", argv[4]);
  } else {
    snprintf(request, sizeof request, "%s\n", argv[4]);
  }
  const size_t request_size = strlen(request);
  struct bench_reader reader;
  bench_reader_init(&reader, bench_connect(argv[3]));

  if (strcmp(argv[1], "every") == 0) {
    const long long period = (long long)(atof(argv[5]) * 1e9);
    if (period <= 0) return 2;
    struct timespec next;
    clock_gettime(CLOCK_MONOTONIC, &next);
    for (;;) {
      round_trip(protocol, &reader, request, request_size);
      const long long at = (long long)next.tv_sec * 1000000000LL + next.tv_nsec + period;
      next.tv_sec = at / 1000000000LL;
      next.tv_nsec = at % 1000000000LL;
      clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
    }
  }

  const long count = atol(argv[5]);
  if (count <= 0) return 2;
  size_t reply = 0;
  for (long i = 0; i < count / 10 + 1; ++i) reply = round_trip(protocol, &reader, request, request_size);
  long long* samples = malloc(sizeof *samples * (size_t)count);
  for (long i = 0; i < count; ++i) {
    const long long start = bench_now_ns();
    reply = round_trip(protocol, &reader, request, request_size);
    samples[i] = bench_now_ns() - start;
  }
  qsort(samples, (size_t)count, sizeof *samples, compare_ll);
  printf("%.1f %.1f %zu\n", samples[(count - 1) / 2] / 1e3, samples[count * 95 / 100] / 1e3, reply);
  return 0;
}
