#pragma once
/// Runs fn(i) for i in [0, n) on `threads` worker threads (at least one), each taking the
/// next index when done; returns when every call has returned.
#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace tiss {

template <class Fn>
void parallelFor(size_t n, int threads, Fn fn) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < std::max(1, threads); ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
}

}  // namespace tiss
