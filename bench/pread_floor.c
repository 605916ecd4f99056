/* The floor for statlined's CPU cost: a lone process that only preads the four /proc
 * files once per interval into a fixed buffer, with no parsing and no IPC.
 *
 *   pread_floor [ROOT [INTERVAL [FILE...]]]   (defaults: /proc, 1 s, the four files)
 *
 * With FILE arguments it reads only those: four such processes, one file each, are the
 * least a design with one process per source can cost (bench/compare shows them). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char** argv) {
  const char* root = argc > 1 ? argv[1] : "/proc";
  const double interval = argc > 2 ? atof(argv[2]) : 1.0;
  const char* defaults[] = {"stat", "meminfo", "net/dev", "loadavg"};
  const char** names = argc > 3 ? (const char**)argv + 3 : defaults;
  const int count = argc > 3 ? argc - 3 : 4;
  int fds[64];
  if (count > 64) return 2;
  static char buffer[1 << 20];
  for (int i = 0; i < count; ++i) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", root, names[i]);
    fds[i] = open(path, O_RDONLY | O_CLOEXEC);
    if (fds[i] < 0) {
      perror(path);
      return 1;
    }
  }
  struct timespec next;
  clock_gettime(CLOCK_MONOTONIC, &next);
  const long step = (long)(interval * 1e9);
  for (;;) {
    for (int i = 0; i < count; ++i) {
      if (pread(fds[i], buffer, sizeof buffer, 0) < 0) return 1;
    }
    next.tv_nsec += step;
    while (next.tv_nsec >= 1000000000L) {
      next.tv_nsec -= 1000000000L;
      next.tv_sec += 1;
    }
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
  }
}
