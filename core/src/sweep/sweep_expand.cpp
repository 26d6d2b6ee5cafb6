// From a sweep spec to its jobs: the grid or one-at-a-time points, times the seeds, each
// config resolved once so a typo fails before anything trains.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "tiss/config/config.h"
#include "tiss/sweep/sweep.h"

using nlohmann::json;

namespace tiss {
namespace {

using Point = std::vector<const AxisValue*>;  // one value per axis, nullptr: the base's

std::vector<Point> gridPoints(const SweepSpec& spec) {
  std::vector<Point> points{Point(spec.axes.size(), nullptr)};
  for (size_t a = 0; a < spec.axes.size(); ++a) {
    std::vector<Point> next;
    for (const Point& p : points)
      for (const AxisValue& v : spec.axes[a].values) {
        Point q = p;
        q[a] = &v;
        next.push_back(q);
      }
    points = next;
  }
  return points;
}

std::vector<Point> oneAtATimePoints(const SweepSpec& spec) {
  std::vector<Point> points;
  for (size_t a = 0; a < spec.axes.size(); ++a)
    for (const AxisValue& v : spec.axes[a].values) {
      Point p(spec.axes.size(), nullptr);
      p[a] = &v;
      points.push_back(p);
    }
  if (points.empty()) points.push_back({});
  return points;
}

// The value at a dotted key of a resolved config, e.g. loss.lambda_p.
const json* configValue(const json& config, const std::string& key) {
  const json* node = &config;
  size_t start = 0;
  while (node->is_object()) {
    const size_t dot = key.find('.', start);
    const auto it = node->find(key.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (it == node->end()) return nullptr;
    node = &*it;
    if (dot == std::string::npos) return node;
    start = dot + 1;
  }
  return nullptr;
}

std::string nameOf(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_float()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v.get<double>());
    return buf;
  }
  return v.dump();
}

// Resolves "@name" references to the shared run's folder (relative to the sweep: only the
// config's validity is checked here) and lists the names the job waits for.
Result<std::vector<std::string>> resolvable(const std::vector<std::string>& set, const SweepSpec& spec,
                                            std::vector<std::string>& after) {
  std::vector<std::string> out;
  for (const std::string& o : set) {
    const size_t at = o.find("=@");
    if (at == std::string::npos) {
      out.push_back(o);
      continue;
    }
    const std::string name = o.substr(at + 2);
    bool known = false;
    for (const auto& s : spec.shared) known = known || s.name == name;
    if (!known) return makeError("", "'" + o + "' refers to no shared run (declared under \"shared\")");
    if (std::find(after.begin(), after.end(), name) == after.end()) after.push_back(name);
    out.push_back(o.substr(0, at + 1) + "shared/" + name);
  }
  return out;
}

struct Expander {
  const SweepSpec& spec;
  std::vector<SweepJob> jobs;
  std::set<std::string> seen;  // resolved configs, to list the one-at-a-time centre once
  std::string baseConfig;

  Status addShared() {
    for (const SharedJob& s : spec.shared) {
      SweepJob j;
      j.id = j.label = j.point = s.name;
      j.shared = true;
      for (const auto& o : spec.set)
        if (o.find("=@") == std::string::npos) j.set.push_back(o);
      j.set.insert(j.set.end(), s.set.begin(), s.set.end());
      auto plain = resolvable(j.set, spec, j.after);
      if (!plain) return makeError("shared run " + s.name, plain.error().message);
      if (auto c = loadConfig(spec.config, *plain, spec.preset); !c) return makeError("shared run " + s.name, c.error().message);
      if (spec.folds.empty()) {
        jobs.push_back(j);
        continue;
      }
      // With folds every shared run is trained once per fold on that fold's training cases:
      // one S_p for all folds would have seen each fold's validation cases.
      for (int fold : spec.folds) {
        SweepJob f = forFold(j, fold);
        f.id = f.label = f.point = sharedName(s.name, fold);
        f.fold = fold;
        f.set.push_back("data.fold=" + std::to_string(fold));
        jobs.push_back(f);
      }
    }
    return Status();
  }

  static std::string sharedName(const std::string& name, int fold) { return name + "-fold" + std::to_string(fold); }

  // The job's references to shared runs ("=@sp", after, from) point to the fold's copies.
  SweepJob forFold(SweepJob j, int fold) const {
    auto isShared = [&](const std::string& name) {
      for (const auto& s : spec.shared)
        if (s.name == name) return true;
      return false;
    };
    for (std::string& o : j.set)
      if (const size_t at = o.find("=@"); at != std::string::npos) o += "-fold" + std::to_string(fold);
    for (std::string& a : j.after)
      if (isShared(a)) a = sharedName(a, fold);
    if (isShared(j.from)) j.from = sharedName(j.from, fold);
    return j;
  }

  Status addPoint(const Point& p) {
    SweepJob j;
    j.set = spec.set;
    std::vector<std::string> names;
    for (size_t a = 0; a < p.size(); ++a) {
      if (!p[a]) continue;
      j.set.insert(j.set.end(), p[a]->set.begin(), p[a]->set.end());
      if (!p[a]->from.empty()) j.from = p[a]->from;
      const bool bundle = !p[a]->set.empty() && p[a]->set[0].rfind(spec.axes[a].key + "=", 0) != 0;
      names.push_back(bundle ? p[a]->name : spec.axes[a].key + "=" + p[a]->name);
    }
    if (!j.from.empty()) j.after.push_back(j.from);
    auto plain = resolvable(j.set, spec, j.after);
    if (!plain) return makeError("trial " + join(names), plain.error().message);
    auto c = loadConfig(spec.config, *plain, spec.preset);
    if (!c) return makeError("trial " + join(names), c.error().message);
    const std::string resolved = toJson(*c) + j.from;
    if (spec.mode == SweepMode::OneAtATime && !seen.insert(resolved).second) return Status();
    const bool centre = spec.mode == SweepMode::OneAtATime && resolved == baseConfig + j.from;
    j.point = centre ? "base" : join(names);
    if (spec.mode == SweepMode::OneAtATime && j.point != "base")
      for (size_t a = 0; a < p.size(); ++a)
        if (p[a]) j.varied = spec.axes[a].key;
    recordParams(j, p, json::parse(toJson(*c)));
    for (uint64_t seed : spec.seeds)
      if (spec.folds.empty()) addSeed(j, seed, -1);
      else
        for (int fold : spec.folds) addSeed(j, seed, fold);
    return Status();
  }

  void recordParams(SweepJob& j, const Point& p, const json& config) {
    for (size_t a = 0; a < spec.axes.size(); ++a) {
      const std::string& key = spec.axes[a].key;
      if (const json* v = configValue(config, key)) {
        j.params[key] = nameOf(*v);
        if (v->is_number()) j.numbers[key] = v->get<double>();
      } else if (p.size() > a && p[a]) {
        j.params[key] = p[a]->name;
        if (p[a]->numeric) j.numbers[key] = p[a]->number;
      }
    }
  }

  void addSeed(SweepJob j, uint64_t seed, int fold) {
    if (fold >= 0) j = forFold(j, fold);
    char id[16];
    std::snprintf(id, sizeof id, "t%03zu", jobs.size() - spec.shared.size() * std::max<size_t>(1, spec.folds.size()));
    j.id = id;
    j.seed = seed;
    j.fold = fold;
    j.set.push_back("seed=" + std::to_string(seed));
    j.label = spec.seeds.size() > 1 ? j.point + ", seed " + std::to_string(seed) : j.point;
    if (fold >= 0) {
      j.set.push_back("data.fold=" + std::to_string(fold));
      j.label += ", fold " + std::to_string(fold);
    }
    jobs.push_back(j);
  }

  static std::string join(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s.empty() ? "base" : s;
  }
};

}  // namespace

Result<std::vector<SweepJob>> expandSweep(const SweepSpec& spec) {
  Expander e{spec, {}, {}, {}};
  std::vector<std::string> after;
  auto base = resolvable(spec.set, spec, after);
  if (!base) return makeError("base config", base.error().message);
  auto c = loadConfig(spec.config, *base, spec.preset);
  if (!c) return c.error();
  e.baseConfig = toJson(*c);
  if (auto st = e.addShared(); !st) return st.error();
  // A grid multiplies: refuse an absurd one before building it.
  double points = 1;
  for (const auto& a : spec.axes) points = spec.mode == SweepMode::Grid ? points * double(a.values.size()) : points + double(a.values.size());
  const double runs = double(spec.seeds.size()) * double(std::max<size_t>(1, spec.folds.size()));
  if (points * runs > double(kMaxJobs))
    return makeError("", "expands to " + std::to_string(int64_t(points * runs)) + " trials; at most " +
                             std::to_string(kMaxJobs) + " (split it into several sweeps)");
  for (const Point& p : spec.mode == SweepMode::Grid ? gridPoints(spec) : oneAtATimePoints(spec))
    if (auto st = e.addPoint(p); !st) return st.error();
  return e.jobs;
}

}  // namespace tiss
