#include <QTest>

#include <cmath>

#include "test_support.h"
#include "tiss/io/volume.h"

using namespace tiss;

class TestVolume : public QObject {
  Q_OBJECT
 private slots:
  void parsesPaperSizeNotation() {
    auto s = parseSizeDHW("16x128x96");
    QVERIFY(s.ok());
    QCOMPARE(*s, (Size3{96, 128, 16}));
    QCOMPARE(formatSizeDHW(*s), std::string("16x128x96"));
  }
  void rejectsMalformedSizes() {
    for (const char* bad : {"", "16x128", "16x0x96", "axbxc", "16x128x96x2", "-1x2x3", "16x128x"}) {
      auto s = parseSizeDHW(bad);
      QVERIFY2(!s.ok(), bad);
      QVERIFY(s.error().message.find("DxHxW") != std::string::npos);
    }
  }
  void boundingBoxFindsTheForeground() {
    auto v = testsupport::blank({10, 8, 6});
    testsupport::fill(v, Box{{2, 3, 1}, {4, 2, 3}});
    const Box b = boundingBox(v);
    QCOMPARE(b.begin, (Index3{2, 3, 1}));
    QCOMPARE(b.size, (Size3{4, 2, 3}));
    QVERIFY(boundingBox(testsupport::blank({4, 4, 4})).empty());
  }
  void cropKeepsPhysicalPositionsAndUncropRestores() {
    auto v = testsupport::blank({10, 8, 6}, {0.5, 0.5, 2.0});
    v.geometry.origin = {10, -5, 3};
    v.geometry.direction = {-1, 0, 0, 0, -1, 0, 0, 0, 1};
    for (size_t i = 0; i < v.voxels.size(); ++i) v.voxels[i] = float(i);
    const Box box{{2, 1, 3}, {5, 4, 2}};
    const Volume c = crop(v, box);
    QCOMPARE(c.at(0, 0, 0), v.at(2, 1, 3));
    QCOMPARE(c.at(4, 3, 1), v.at(6, 4, 4));
    const Vec3 p = c.geometry.indexToPhysical({0, 0, 0}), q = v.geometry.indexToPhysical({2, 1, 3});
    for (int a = 0; a < 3; ++a) QCOMPARE(p[a], q[a]);
    QCOMPARE(p[0], 10 - 2 * 0.5);  // direction flips x
    const Volume u = uncrop(c, box, v.geometry, -7.f);
    QCOMPARE(u.at(6, 4, 4), v.at(6, 4, 4));
    QCOMPARE(u.at(0, 0, 0), -7.f);
  }
  void geometryComparisonNamesTolerance() {
    Geometry a, b;
    a.size = b.size = {4, 4, 4};
    QVERIFY(a.sameAs(b));
    b.spacing[2] = 1.00001;
    QVERIFY(a.sameAs(b));
    b.spacing[2] = 1.1;
    QVERIFY(!a.sameAs(b));
  }

  // A file stored as (z, x, y) with x reversed: reoriented, every voxel keeps its physical place.
  void reorientationKeepsPhysicalPositions() {
    Geometry g;
    g.size = {3, 4, 5};
    g.spacing = {2.0, 0.5, 1.5};
    g.origin = {10, -20, 30};
    // index axis 0 -> physical z, axis 1 -> physical -x, axis 2 -> physical y
    g.direction = {0, -1, 0, 0, 0, 1, 1, 0, 0};
    Volume v(g);
    for (size_t i = 0; i < v.voxels.size(); ++i) v.voxels[i] = float(i);
    const Volume r = reorientToLps(v);
    QCOMPARE(r.size(), (Size3{4, 5, 3}));
    QCOMPARE(r.spacing(), (Vec3{0.5, 1.5, 2.0}));
    for (int k = 0; k < 9; ++k) QCOMPARE(r.geometry.direction[size_t(k)], k % 4 == 0 ? 1.0 : 0.0);
    QCOMPARE(obliquity(g), 0.0);
    for (long z = 0; z < 5; ++z)
      for (long y = 0; y < 4; ++y)
        for (long x = 0; x < 3; ++x) {
          const Vec3 p = g.indexToPhysical({double(x), double(y), double(z)});
          // Find the reoriented voxel at p.
          const long rx = std::lround((p[0] - r.geometry.origin[0]) / 0.5);
          const long ry = std::lround((p[1] - r.geometry.origin[1]) / 1.5);
          const long rz = std::lround((p[2] - r.geometry.origin[2]) / 2.0);
          QVERIFY(r.contains(rx, ry, rz));
          QCOMPARE(r.at(rx, ry, rz), v.at(x, y, z));
        }
  }

  void obliquityIsTheAngleToTheClosestAxis() {
    Geometry g;
    const double a = 10 * M_PI / 180;
    g.direction = {std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a), 0, 0, 0, 1};
    QVERIFY(std::abs(obliquity(g) - 10.0) < 1e-9);
  }
};

QTEST_APPLESS_MAIN(TestVolume)
#include "test_volume.moc"
