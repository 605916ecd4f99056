/* The floor for `statline tmux`: a minimal static C client that connects to the socket,
 * sends `tmux`, prints the reply line and exits. No options, no error handling beyond
 * exiting 1: bench/client_latency runs it next to statline against the same daemon.
 *
 *   tmux_c_client SOCKET_PATH
 */
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2 || strlen(argv[1]) >= sizeof(((struct sockaddr_un*)0)->sun_path)) return 1;
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  strcpy(address.sun_path, argv[1]);
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0 || connect(fd, (struct sockaddr*)&address, sizeof address) != 0) return 1;
  if (write(fd, "tmux\n", 5) != 5) return 1;
  char reply[4096];
  size_t used = 0;
  for (;;) {
    ssize_t n = read(fd, reply + used, sizeof reply - used);
    if (n <= 0) return 1;
    used += (size_t)n;
    if (memchr(reply, '\n', used) != NULL || used == sizeof reply) break;
  }
  return write(1, reply, used) == (ssize_t)used ? 0 : 1;
}
