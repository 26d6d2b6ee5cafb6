#pragma once
/// Descriptive statistics and the paired t-test (Student's t from Boost.Math). The comparisons
/// result tables make (test, correction, interval, effect size) are in paired_comparison.h.
#include <cstddef>
#include <vector>

namespace tiss {

struct Summary {
  double mean = 0;
  double sd = 0;  ///< sample standard deviation (n - 1); 0 when n < 2
  size_t n = 0;
};
Summary summarize(const std::vector<double>& values);

/// q-th percentile (q in [0, 100]) with linear interpolation between order statistics
/// (numpy's default). 0 for an empty list.
double percentile(std::vector<double> values, double q);

struct TTest {
  double t = 0;
  double p = 1;  ///< two-sided
  int df = 0;
};
/// Paired two-sided Student t-test of a[i] - b[i]. Fewer than two pairs, or all differences
/// zero, give p = 1; a constant non-zero difference gives p = 0. Sizes must match (else p = 1).
TTest pairedTTest(const std::vector<double>& a, const std::vector<double>& b);

/// Two-sided p-value of Student's t distribution with `df` degrees of freedom (Boost.Math).
double studentTwoSidedP(double t, double df);

}  // namespace tiss
