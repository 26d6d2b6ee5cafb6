#pragma once
/// Paired comparisons of two methods over the same cases, as a referee would have them: the
/// test (Student's paired t, the paper's; or Wilcoxon's signed-rank test with scipy's defaults),
/// a correction for multiple comparisons (Holm's step-down, Bonferroni, none), the 95 %
/// confidence interval of the mean difference, an effect size, and the smallest difference the
/// comparison could have detected (80 % power). Distributions from Boost.Math; the exact
/// Wilcoxon distribution is computed here.
#include <cstddef>
#include <string>
#include <vector>

#include "tiss/util/result.h"

namespace tiss {

enum class PairedTestKind { T, Wilcoxon };
enum class Correction { None, Holm, Bonferroni };

/// "t" / "wilcoxon"; "none" / "holm" / "bonferroni". Errors name the value and the choices.
Result<PairedTestKind> parsePairedTest(const std::string& name);
Result<Correction> parseCorrection(const std::string& name);
std::string toString(PairedTestKind kind);  ///< "t", "wilcoxon"
std::string toString(Correction c);         ///< "none", "holm", "bonferroni"
/// For people: "paired t-test", "Wilcoxon signed-rank test".
std::string testTitle(PairedTestKind kind);

struct WilcoxonResult {
  double statistic = 0;  ///< min(R+, R-) over the non-zero differences (scipy's two-sided statistic)
  double p = 1;          ///< two-sided
  size_t n = 0;          ///< non-zero differences
  bool exact = false;    ///< exact null distribution (else normal approximation)
};

/// Wilcoxon signed-rank test of the differences `d`, two-sided, as scipy.stats.wilcoxon with its
/// defaults (zero_method "wilcox": zeros dropped; no continuity correction): the exact
/// distribution of R+ when at most 50 differences, none zero and no ties among |d|; else the
/// normal approximation with the tie correction of the variance. No non-zero difference: p = 1.
WilcoxonResult wilcoxonSignedRank(const std::vector<double>& d);

/// P(R+ <= r) under H0 for n non-zero, untied differences (a dynamic program over the 2^n sign
/// patterns' rank sums). n up to 50.
double wilcoxonCdf(size_t n, long r);

/// p-values adjusted for the family `p` (same order): Holm's step-down (adjusted p_(i) =
/// max over j <= i of min(1, (m - j + 1) p_(j)), in ascending order of p), Bonferroni
/// (min(1, m p)) or none.
std::vector<double> adjustPValues(const std::vector<double>& p, Correction correction);

struct PairedComparison {
  size_t n = 0;             ///< pairs
  double meanDiff = 0;      ///< mean of a - b
  double sdDiff = 0;        ///< sample sd of a - b
  double ciLow = 0, ciHigh = 0;  ///< 95 % t interval of the mean difference (NaN when n < 2)
  double effect = 0;        ///< Cohen's d_z = mean / sd of the differences (NaN when sd = 0)
  PairedTestKind test = PairedTestKind::T;
  double statistic = 0;     ///< t, or Wilcoxon's min(R+, R-)
  double p = 1;             ///< raw, two-sided
  double pAdjusted = 1;     ///< after the family's correction (= p until adjusted)
  bool exact = false;       ///< Wilcoxon only: exact distribution
  /// The smallest |mean difference| a two-sided paired t-test at alpha = 0.05 detects with 80 %
  /// power for n pairs and the observed sd (noncentral t); infinite when n < 2.
  double minDetectable = 0;
};

/// Compares a[i] with b[i] (same cases, same order). Sizes must match (else n = 0, p = 1).
PairedComparison comparePaired(const std::vector<double>& a, const std::vector<double>& b, PairedTestKind test);

/// The smallest mean difference detectable with `power` by a two-sided paired t-test at
/// `alpha` over n pairs whose differences have standard deviation `sd`.
double minimumDetectableDifference(size_t n, double sd, double alpha = 0.05, double power = 0.8);

}  // namespace tiss
