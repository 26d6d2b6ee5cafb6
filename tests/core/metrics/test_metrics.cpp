#include <QTest>

#include <cmath>

#include "test_support.h"
#include "tiss/metrics/metrics.h"
#include "tiss/util/random.h"
#include "tiss/metrics/statistics.h"

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
    const auto d = surfaceDistances(a, b, SurfaceConvention::Medpy);
    QVERIFY2(std::abs(d.assdMm - assd) < 1e-4, (std::to_string(d.assdMm) + " vs " + std::to_string(assd)).c_str());
    QVERIFY2(std::abs(surfaceDistances(a, b, SurfaceConvention::Monai).hd95Mm - hd95) < 1e-4, "monai hd95");
    // The largest distance is the face-to-face offset: 2 voxels x 1.5 mm.
    QCOMPARE(*std::max_element(dab.begin(), dab.end()), 3.0);
    QVERIFY(std::abs(hd95 - 3.0) < 1e-9);
  }
  void conventionsOnAHandComputedCase() {
    // P: one voxel plate at x = 2 (6x6 voxels, 36 surface voxels, all 3 mm from G's plate);
    // G: the same plate at x = 5 plus one voxel at x = 15, 10 voxels from P's plate (1 mm spacing).
    // d(P->G): 36 x 3 mm. d(G->P): 36 x 3 mm and one 10 mm.
    auto p = blank({20, 8, 8}), g = blank({20, 8, 8});
    fill(p, Box{{2, 1, 1}, {1, 6, 6}});
    fill(g, Box{{5, 1, 1}, {1, 6, 6}});
    g.at(15, 3, 3) = 1;
    // d(G->P) of the lone voxel: to the nearest plate voxel (2, 3, 3): 13 mm.
    const double lone = 13.0;
    // PyMIC: ASSD pooled = (72 x 3 + 13) / 73; HD95 = max(sorted[int(0.95 n)]) per direction:
    // n = 36: index 34 -> 3; n = 37: index 35 -> 3 (the 13 mm voxel is index 36).
    auto pymic = surfaceDistances(p, g, SurfaceConvention::PyMIC);
    QVERIFY(std::abs(pymic.assdMm - (72 * 3 + lone) / 73) < 1e-5);
    QVERIFY(std::abs(pymic.hd95Mm - 3.0) < 1e-5);
    // medpy: ASSD = (3 + (36 x 3 + 13) / 37) / 2; HD95 = 95th percentile of the 73 pooled
    // values, linear: position 0.95 x 72 = 68.4 between two 3 mm values -> 3.
    auto medpy = surfaceDistances(p, g, SurfaceConvention::Medpy);
    QVERIFY(std::abs(medpy.assdMm - (3 + (36 * 3 + lone) / 37) / 2) < 1e-5);
    QVERIFY(std::abs(medpy.hd95Mm - 3.0) < 1e-5);
    // MONAI: ASSD pooled as PyMIC; HD95 = max of the directed linear percentiles:
    // d(G->P) sorted, position 0.95 x 36 = 34.2 between 3 (index 34) and 3 (index 35) -> 3.
    auto monai = surfaceDistances(p, g, SurfaceConvention::Monai);
    QVERIFY(std::abs(monai.assdMm - pymic.assdMm) < 1e-9);
    QVERIFY(std::abs(monai.hd95Mm - 3.0) < 1e-5);
    // Few surface voxels make the conventions' HD95 differ: 3 voxels of G, one far away.
    auto p2 = blank({20, 4, 4}), g2 = blank({20, 4, 4});
    p2.at(2, 1, 1) = 1;
    g2.at(2, 1, 1) = 1;
    g2.at(3, 1, 1) = 1;  // d = 1 to P
    g2.at(12, 1, 1) = 1; // d = 10 to P
    // d(P->G) = {0}; d(G->P) = {0, 1, 10}.
    // PyMIC: sorted[int(0.95 x 3) = 2] = 10. MONAI: position 1.9 -> 1 + 0.9 x 9 = 9.1.
    // medpy: pooled {0, 0, 1, 10}, position 2.85 -> 1 + 0.85 x 9 = 8.65.
    QVERIFY(std::abs(surfaceDistances(p2, g2, SurfaceConvention::PyMIC).hd95Mm - 10.0) < 1e-5);
    QVERIFY(std::abs(surfaceDistances(p2, g2, SurfaceConvention::Monai).hd95Mm - 9.1) < 1e-5);
    QVERIFY(std::abs(surfaceDistances(p2, g2, SurfaceConvention::Medpy).hd95Mm - 8.65) < 1e-5);
    // ASSD: pooled (0 + 0 + 1 + 10) / 4 = 2.75; medpy (0 + 11 / 3) / 2 = 1.8333.
    QVERIFY(std::abs(surfaceDistances(p2, g2, SurfaceConvention::PyMIC).assdMm - 2.75) < 1e-5);
    QVERIFY(std::abs(surfaceDistances(p2, g2, SurfaceConvention::Medpy).assdMm - 11.0 / 6) < 1e-5);
    QVERIFY(parseSurfaceConvention("monai").ok() && !parseSurfaceConvention("hd").ok());
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
  void globalScoresAreNotDilutedByPadding() {
    // A head (value 50..100) in a 24^3 background of 0; the synthesized image errs inside.
    auto ref = blank({24, 24, 24}), img = blank({24, 24, 24}), mask = blank({24, 24, 24});
    Rng rng(5);
    const Box head{{6, 6, 6}, {12, 12, 12}};
    fill(ref, head, 0.f);
    for (long z = 6; z < 18; ++z)
      for (long y = 6; y < 18; ++y)
        for (long x = 6; x < 18; ++x) {
          ref.at(x, y, z) = float(50 + rng.uniform(0, 50));
          img.at(x, y, z) = ref.at(x, y, z) + float(rng.normal() * 8);
        }
    fill(mask, Box{{10, 10, 10}, {3, 3, 3}});
    auto a = synthesisScores(img, ref, mask, 100.0);
    QVERIFY(a.ok());
    // The same volumes padded by 16 more background voxels on every side.
    auto pad = [](const Volume& v) {
      Volume out = blank({56, 56, 56});
      for (long z = 0; z < 24; ++z)
        for (long y = 0; y < 24; ++y)
          for (long x = 0; x < 24; ++x) out.at(x + 16, y + 16, z + 16) = v.at(x, y, z);
      return out;
    };
    auto b = synthesisScores(pad(img), pad(ref), pad(mask), 100.0);
    QVERIFY(b.ok());
    QVERIFY2(std::abs(a->psnrGlobalDb - b->psnrGlobalDb) < 1e-6, qPrintable(QString("%1 vs %2").arg(a->psnrGlobalDb).arg(b->psnrGlobalDb)));
    QVERIFY2(std::abs(a->ssimGlobal - b->ssimGlobal) < 1e-6, qPrintable(QString("%1 vs %2").arg(a->ssimGlobal).arg(b->ssimGlobal)));
    QVERIFY(std::abs(a->psnrLocalDb - b->psnrLocalDb) < 1e-6);
    // Over the whole image (the old definition) padding inflates PSNR: the trap avoided.
    QVERIFY(psnr(pad(img), pad(ref), 100.0) > psnr(img, ref, 100.0) + 3);
    // The head is what a reader expects: exactly the non-background voxels here.
    const Volume h = referenceHead(ref);
    QCOMPARE(std::count(h.voxels.begin(), h.voxels.end(), 1.f), long(12 * 12 * 12));
  }
  void brasynSsimMatchesAHandComputation() {
    // Small volumes, SSIM computed here the slow way: every voxel's Gaussian window summed
    // directly (sigma 1.5, radius 5, borders replicated), on percentile-clipped [0, 1] images.
    const Size3 n{12, 12, 12};
    auto ref = blank(n), img = blank(n), tumor = blank(n);
    Rng rng(9);
    for (long z = 2; z < 10; ++z)
      for (long y = 2; y < 10; ++y)
        for (long x = 2; x < 10; ++x) {
          ref.at(x, y, z) = float(100 + rng.uniform(0, 400));
          img.at(x, y, z) = std::max(1.f, ref.at(x, y, z) * 0.8f + float(rng.normal() * 40));
        }
    fill(tumor, Box{{4, 4, 4}, {3, 3, 3}});
    auto s = brasynScores(img, ref, tumor);
    QVERIFY(s.ok());
    // Percentile clip by hand: nearest rank over the strictly positive voxels.
    auto normalize = [](const Volume& v) {
      std::vector<float> pos;
      for (float x : v.voxels)
        if (x > 0) pos.push_back(x);
      std::sort(pos.begin(), pos.end());
      auto rank = [&](double q) { return pos[size_t(q / 100.0 * double(pos.size() - 1) + 0.5)]; };
      const float lo = rank(0.5), hi = rank(99.5);
      Volume out = v;
      for (auto& x : out.voxels) x = std::clamp((x - lo) / (hi - lo), 0.f, 1.f);
      return out;
    };
    const Volume x = normalize(img), y = normalize(ref);
    auto slowSsim = [&](const Volume& a, const Volume& b) {
      double w[11], sum = 0;
      for (int i = -5; i <= 5; ++i) sum += w[i + 5] = std::exp(-i * i / (2 * 1.5 * 1.5));
      for (double& v : w) v /= sum;
      const double c1 = 1e-4, c2 = 9e-4;
      double total = 0;
      auto clampAt = [&](const Volume& v, long i, long j, long k) {
        return double(v.at(std::clamp(i, 0L, n[0] - 1), std::clamp(j, 0L, n[1] - 1), std::clamp(k, 0L, n[2] - 1)));
      };
      for (long k = 0; k < n[2]; ++k)
        for (long j = 0; j < n[1]; ++j)
          for (long i = 0; i < n[0]; ++i) {
            double ma = 0, mb = 0, aa = 0, bb = 0, ab = 0;
            for (int dz = -5; dz <= 5; ++dz)
              for (int dy = -5; dy <= 5; ++dy)
                for (int dx = -5; dx <= 5; ++dx) {
                  const double wt = w[dx + 5] * w[dy + 5] * w[dz + 5];
                  const double va = clampAt(a, i + dx, j + dy, k + dz), vb = clampAt(b, i + dx, j + dy, k + dz);
                  ma += wt * va;
                  mb += wt * vb;
                  aa += wt * va * va;
                  bb += wt * vb * vb;
                  ab += wt * va * vb;
                }
            const double va = aa - ma * ma, vb = bb - mb * mb, cab = ab - ma * mb;
            total += ((2 * ma * mb + c1) * (2 * cab + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
          }
      return total / double(n[0] * n[1] * n[2]);
    };
    auto times = [](Volume v, const Volume& m, bool inside) {
      for (size_t i = 0; i < v.voxels.size(); ++i) v.voxels[i] *= float((m.voxels[i] > 0.5f) == inside);
      return v;
    };
    const double tumorSsim = slowSsim(times(x, tumor, true), times(y, tumor, true));
    Volume healthy = referenceHead(ref);
    for (size_t i = 0; i < healthy.voxels.size(); ++i) healthy.voxels[i] *= float(tumor.voxels[i] <= 0.5f);
    const double healthySsim = slowSsim(times(x, healthy, true), times(y, healthy, true));
    QVERIFY2(std::abs(s->ssimTumor - tumorSsim) < 1e-4, qPrintable(QString("%1 vs %2").arg(s->ssimTumor).arg(tumorSsim)));
    QVERIFY2(std::abs(s->ssimHealthy - healthySsim) < 1e-4, qPrintable(QString("%1 vs %2").arg(s->ssimHealthy).arg(healthySsim)));
    QVERIFY(s->ssimHealthy < 0.999 && s->ssimTumor < 0.999);
  }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "test_metrics.moc"
