// Reading and writing sweep specs (docs/sweeps.md). Ranges, log ranges and random samples
// are turned into explicit values here, so the stored spec lists exactly what runs.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "tiss/sweep/sweep.h"

#include "tiss/metrics/paired_comparison.h"

using nlohmann::json;

namespace tiss {
namespace {

Error specError(const std::string& source, const std::string& what) { return makeError(source, what); }

std::string numberName(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

AxisValue scalarValue(const std::string& key, const json& v) {
  AxisValue a;
  if (v.is_number()) {
    a.number = v.get<double>();
    a.numeric = true;
    a.name = v.is_number_integer() ? std::to_string(v.get<long long>()) : numberName(a.number);
  } else {
    a.name = v.is_string() ? v.get<std::string>() : v.dump();
  }
  a.set = {key + "=" + (v.is_string() ? v.get<std::string>() : a.numeric ? a.name : v.dump())};
  return a;
}

std::vector<double> spaced(double from, double to, int steps, bool logScale) {
  std::vector<double> out;
  for (int i = 0; i < steps; ++i) {
    const double f = steps == 1 ? 0.0 : double(i) / (steps - 1);
    out.push_back(logScale ? std::exp(std::log(from) + f * (std::log(to) - std::log(from))) : from + f * (to - from));
  }
  return out;
}

Result<std::vector<double>> generated(const json& g, const std::string& kind, const std::string& where) {
  const double from = g.value("from", 0.0), to = g.value("to", 0.0);
  const bool logScale = kind == "log" || g.value("log", false);
  if (logScale && (from <= 0 || to <= 0)) return specError(where, kind + ": 'from' and 'to' must be > 0 on a log scale");
  if (kind == "random") {
    const int count = g.value("count", 0);
    if (count < 1 || count > kMaxJobs) return specError(where, "random: 'count' must be 1 to " + std::to_string(kMaxJobs));
    std::mt19937_64 rng(g.value("seed", 1ULL));
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<double> out;
    for (int i = 0; i < count; ++i) {
      const double f = u(rng);
      out.push_back(std::stod(numberName(logScale ? std::exp(std::log(from) + f * (std::log(to) - std::log(from)))
                                                   : from + f * (to - from))));
    }
    return out;
  }
  const int steps = g.value("steps", 0);
  if (steps < 1 || steps > kMaxJobs) return specError(where, kind + ": 'steps' must be 1 to " + std::to_string(kMaxJobs));
  return spaced(from, to, steps, logScale);
}

Result<AxisValue> bundleValue(const json& v, const std::string& where) {
  AxisValue a;
  for (const auto& [k, x] : v.items())
    if (k != "name" && k != "set" && k != "from" && k != "number") return specError(where, "unknown key '" + k + "' in a value");
  a.name = v.value("name", "");
  if (a.name.empty()) return specError(where, "a value given as an object needs a 'name'");
  a.set = v.value("set", std::vector<std::string>{});
  a.from = v.value("from", "");
  if (v.contains("number")) {
    a.number = v["number"].get<double>();
    a.numeric = true;
  }
  return a;
}

Result<SweepAxis> parseAxis(const json& j, const std::string& where) {
  SweepAxis axis;
  axis.key = j.value("key", "");
  if (axis.key.empty()) return specError(where, "an axis needs a 'key'");
  const std::string at = where + ": axis " + axis.key;
  for (const auto& [k, x] : j.items()) {
    if (k == "key") continue;
    if (k == "values") {
      if (!x.is_array() || x.empty()) return specError(at, "'values' must be a non-empty list");
      for (const auto& v : x) {
        if (!v.is_object()) {
          axis.values.push_back(scalarValue(axis.key, v));
          continue;
        }
        auto b = bundleValue(v, at);
        if (!b) return b.error();
        axis.values.push_back(*b);
      }
    } else if (k == "range" || k == "log" || k == "random") {
      auto numbers = generated(x, k, at);
      if (!numbers) return numbers.error();
      for (double v : *numbers) axis.values.push_back(scalarValue(axis.key, json(v)));
    } else {
      return specError(at, "unknown key '" + k + "' (expected values, range, log or random)");
    }
  }
  if (axis.values.empty()) return specError(at, "has no values");
  return axis;
}

json axisToJson(const SweepAxis& a) {
  json values = json::array();
  for (const auto& v : a.values) {
    json o = {{"name", v.name}, {"set", v.set}};
    if (!v.from.empty()) o["from"] = v.from;
    if (v.numeric) o["number"] = v.number;
    values.push_back(o);
  }
  return {{"key", a.key}, {"values", values}};
}

const std::set<std::string> kKeys = {"name", "data", "preset", "config", "set", "shared", "axes", "mode", "seeds",
                                     "repeats", "metric", "split", "baseline", "max_parallel", "threads_per_trial", "devices",
                                     "statistics", "folds"};

Status readScalars(SweepSpec& s, const json& j, const std::string& source) {
  s.name = j.value("name", s.name);
  s.data = j.value("data", s.data);
  s.preset = j.value("preset", s.preset);
  s.config = j.value("config", s.config);
  s.set = j.value("set", s.set);
  s.metric = j.value("metric", s.metric);
  s.split = j.value("split", s.split);
  s.baseline = j.value("baseline", s.baseline);
  s.maxParallel = j.value("max_parallel", s.maxParallel);
  s.threadsPerTrial = j.value("threads_per_trial", s.threadsPerTrial);
  s.devices = j.value("devices", s.devices);
  if (j.contains("statistics")) {
    const json& st = j["statistics"];
    if (!st.is_object()) return specError(source, "'statistics' must be an object ({\"test\": ..., \"correction\": ...})");
    s.paperConvention = st.value("convention", std::string("corrected")) == "paper";
    s.test = st.value("test", s.paperConvention ? std::string("t") : s.test);
    s.correction = st.value("correction", s.paperConvention ? std::string("none") : s.correction);
    if (!parsePairedTest(s.test)) return specError(source, "'statistics.test' is '" + s.test + "'; expected t or wilcoxon");
    if (!parseCorrection(s.correction))
      return specError(source, "'statistics.correction' is '" + s.correction + "'; expected holm, bonferroni or none");
  }
  const std::string mode = j.value("mode", "grid");
  if (mode != "grid" && mode != "one-at-a-time") return specError(source, "'mode' is '" + mode + "'; expected grid or one-at-a-time");
  s.mode = mode == "grid" ? SweepMode::Grid : SweepMode::OneAtATime;
  if (j.contains("seeds")) s.seeds = j["seeds"].get<std::vector<uint64_t>>();
  if (j.contains("folds")) {
    const json& f = j["folds"];
    s.folds.clear();
    if (f.is_number_integer() && f.get<int64_t>() >= 2 && f.get<int64_t>() <= 100)
      for (int k = 0; k < f.get<int>(); ++k) s.folds.push_back(k);
    else if (f.is_array())
      for (const auto& k : f) {
        if (!k.is_number_integer() || k.get<int64_t>() < 0 || k.get<int64_t>() > 999)
          return specError(source, "'folds' lists " + k.dump() + "; folds are numbered from 0");
        s.folds.push_back(k.get<int>());
      }
    else
      return specError(source, "'folds' must be a number of folds (2 to 100) or a list of fold numbers, not " + f.dump());
  }
  if (j.contains("repeats")) {
    // Bounded before anything is allocated: a typo must not exhaust memory.
    const json& r = j["repeats"];
    if (!r.is_number_integer() || r.get<int64_t>() < 1 || r.get<int64_t>() > int64_t(kMaxJobs))
      return specError(source, "'repeats' must be a whole number from 1 to " + std::to_string(kMaxJobs) + ", not " + r.dump());
    s.seeds.clear();
    for (int64_t i = 1; i <= r.get<int64_t>(); ++i) s.seeds.push_back(uint64_t(i));
  }
  if (s.seeds.empty()) return specError(source, "needs at least one seed");
  if (!findMetric(s.metric)) return specError(source, "'metric' is '" + s.metric + "', which is no metric column (docs/sweeps.md)");
  if (s.split != "test" && s.split != "val" && s.split != "all") return specError(source, "'split' must be test, val or all");
  if (s.maxParallel < 1) return specError(source, "'max_parallel' must be at least 1");
  return Status();
}

// A shared run's name is a folder name (shared/NAME) and a job id: letters, digits, _ . -,
// not "." or "..", and not shaped like a trial id (t000), which it would shadow.
Status checkSharedName(const std::string& name, const std::string& source) {
  const bool chars = !name.empty() && name.size() <= 64 &&
                     name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-") == std::string::npos;
  const bool trialLike = name.size() > 1 && name[0] == 't' && name.find_first_not_of("0123456789", 1) == std::string::npos;
  if (!chars || name == "." || name == ".." || trialLike)
    return specError(source, "shared run '" + name + "': a name is 1-64 of A-Z a-z 0-9 _ . - (a folder name), not . or .., "
                             "and not like a trial id (t000)");
  return Status();
}

// Names shown in tables, plots and the Slurm script: printable, one line.
bool printable(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

Status checkNames(const SweepSpec& s, const std::string& source) {
  if (!printable(s.name)) return specError(source, "'name' holds a control character (a line break?)");
  for (const auto& axis : s.axes)
    for (const auto& v : axis.values) {
      if (!printable(v.name)) return specError(source, "value '" + v.name + "' of axis '" + axis.key + "' holds a control character");
      const bool known = v.from.empty() || std::any_of(s.shared.begin(), s.shared.end(), [&](const SharedJob& j) { return j.name == v.from; });
      if (!known) return specError(source, "value '" + v.name + "' is 'from' '" + v.from + "', which is no shared run of the spec");
    }
  return Status();
}

}  // namespace

Result<SweepSpec> sweepSpecFromJson(const std::string& text, const std::string& source) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return specError(source, "is not a JSON object (a sweep spec)");
  for (const auto& [k, v] : j.items())
    if (!kKeys.count(k)) return specError(source, "unknown key '" + k + "' (docs/sweeps.md lists the keys)");
  SweepSpec s;
  try {
    if (auto st = readScalars(s, j, source); !st) return st.error();
    const json shared = j.value("shared", json::object());  // kept alive: items() refers into it
    for (const auto& [name, sets] : shared.items()) {
      if (auto st = checkSharedName(name, source); !st) return st.error();
      s.shared.push_back({name, sets.get<std::vector<std::string>>()});
    }
    const json axes = j.value("axes", json::array());
    for (const auto& a : axes) {
      auto axis = parseAxis(a, source);
      if (!axis) return axis.error();
      s.axes.push_back(*axis);
    }
    if (auto st = checkNames(s, source); !st) return st.error();
  } catch (const json::exception& e) {
    return specError(source, std::string("a value has the wrong type: ") + e.what());
  }
  return s;
}

Result<SweepSpec> loadSweepSpec(const std::string& file) {
  std::ifstream in(file);
  if (!in) return specError(file, "cannot open the sweep spec");
  std::stringstream ss;
  ss << in.rdbuf();
  return sweepSpecFromJson(ss.str(), file);
}

std::string toJson(const SweepSpec& s) {
  json shared = json::object();
  for (const auto& job : s.shared) shared[job.name] = job.set;
  json axes = json::array();
  for (const auto& a : s.axes) axes.push_back(axisToJson(a));
  const json j = {{"name", s.name}, {"data", s.data}, {"preset", s.preset}, {"config", s.config}, {"set", s.set},
                  {"shared", shared}, {"axes", axes}, {"mode", s.mode == SweepMode::Grid ? "grid" : "one-at-a-time"},
                  {"seeds", s.seeds}, {"folds", s.folds}, {"metric", s.metric}, {"split", s.split}, {"baseline", s.baseline},
                  {"max_parallel", s.maxParallel}, {"threads_per_trial", s.threadsPerTrial}, {"devices", s.devices},
                  {"statistics", {{"test", s.test}, {"correction", s.correction}, {"convention", s.paperConvention ? "paper" : "corrected"}}}};
  return j.dump(2) + "\n";
}

}  // namespace tiss
