// --access-group: the system unit lets the socket's group in by name.
#include <grp.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>

#include "daemon/effective_config.hpp"

namespace statline {
namespace {

class AccessGroupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/statline-group-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    std::ofstream(dir_ + "/config.yaml") << "access:\n  gid: 4242\n";
    options_.config_path = dir_ + "/config.yaml";
    options_.socket = dir_ + "/statline.sock";
  }
  void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }
  std::string dir_;
  DaemonOptions options_;
};

TEST_F(AccessGroupTest, WithoutTheOptionTheConfigsGidStays) {
  const auto loaded = load_effective_config(options_);
  ASSERT_TRUE(loaded) << loaded.error();
  EXPECT_EQ(loaded->config.access.gid, gid_t{4242});
}

TEST_F(AccessGroupTest, ANameOrANumberOverridesTheConfig) {
  const group* root = ::getgrgid(0);
  ASSERT_NE(root, nullptr);
  options_.access_group = root->gr_name;
  auto loaded = load_effective_config(options_);
  ASSERT_TRUE(loaded) << loaded.error();
  EXPECT_EQ(loaded->config.access.gid, gid_t{0});
  options_.access_group = "12345";
  loaded = load_effective_config(options_);
  ASSERT_TRUE(loaded) << loaded.error();
  EXPECT_EQ(loaded->config.access.gid, gid_t{12345});
}

TEST_F(AccessGroupTest, AnUnknownGroupIsAnError) {
  options_.access_group = "no-such-statline-group";
  const auto loaded = load_effective_config(options_);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error(), "--access-group no-such-statline-group: no such group");
}

}  // namespace
}  // namespace statline
