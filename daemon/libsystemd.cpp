#include "daemon/libsystemd.hpp"

#include <dlfcn.h>
#include <sys/socket.h>
#include <systemd/sd-daemon.h>

#include <stdexcept>

namespace statline::libsystemd {
namespace {

// The functions' types come from libsystemd's own header, so a signature change there
// is a compile error here, as it would be for a linked call.
struct Api {
  decltype(&::sd_notify) notify = nullptr;
  decltype(&::sd_watchdog_enabled) watchdog_enabled = nullptr;
  decltype(&::sd_listen_fds) listen_fds = nullptr;
  decltype(&::sd_is_socket_unix) is_socket_unix = nullptr;
};

// The supervisor is single-threaded; loaded once, never unloaded.
Api g_api;
bool g_loaded = false;

template <class Function>
void bind(void* library, const char* name, Function& function) {
  function = reinterpret_cast<Function>(::dlsym(library, name));
  if (function == nullptr) {
    const char* why = ::dlerror();
    throw std::runtime_error(std::string("libsystemd.so.0: ") + (why ? why : name));
  }
}

const Api& api() {
  if (g_loaded) return g_api;
  void* library = ::dlopen("libsystemd.so.0", RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* why = ::dlerror();
    throw std::runtime_error(std::string("cannot load libsystemd.so.0: ") +
                             (why ? why : "unknown error"));
  }
  bind(library, "sd_notify", g_api.notify);
  bind(library, "sd_watchdog_enabled", g_api.watchdog_enabled);
  bind(library, "sd_listen_fds", g_api.listen_fds);
  bind(library, "sd_is_socket_unix", g_api.is_socket_unix);
  g_loaded = true;
  return g_api;
}

}  // namespace

int notify(const char* state) {
  return api().notify(0, state);
}

int watchdog_enabled(std::uint64_t* usec) {
  return api().watchdog_enabled(0, usec);
}

int listen_fds() {
  return api().listen_fds(0);
}

int is_listening_unix_stream_socket(int fd) {
  return api().is_socket_unix(fd, SOCK_STREAM, 1, nullptr, 0);
}

bool loaded() {
  return g_loaded;
}

}  // namespace statline::libsystemd
