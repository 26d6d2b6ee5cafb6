#include <QTest>

#include "tiss/metrics/statistics.h"

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
};

QTEST_APPLESS_MAIN(TestStatistics)
#include "test_statistics.moc"
