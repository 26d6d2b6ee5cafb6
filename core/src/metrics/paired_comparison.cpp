#include "tiss/metrics/paired_comparison.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include "tiss/metrics/statistics.h"

namespace tiss {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Average ranks (1-based) of |d|, and whether any two tie.
std::vector<double> absoluteRanks(const std::vector<double>& d, bool* ties) {
  std::vector<size_t> order(d.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return std::abs(d[a]) < std::abs(d[b]); });
  std::vector<double> ranks(d.size());
  *ties = false;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && std::abs(d[order[j + 1]]) == std::abs(d[order[i]])) ++j;
    *ties = *ties || j > i;
    for (size_t k = i; k <= j; ++k) ranks[order[k]] = double(i + j + 2) / 2;
    i = j + 1;
  }
  return ranks;
}

// Sum over groups of tied |d| of t^3 - t (the variance's tie correction).
double tieSum(const std::vector<double>& ranks) {
  std::vector<double> r = ranks;
  std::sort(r.begin(), r.end());
  double sum = 0;
  for (size_t i = 0; i < r.size();) {
    size_t j = i;
    while (j + 1 < r.size() && r[j + 1] == r[i]) ++j;
    const double t = double(j - i + 1);
    sum += t * t * t - t;
    i = j + 1;
  }
  return sum;
}

}  // namespace

Result<PairedTestKind> parsePairedTest(const std::string& name) {
  if (name == "t") return PairedTestKind::T;
  if (name == "wilcoxon") return PairedTestKind::Wilcoxon;
  return makeError("--test", "'" + name + "' is not a test (t, wilcoxon)");
}

Result<Correction> parseCorrection(const std::string& name) {
  if (name == "none") return Correction::None;
  if (name == "holm") return Correction::Holm;
  if (name == "bonferroni") return Correction::Bonferroni;
  return makeError("--correction", "'" + name + "' is not a correction (holm, bonferroni, none)");
}

std::string toString(PairedTestKind kind) { return kind == PairedTestKind::T ? "t" : "wilcoxon"; }
std::string toString(Correction c) { return c == Correction::None ? "none" : c == Correction::Holm ? "holm" : "bonferroni"; }
std::string testTitle(PairedTestKind kind) { return kind == PairedTestKind::T ? "paired t-test" : "Wilcoxon signed-rank test"; }

double wilcoxonCdf(size_t n, long r) {
  const long total = long(n * (n + 1) / 2);
  if (r < 0) return 0;
  if (r >= total) return 1;
  // counts[s]: sign patterns of ranks 1..k whose positive ranks sum to s (as doubles: 2^50 fits).
  std::vector<double> counts(size_t(total) + 1, 0.0);
  counts[0] = 1;
  for (size_t k = 1; k <= n; ++k)
    for (long s = long(k * (k + 1) / 2); s >= long(k); --s) counts[size_t(s)] += counts[size_t(s) - k];
  double below = 0;
  for (long s = 0; s <= r; ++s) below += counts[size_t(s)];
  return below / std::ldexp(1.0, int(n));
}

WilcoxonResult wilcoxonSignedRank(const std::vector<double>& all) {
  WilcoxonResult w;
  std::vector<double> d;
  for (double x : all)
    if (x != 0) d.push_back(x);
  const bool zeros = d.size() != all.size();
  w.n = d.size();
  if (d.empty()) return w;
  bool ties = false;
  const std::vector<double> ranks = absoluteRanks(d, &ties);
  double plus = 0, minus = 0;
  for (size_t i = 0; i < d.size(); ++i) (d[i] > 0 ? plus : minus) += ranks[i];
  w.statistic = std::min(plus, minus);
  const double n = double(d.size());
  w.exact = all.size() <= 50 && !zeros && !ties;
  if (w.exact) {
    const long rPlus = std::lround(plus), total = long(d.size() * (d.size() + 1) / 2);
    if (rPlus == total / 2) {
      w.p = 1;  // the centre of the distribution (scipy's rule)
    } else {
      const double less = wilcoxonCdf(d.size(), rPlus), greater = 1 - wilcoxonCdf(d.size(), rPlus - 1);
      w.p = std::min(1.0, 2 * std::min(less, greater));
    }
    return w;
  }
  const double mean = n * (n + 1) / 4;
  const double variance = (n * (n + 1) * (2 * n + 1) - 0.5 * tieSum(ranks)) / 24;
  if (variance <= 0) return w;
  const double z = (w.statistic - mean) / std::sqrt(variance);
  w.p = std::min(1.0, 2 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::abs(z))));
  return w;
}

std::vector<double> adjustPValues(const std::vector<double>& p, Correction c) {
  const size_t m = p.size();
  std::vector<double> out(p);
  if (c == Correction::None || m == 0) return out;
  if (c == Correction::Bonferroni) {
    for (double& x : out) x = std::min(1.0, x * double(m));
    return out;
  }
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] < p[b]; });
  double running = 0;
  for (size_t i = 0; i < m; ++i) {
    running = std::max(running, std::min(1.0, double(m - i) * p[order[i]]));
    out[order[i]] = running;
  }
  return out;
}

double minimumDetectableDifference(size_t n, double sd, double alpha, double power) {
  if (n < 2) return std::numeric_limits<double>::infinity();
  if (!(sd > 0)) return 0;
  const double df = double(n) - 1, root = std::sqrt(double(n));
  const double critical = boost::math::quantile(boost::math::complement(boost::math::students_t(df), alpha / 2));
  auto powerAt = [&](double delta) {
    const boost::math::non_central_t shifted(df, delta * root / sd);
    return boost::math::cdf(boost::math::complement(shifted, critical)) + boost::math::cdf(shifted, -critical);
  };
  double lo = 0, hi = sd;
  while (powerAt(hi) < power && hi < 1e6 * sd) hi *= 2;
  for (int i = 0; i < 100 && hi - lo > 1e-10 * sd; ++i) {
    const double mid = (lo + hi) / 2;
    (powerAt(mid) < power ? lo : hi) = mid;
  }
  return hi;
}

PairedComparison comparePaired(const std::vector<double>& a, const std::vector<double>& b, PairedTestKind test) {
  PairedComparison c;
  c.test = test;
  c.ciLow = c.ciHigh = c.effect = kNaN;
  if (a.size() != b.size() || a.empty()) return c;
  std::vector<double> d(a.size());
  for (size_t i = 0; i < a.size(); ++i) d[i] = a[i] - b[i];
  const Summary s = summarize(d);
  c.n = d.size();
  c.meanDiff = s.mean;
  c.sdDiff = s.sd;
  if (c.n >= 2) {
    const double half = boost::math::quantile(boost::math::complement(boost::math::students_t(double(c.n) - 1), 0.025)) * s.sd /
                        std::sqrt(double(c.n));
    c.ciLow = s.mean - half;
    c.ciHigh = s.mean + half;
  }
  if (s.sd > 0) c.effect = s.mean / s.sd;
  c.minDetectable = minimumDetectableDifference(c.n, s.sd);
  if (test == PairedTestKind::T) {
    const TTest t = pairedTTest(a, b);
    c.statistic = t.t;
    c.p = t.p;
  } else {
    const WilcoxonResult w = wilcoxonSignedRank(d);
    c.statistic = w.statistic;
    c.p = w.p;
    c.exact = w.exact;
  }
  c.pAdjusted = c.p;
  return c;
}

}  // namespace tiss
