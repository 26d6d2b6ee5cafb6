#pragma once
/// A small deterministic random generator (SplitMix64 seeding a xoshiro256**) whose output
/// depends only on the seed, not on the standard library, so the same seed gives the same
/// phantom bytes and the same patches on every machine.
#include <array>
#include <cstdint>

namespace tiss {

class Rng {
 public:
  explicit Rng(uint64_t seed);
  /// A generator for sub-stream `stream` of `seed` (e.g. case i, patch n), independent of
  /// how many numbers other streams drew.
  static Rng stream(uint64_t seed, uint64_t stream);

  uint64_t next();
  double uniform();                        ///< in [0, 1)
  double uniform(double lo, double hi);    ///< in [lo, hi)
  long integer(long lo, long hi);          ///< in [lo, hi] inclusive
  double normal();                         ///< standard normal (Box-Muller)

 private:
  std::array<uint64_t, 4> s_{};
  bool hasSpare_ = false;
  double spare_ = 0;
};

}  // namespace tiss
