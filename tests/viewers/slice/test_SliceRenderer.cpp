#include <QTest>

#include "slice/SliceRenderer.h"
#include "test_support.h"

using namespace tiss;
using namespace tiss::viewers;

class TestSliceRenderer : public QObject {
  Q_OBJECT
 private slots:
  void windowLevelMapsKnownValues() {
    const WindowLevel wl{200, 100};  // 0..200 -> 0..255
    QCOMPARE(wl.grey(0), 0);
    QCOMPARE(wl.grey(100), 128);
    QCOMPARE(wl.grey(200), 255);
    QCOMPARE(wl.grey(-50), 0);
    QCOMPARE(wl.grey(1e6), 255);
    QCOMPARE(WindowLevel::fromRange(-1, 1).grey(0), 128);
  }
  void axialSliceShowsVoxelsAtTheirPlace() {
    auto v = testsupport::blank({4, 3, 2});
    v.at(3, 0, 1) = 200;  // right, top
    v.at(0, 2, 1) = 100;
    const QImage img = renderSlice(v, SliceAxis::Axial, 1, WindowLevel{200, 100});
    QCOMPARE(img.size(), QSize(4, 3));
    QCOMPARE(qGray(img.pixel(3, 0)), 255);
    QCOMPARE(qGray(img.pixel(0, 2)), 128);
    QCOMPARE(qGray(img.pixel(1, 1)), 0);
  }
  void coronalAndSagittalShowZUpwards() {
    auto v = testsupport::blank({4, 3, 5});
    v.at(1, 2, 4) = 200;  // top slice
    const QImage cor = renderSlice(v, SliceAxis::Coronal, 2, WindowLevel{200, 100});
    QCOMPARE(cor.size(), QSize(4, 5));
    QCOMPARE(qGray(cor.pixel(1, 0)), 255);
    const QImage sag = renderSlice(v, SliceAxis::Sagittal, 1, WindowLevel{200, 100});
    QCOMPARE(sag.size(), QSize(3, 5));
    QCOMPARE(qGray(sag.pixel(2, 0)), 255);
    QVERIFY(renderSlice(v, SliceAxis::Axial, 5, WindowLevel{}).isNull());
  }
  void automaticWindowIgnoresBackground() {
    auto v = testsupport::blank({10, 10, 10});
    for (long x = 0; x < 10; ++x) v.at(x, 5, 5) = float(100 + x);
    const WindowLevel wl = WindowLevel::fromPercentiles(v, 0, 100);
    QCOMPARE(wl.level, 104.5);
    QCOMPARE(wl.window, 9.0);
  }
  void presetsArePercentileRanges() {
    auto v = testsupport::blank({101, 1, 1});
    for (long x = 0; x < 101; ++x) v.at(x, 0, 0) = float(x + 1);  // 1..101
    const WindowLevel full = WindowLevel::fromPreset(v, WindowLevel::Preset::Full);
    QCOMPARE(full.level - full.window / 2, 1.0);
    QCOMPARE(full.level + full.window / 2, 101.0);
    const WindowLevel narrow = WindowLevel::fromPreset(v, WindowLevel::Preset::Narrow);
    QCOMPARE(narrow.level - narrow.window / 2, 6.0);   // 5th percentile
    QCOMPARE(narrow.level + narrow.window / 2, 96.0);  // 95th
  }
};

QTEST_APPLESS_MAIN(TestSliceRenderer)
#include "test_SliceRenderer.moc"
