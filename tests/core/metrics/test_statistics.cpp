#include <QTest>

#include "tiss/metrics/paired_comparison.h"
#include "tiss/metrics/statistics.h"

#include <cmath>

using namespace tiss;

class TestStatistics : public QObject {
  Q_OBJECT
 private slots:
  void meanAndSampleSd() {
    const Summary s = summarize({2, 4, 4, 4, 5, 5, 7, 9});
    QCOMPARE(s.mean, 5.0);
    QVERIFY(std::abs(s.sd - 2.138089935) < 1e-8);  // sqrt(32 / 7)
    QCOMPARE(summarize({3}).sd, 0.0);
  }
  void percentileInterpolatesLikeNumpy() {
    QCOMPARE(percentile({1, 2, 3, 4}, 50), 2.5);
    QVERIFY(std::abs(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 95) - 9.55) < 1e-12);
    QCOMPARE(percentile({}, 95), 0.0);
  }
  void studentDistributionKnownValues() {
    // t = 2.228139 is the two-sided 5 % critical value for 10 degrees of freedom.
    QVERIFY(std::abs(studentTwoSidedP(2.228139, 10) - 0.05) < 1e-6);
    // df = 1 is the Cauchy distribution: p = 1 - 2 atan(t) / pi.
    QVERIFY(std::abs(studentTwoSidedP(3.0, 1) - (1 - 2 * std::atan(3.0) / M_PI)) < 1e-10);
    QCOMPARE(studentTwoSidedP(0, 5), 1.0);
  }
  void pairedTTestByHand() {
    // Differences 1, 2, 3, 4, 6: mean 3.2, sd 1.923538, t = 3.2 / (1.923538 / sqrt 5) = 3.719924;
    // two-sided p for 4 df = 0.020476 (t table / independent integration).
    const TTest r = pairedTTest({11, 12, 13, 14, 16}, {10, 10, 10, 10, 10});
    QCOMPARE(r.df, 4);
    QVERIFY(std::abs(r.t - 3.719924) < 1e-5);
    QVERIFY2(std::abs(r.p - 0.020476) < 1e-5, std::to_string(r.p).c_str());
    QVERIFY(std::abs(pairedTTest({10, 10, 10, 10, 10}, {11, 12, 13, 14, 16}).t + r.t) < 1e-12);
  }
  void degenerateSamples() {
    QCOMPARE(pairedTTest({1, 2, 3}, {1, 2, 3}).p, 1.0);
    QCOMPARE(pairedTTest({2, 3, 4}, {1, 2, 3}).p, 0.0);
    QCOMPARE(pairedTTest({1}, {2}).p, 1.0);
    QCOMPARE(pairedTTest({1, 2}, {1}).p, 1.0);
  }

  // Reference values from scipy 1.10 (scipy.stats.wilcoxon with its defaults, ttest_rel,
  // t.interval, nct), written here so the test needs no Python.
  void wilcoxonExactWithoutTiesOrZeros() {
    auto w = wilcoxonSignedRank({1.5, -0.3, 2.1, 0.7, -1.2, 3.3, 0.9, 2.8});
    QVERIFY(w.exact);
    QCOMPARE(w.statistic, 5.0);
    QVERIFY2(std::abs(w.p - 0.078125) < 1e-12, std::to_string(w.p).c_str());
    w = wilcoxonSignedRank({-1.5, -0.3, -2.1, -0.7, -1.2, -3.3, -0.9, -2.8});
    QCOMPARE(w.statistic, 0.0);
    QVERIFY(std::abs(w.p - 0.0078125) < 1e-12);  // 2 / 2^8
    QVERIFY(std::abs(wilcoxonCdf(10, 8) - 0.0244140625) < 1e-15);
    QCOMPARE(wilcoxonCdf(10, 55), 1.0);
    // The centre of the distribution: p = 1 (R+ = 1 of 3 for n = 2).
    QCOMPARE(wilcoxonSignedRank({1, -2}).p, 1.0);
  }
  void wilcoxonNormalApproximation() {
    // Ties among |d|: the normal approximation with the tie-corrected variance.
    auto w = wilcoxonSignedRank({1, 1, -2, 3, 3, 3, -1, 4, 5, 2});
    QVERIFY(!w.exact);
    QCOMPARE(w.statistic, 6.5);
    QVERIFY2(std::abs(w.p - 0.03130779790854022) < 1e-12, std::to_string(w.p).c_str());
    // Zeros are dropped (zero_method "wilcox"), and the approximation is used.
    w = wilcoxonSignedRank({0, 1.2, -0.4, 0, 2.2, 3.1, 0.8});
    QVERIFY(!w.exact);
    QCOMPARE(w.n, size_t(5));
    QCOMPARE(w.statistic, 1.0);
    QVERIFY2(std::abs(w.p - 0.07961580146011343) < 1e-12, std::to_string(w.p).c_str());
    // More than 50 differences: the approximation.
    const std::vector<double> d60 = {0.645584, 1.121618, 0.630437, -1.003157, 1.205356, 0.746375, -0.236953, 0.881118, 0.664572,
        0.594132, 0.328422, 0.846713, -0.436454, 0.13709, -0.182119, 0.898846, 0.339722, 0.007543, -0.481908, 0.042808, 0.308142,
        0.024397, 1.594064, 1.306724, -2.411162, -1.589013, 0.125228, -0.12219, 0.513643, 0.517322, 2.417839, -0.812021, -0.077605,
        2.342772, 0.946703, 0.963063, -0.214006, -1.348075, 0.467465, 0.409014, -0.927352, -0.383227, 0.227956, -0.644752, 0.20173,
        0.395483, 0.335586, -0.206292, 0.893748, 1.191167, 0.620848, -0.51823, 1.031652, -0.20144, 1.179161, -0.771787, 1.214467,
        0.279937, -0.948749, -0.013899};
    w = wilcoxonSignedRank(d60);
    QVERIFY(!w.exact);
    QCOMPARE(w.statistic, 585.0);
    QVERIFY2(std::abs(w.p - 0.015126799117971637) < 1e-12, std::to_string(w.p).c_str());
    QCOMPARE(wilcoxonSignedRank({0, 0, 0}).p, 1.0);
  }
  void corrections() {
    const std::vector<double> p = {0.01, 0.04, 0.03, 0.005};
    // Holm by hand: sorted 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 -> 0.06 (monotone).
    const auto holm = adjustPValues(p, Correction::Holm);
    const std::vector<double> expected = {0.03, 0.06, 0.06, 0.02};
    for (size_t i = 0; i < p.size(); ++i) QVERIFY2(std::abs(holm[i] - expected[i]) < 1e-15, std::to_string(holm[i]).c_str());
    const auto bonferroni = adjustPValues(p, Correction::Bonferroni);
    const std::vector<double> b = {0.04, 0.16, 0.12, 0.02};
    for (size_t i = 0; i < p.size(); ++i) QVERIFY(std::abs(bonferroni[i] - b[i]) < 1e-15);
    QCOMPARE(adjustPValues({0.6, 0.5}, Correction::Bonferroni), (std::vector<double>{1.0, 1.0}));
    QCOMPARE(adjustPValues(p, Correction::None), p);
    QCOMPARE(adjustPValues({0.02}, Correction::Holm), (std::vector<double>{0.02}));
  }
  void pairedComparisonIntervalEffectAndPower() {
    const std::vector<double> a = {81.2, 79.5, 85.1, 77.0, 90.2}, b = {80.1, 78.9, 83.0, 77.5, 88.0};
    const auto c = comparePaired(a, b, PairedTestKind::T);
    QCOMPARE(c.n, size_t(5));
    QVERIFY(std::abs(c.meanDiff - 1.1) < 1e-12);
    QVERIFY(std::abs(c.statistic - 2.195613156153448) < 1e-9);
    QVERIFY2(std::abs(c.p - 0.09310704966931213) < 1e-10, std::to_string(c.p).c_str());
    QVERIFY(std::abs(c.ciLow + 0.2909962267980388) < 1e-9 && std::abs(c.ciHigh - 2.490996226798039) < 1e-9);
    QVERIFY(std::abs(c.effect - 0.9819080538903938) < 1e-9);
    const auto w = comparePaired(a, b, PairedTestKind::Wilcoxon);
    QVERIFY(w.exact);
    QCOMPARE(w.statistic, 1.0);  // ranks of |d| = 1.1, 0.6, 2.1, 0.5, 2.2: R- = 1
    QVERIFY(std::abs(w.p - 0.125) < 1e-12);  // 2 x 2 / 32
    // The smallest difference detectable at 80 % power (scipy: brentq over nct's power).
    QVERIFY2(std::abs(minimumDetectableDifference(3, 2.0) - 6.528087099628393) < 1e-6,
             std::to_string(minimumDetectableDifference(3, 2.0)).c_str());
    QVERIFY(std::abs(minimumDetectableDifference(10, 1.0) - 0.9960013714362282) < 1e-6);
    QVERIFY(std::abs(minimumDetectableDifference(37, 5.0) - 2.366642809248036) < 1e-6);
    QVERIFY(std::isinf(minimumDetectableDifference(1, 1.0)));
  }
  void parsingNamesTheChoices() {
    QVERIFY(parsePairedTest("wilcoxon").ok() && !parsePairedTest("mann-whitney").ok());
    QVERIFY(parsePairedTest("x").error().message.find("t, wilcoxon") != std::string::npos);
    QVERIFY(parseCorrection("holm").ok() && !parseCorrection("fdr").ok());
  }
};

QTEST_APPLESS_MAIN(TestStatistics)
#include "test_statistics.moc"
