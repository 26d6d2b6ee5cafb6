// Composed slices, pixel by pixel: grey levels through a window/level, overlay colour and
// opacity, contours, probability maps.
#include <QTest>

#include "slice/SliceLayers.h"
#include "test_support.h"

using namespace tiss;
using namespace tiss::viewers;

namespace {
std::shared_ptr<const Volume> shared(Volume v) { return std::make_shared<const Volume>(std::move(v)); }
}  // namespace

class TestSliceLayers : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void baseGreyLevelsFollowTheWindow() {
    auto v = testsupport::blank({8, 6, 3});
    v.at(2, 1, 1) = 100;  // level: mid grey
    v.at(3, 1, 1) = 300;  // above the window: white
    SliceLayers l;
    l.base = {shared(v), WindowLevel{200, 100}, ColorMap::Grey, "t1"};
    const QImage img = composeSlice(l, SliceAxis::Axial, 1);
    QCOMPARE(img.size(), QSize(8, 6));
    QCOMPARE(img.pixel(2, 1), qRgb(128, 128, 128));
    QCOMPARE(img.pixel(3, 1), qRgb(255, 255, 255));
    QCOMPARE(img.pixel(0, 0), qRgb(0, 0, 0));
  }

  void filledOverlayBlendsItsColourAtItsOpacity() {
    auto v = testsupport::blank({8, 6, 3});
    testsupport::fill(v, {{0, 0, 0}, {8, 6, 3}}, 100);  // grey 128 everywhere
    auto m = testsupport::blank({8, 6, 3});
    m.at(4, 2, 1) = 1;
    SliceLayers l;
    l.base = {shared(v), WindowLevel{200, 100}, ColorMap::Grey, "t1"};
    l.labels.push_back({shared(m), QColor(255, 0, 0), 0.5, false, "seg"});
    const QImage img = composeSlice(l, SliceAxis::Axial, 1);
    // 0.5 * 128 + 0.5 * (255, 0, 0), rounded
    QCOMPARE(img.pixel(4, 2), qRgb(192, 64, 64));
    QCOMPARE(img.pixel(5, 2), qRgb(128, 128, 128));
    l.labels[0].opacity = 1;
    QCOMPARE(composeSlice(l, SliceAxis::Axial, 1).pixel(4, 2), qRgb(255, 0, 0));
  }

  void contourColoursOnlyTheEdge() {
    auto v = testsupport::blank({9, 9, 1});
    auto m = testsupport::blank({9, 9, 1});
    testsupport::fill(m, {{2, 2, 0}, {5, 5, 1}});  // 5x5 square
    SliceLayers l;
    l.base = {shared(v), WindowLevel{1, 0.5}, ColorMap::Grey, "t1"};
    l.labels.push_back({shared(m), QColor(0, 255, 0), 1.0, true, "seg"});
    const QImage img = composeSlice(l, SliceAxis::Axial, 0);
    QCOMPARE(img.pixel(2, 4), qRgb(0, 255, 0));  // left edge
    QCOMPARE(img.pixel(6, 6), qRgb(0, 255, 0));  // corner
    QCOMPARE(img.pixel(4, 4), qRgb(0, 0, 0));    // inside: untouched
    QCOMPARE(img.pixel(1, 4), qRgb(0, 0, 0));    // outside
  }

  void probabilityMapUsesItsColourMapAboveTheThreshold() {
    auto v = testsupport::blank({4, 4, 1});
    auto p = testsupport::blank({4, 4, 1});
    p.at(1, 1, 0) = 1.0f;
    p.at(2, 1, 0) = 0.01f;  // under the threshold
    SliceLayers l;
    l.base = {shared(v), WindowLevel{1, 0.5}, ColorMap::Grey, "t1"};
    l.probabilities.push_back({shared(p), ColorMap::Viridis, 1.0, 0.05, "yf"});
    const QImage img = composeSlice(l, SliceAxis::Axial, 0);
    QCOMPARE(img.pixel(1, 1), colorTable(ColorMap::Viridis)[255]);
    QCOMPARE(img.pixel(1, 1), qRgb(253, 231, 37));
    QCOMPARE(img.pixel(2, 1), qRgb(0, 0, 0));
  }

  void differentSizedOverlaysAreSkippedAndOutOfRangeSlicesAreNull() {
    SliceLayers l;
    l.base = {shared(testsupport::blank({4, 4, 2})), WindowLevel{}, ColorMap::Grey, "t1"};
    auto big = testsupport::blank({5, 4, 2});
    testsupport::fill(big, {{0, 0, 0}, {5, 4, 2}});
    l.labels.push_back({shared(big), Qt::red, 1.0, false, "seg"});
    QCOMPARE(composeSlice(l, SliceAxis::Axial, 0).pixel(0, 0), qRgb(0, 0, 0));
    QVERIFY(composeSlice(l, SliceAxis::Axial, 2).isNull());
  }

  void colourBarRunsFromHighAtTheTop() {
    const QImage bar = colorBar(ColorMap::Hot, 4, 100);
    QCOMPARE(bar.pixel(0, 0), colorTable(ColorMap::Hot)[255]);
    QCOMPARE(bar.pixel(3, 99), colorTable(ColorMap::Hot)[0]);
  }
};

QTEST_MAIN(TestSliceLayers)
#include "test_SliceLayers.moc"
