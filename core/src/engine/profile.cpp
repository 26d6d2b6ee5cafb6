#include "engine/profile.h"

#include "model/torch_compat.h"
#if TISS_TORCH_LEGACY_PROFILER
#include <torch/csrc/autograd/profiler_legacy.h>
#endif

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace tiss {
namespace {

struct Event {
  std::string name;
  double start, duration, children = 0;  // microseconds
};

// Self time per name: events of one thread nest by time; each one's duration minus its
// direct children's.
std::vector<OperatorTime> selfTimes(const nlohmann::json& trace) {
  std::map<std::string, std::vector<Event>> threads;
  for (const auto& e : trace)
    if (e.value("ph", "") == "X")
      threads[e.at("tid").dump()].push_back({e.value("name", ""), e.value("ts", 0.0), e.value("dur", 0.0)});
  std::map<std::string, OperatorTime> byName;
  for (auto& [tid, events] : threads) {
    std::sort(events.begin(), events.end(),
              [](const Event& a, const Event& b) { return a.start != b.start ? a.start < b.start : a.duration > b.duration; });
    std::vector<Event*> open;
    for (auto& e : events) {
      while (!open.empty() && open.back()->start + open.back()->duration <= e.start) open.pop_back();
      if (!open.empty()) open.back()->children += e.duration;
      open.push_back(&e);
    }
    for (const auto& e : events) {
      auto& t = byName[e.name];
      t.name = e.name;
      t.selfMs += (e.duration - e.children) / 1000.0;
      ++t.calls;
    }
  }
  std::vector<OperatorTime> out;
  for (auto& [name, t] : byName) out.push_back(t);
  std::sort(out.begin(), out.end(), [](const OperatorTime& a, const OperatorTime& b) { return a.selfMs > b.selfMs; });
  return out;
}

}  // namespace

Result<std::vector<OperatorTime>> profileOnce(const std::function<void()>& work, const std::string& traceFile) {
  std::ostringstream trace;
#if TISS_TORCH_LEGACY_PROFILER
  {
    torch::autograd::profiler::RecordProfile record(trace);
    work();
  }
#else
  (void)work;
  return makeError(traceFile, "this LibTorch " TORCH_VERSION " has no legacy profiler: --profile is unavailable");
#endif
  std::ofstream out(traceFile, std::ios::binary | std::ios::trunc);
  out << trace.str();
  out.close();
  if (!out) return makeError(traceFile, "cannot write the profile here");
  const auto parsed = nlohmann::json::parse(trace.str(), nullptr, false);
  if (parsed.is_discarded() || !parsed.is_array()) return makeError(traceFile, "LibTorch's profiler wrote no readable trace");
  return selfTimes(parsed);
}

}  // namespace tiss
