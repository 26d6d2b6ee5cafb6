#include <QTest>

#include <cmath>

#include "test_support.h"
#include "tiss/metrics.h"
#include "tiss/random.h"
#include "tiss/statistics.h"

using namespace tiss;
using testsupport::blank;
using testsupport::fill;

namespace {

// Directed surface distances by brute force, an independent check of the distance maps.
std::vector<double> bruteDirected(const Volume& a, const Volume& b) {
  auto surfaceOf = [](const Volume& v) {
    std::vector<Index3> s;
    for (long z = 0; z < v.size()[2]; ++z)
      for (long y = 0; y < v.size()[1]; ++y)
        for (long x = 0; x < v.size()[0]; ++x) {
          if (v.at(x, y, z) <= 0.5f) continue;
          const long d[6][3] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
          for (const auto& n : d)
            if (!v.contains(x + n[0], y + n[1], z + n[2]) || v.at(x + n[0], y + n[1], z + n[2]) <= 0.5f) {
              s.push_back({x, y, z});
              break;
            }
        }
    return s;
  };
  const auto sa = surfaceOf(a), sb = surfaceOf(b);
  std::vector<double> out;
  for (const auto& p : sa) {
    double best = 1e30;
    for (const auto& q : sb) {
      double d2 = 0;
      for (int k = 0; k < 3; ++k) d2 += std::pow((p[k] - q[k]) * a.spacing()[k], 2);
      best = std::min(best, d2);
    }
    out.push_back(std::sqrt(best));
  }
  return out;
}

}  // namespace

class TestMetrics : public QObject {
  Q_OBJECT
 private slots:
  void diceOfKnownOverlap() {
    auto a = blank({10, 10, 10}), b = blank({10, 10, 10});
    fill(a, Box{{0, 0, 0}, {4, 5, 5}});  // 100 voxels
    fill(b, Box{{2, 0, 0}, {4, 5, 5}});  // 100 voxels, 50 shared
    QCOMPARE(dicePercent(a, b), 50.0);
    QCOMPARE(dicePercent(a, a), 100.0);
  }
  void platesOffsetByKVoxels() {
    // Two one-voxel plates k = 3 voxels apart along x at 0.8 mm: every surface voxel is
    // exactly 2.4 mm from the other plate.
    auto a = blank({12, 8, 8}, {0.8, 1.0, 2.0}), b = blank({12, 8, 8}, {0.8, 1.0, 2.0});
    fill(a, Box{{2, 1, 1}, {1, 6, 6}});
    fill(b, Box{{5, 1, 1}, {1, 6, 6}});
    const auto d = surfaceDistances(a, b);
    QVERIFY(std::abs(d.assdMm - 2.4) < 1e-5);
    QVERIFY(std::abs(d.hd95Mm - 2.4) < 1e-5);
  }
  void cubesOffsetByKVoxels() {
    // 6-voxel cubes offset by k = 2 voxels along z at 1.5 mm spacing, checked against a
    // brute-force search over every pair of surface voxels.
    auto a = blank({14, 14, 16}, {0.7, 0.7, 1.5}), b = blank({14, 14, 16}, {0.7, 0.7, 1.5});
    fill(a, Box{{4, 4, 4}, {6, 6, 6}});
    fill(b, Box{{4, 4, 6}, {6, 6, 6}});
    const auto dab = bruteDirected(a, b), dba = bruteDirected(b, a);
    const double assd = (summarize(dab).mean + summarize(dba).mean) / 2;
    const double hd95 = std::max(percentile(dab, 95), percentile(dba, 95));
    const auto d = surfaceDistances(a, b);
    QVERIFY2(std::abs(d.assdMm - assd) < 1e-4, (std::to_string(d.assdMm) + " vs " + std::to_string(assd)).c_str());
    QVERIFY2(std::abs(d.hd95Mm - hd95) < 1e-4, (std::to_string(d.hd95Mm) + " vs " + std::to_string(hd95)).c_str());
    // The largest distance is the face-to-face offset: 2 voxels x 1.5 mm.
    QCOMPARE(*std::max_element(dab.begin(), dab.end()), 3.0);
    QVERIFY(std::abs(hd95 - 3.0) < 1e-9);
  }
  void singleVoxels() {
    auto a = blank({9, 9, 9}, {0.5, 0.5, 0.5}), b = blank({9, 9, 9}, {0.5, 0.5, 0.5});
    a.at(1, 4, 4) = 1;
    b.at(1 + 3, 4 + 4, 4) = 1;  // 3-4-5 triangle: 5 voxels x 0.5 mm
    const auto d = surfaceDistances(a, b);
    QVERIFY(std::abs(d.assdMm - 2.5) < 1e-5);
    QVERIFY(std::abs(d.hd95Mm - 2.5) < 1e-5);
  }
  void emptyMasksFollowTheDocumentedConvention() {
    auto empty = blank({10, 20, 5}, {1, 1, 2}), some = blank({10, 20, 5}, {1, 1, 2});
    some.at(3, 3, 3) = 1;
    auto both = segmentationScores(empty, empty);
    QVERIFY(both.ok());
    QCOMPARE(both->dicePct, 100.0);
    QCOMPARE(both->assdMm, 0.0);
    QCOMPARE(both->hd95Mm, 0.0);
    const double diagonal = std::sqrt(100.0 + 400.0 + 100.0);
    for (auto r : {segmentationScores(empty, some), segmentationScores(some, empty)}) {
      QVERIFY(r.ok());
      QCOMPARE(r->dicePct, 0.0);
      QVERIFY(std::abs(r->assdMm - diagonal) < 1e-9);
      QVERIFY(std::abs(r->hd95Mm - diagonal) < 1e-9);
    }
  }
  void mismatchedGeometryIsAnError() {
    auto a = blank({4, 4, 4}), b = blank({4, 4, 4}, {1, 1, 3});
    QVERIFY(!segmentationScores(a, b).ok());
    QVERIFY(!synthesisScores(a, b, a).ok());
  }
  void psnrOfAKnownNoiseLevel() {
    // Uniform +-d noise has MSE d^2 / 3; with alternating +-d exactly d^2.
    auto ref = blank({16, 16, 8}), img = blank({16, 16, 8});
    for (size_t i = 0; i < ref.voxels.size(); ++i) {
      ref.voxels[i] = float(i % 50);
      img.voxels[i] = ref.voxels[i] + (i % 2 ? 0.5f : -0.5f);
    }
    // L = 49, MSE = 0.25: PSNR = 10 log10(49^2 / 0.25) = 39.8227 dB.
    QVERIFY(std::abs(psnr(img, ref, dataRange(ref)) - 10 * std::log10(49.0 * 49.0 / 0.25)) < 1e-9);
    QCOMPARE(psnr(ref, ref, 49), 100.0);
  }
  void ssimOfAnImageWithItselfIsOne() {
    auto ref = blank({20, 20, 10});
    Rng rng(3);
    for (auto& v : ref.voxels) v = float(rng.uniform(0, 100));
    QVERIFY(std::abs(ssim(ref, ref, 100) - 1.0) < 1e-6);
    auto dark = ref;
    for (auto& v : dark.voxels) v = v * 0.5f;
    const double s = ssim(dark, ref, 100);
    QVERIFY(s < 0.95 && s > 0);
    auto noisy = ref;
    for (auto& v : noisy.voxels) v += float(rng.normal() * 30);
    QVERIFY(ssim(noisy, ref, 100) < ssim(ref, ref, 100));
  }
  void localScoresUseTheTumorBox() {
    auto ref = blank({20, 20, 10}), img = blank({20, 20, 10}), mask = blank({20, 20, 10});
    for (size_t i = 0; i < ref.voxels.size(); ++i) ref.voxels[i] = img.voxels[i] = float(i % 7);
    fill(mask, Box{{5, 5, 2}, {4, 4, 3}});
    fill(img, Box{{5, 5, 2}, {4, 4, 3}}, 10.f);  // error only inside the tumor
    auto s = synthesisScores(img, ref, mask, 10.0);
    QVERIFY(s.ok());
    QVERIFY(s->psnrLocalDb < s->psnrGlobalDb);
    QVERIFY(s->ssimLocal < s->ssimGlobal);
    // MSE inside the box: mean of (10 - v)^2 over its voxels, computed here by hand.
    double se = 0;
    for (long z = 2; z < 5; ++z)
      for (long y = 5; y < 9; ++y)
        for (long x = 5; x < 9; ++x) se += std::pow(10.0 - ref.at(x, y, z), 2);
    QVERIFY(std::abs(s->psnrLocalDb - 10 * std::log10(100.0 / (se / 48))) < 1e-9);
  }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "test_metrics.moc"
