// Linked panels: a click in one panel moves the cursor of all; anisotropic voxels keep their
// physical aspect on screen; the mask layout's Dice matches a hand count; window/level by drag;
// layouts round-trip through JSON.
#include <QJsonDocument>
#include <QTest>

#include "layout/ComparisonView.h"
#include "test_support.h"

using namespace tiss;
using namespace tiss::viewers;

namespace {

std::shared_ptr<const CaseImages> caseOf(std::map<QString, Volume> volumes) {
  auto c = std::make_shared<CaseImages>();
  c->caseId = "case";
  c->geometry = volumes.begin()->second.geometry;
  for (auto& [k, v] : volumes) c->volumes[k] = std::make_shared<const Volume>(std::move(v));
  return c;
}

Volume ramp(const Size3& size, const Vec3& spacing) {
  auto v = testsupport::blank(size, spacing);
  for (size_t i = 0; i < v.voxels.size(); ++i) v.voxels[i] = float(i % 97);
  return v;
}

}  // namespace

class TestComparisonView : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void clickInOnePanelMovesTheCursorOfAll() {
    ComparisonView view;
    const auto images = caseOf({{"t1", ramp({40, 30, 20}, {1, 1, 1})}, {"t2", ramp({40, 30, 20}, {1, 1, 1})}});
    view.display(images, gridLayout({"t1", "t2"}, {}, {}));
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.panels().size(), size_t(2));
    SliceView* left = view.panels()[0];
    SliceView* right = view.panels()[1];
    const Index3 target{7, 21, view.cursor()->cursor()[2]};
    QTest::mouseClick(left, Qt::LeftButton, {}, left->pointOf(target).toPoint());
    QCOMPARE(view.cursor()->cursor(), target);
    // The other panel's crosshair sits on the same voxel.
    QCOMPARE(right->voxelAt(right->pointOf(target)), std::optional<Index3>(target));
    QVERIFY(view.readout().contains("(7, 21,"));
    // Wheel in the right panel changes the slice everywhere.
    const long z = view.cursor()->cursor()[2];
    QWheelEvent wheel(right->rect().center(), right->mapToGlobal(right->rect().center()), {}, {0, 120}, Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(right, &wheel);
    QCOMPARE(view.cursor()->cursor()[2], z + 1);
    QTest::keyClick(left, Qt::Key_Down);
    QCOMPARE(view.cursor()->cursor()[2], z);
  }

  void anisotropicVoxelsKeepTheirPhysicalAspect() {
    ComparisonView view;
    // 0.4 x 0.4 x 1.5 mm, as a vestibular schwannoma T2.
    view.display(caseOf({{"t2", ramp({100, 80, 20}, {0.4, 0.4, 1.5})}}), gridLayout({"t2"}, {}, {}), SliceAxis::Coronal);
    view.resize(600, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRectF r = view.panels()[0]->imageRect();
    // Coronal: x across (100 x 0.4 = 40 mm), z up (20 x 1.5 = 30 mm).
    QVERIFY2(std::abs(r.width() / r.height() - 40.0 / 30.0) < 0.01, qPrintable(QString::number(r.width() / r.height())));
    view.setAxis(SliceAxis::Axial);
    const QRectF a = view.panels()[0]->imageRect();
    QVERIFY(std::abs(a.width() / a.height() - 40.0 / 32.0) < 0.01);
  }

  void maskLayoutGivesDiceOnSliceAndVolume() {
    auto bg = ramp({20, 20, 10}, {1, 1, 1});
    auto truth = testsupport::blank({20, 20, 10}, {1, 1, 1});
    testsupport::fill(truth, {{4, 4, 2}, {8, 8, 4}});  // 256 voxels
    auto fine = testsupport::blank({20, 20, 10}, {1, 1, 1});
    testsupport::fill(fine, {{8, 4, 2}, {8, 8, 4}});  // half overlaps: Dice 50 %
    auto coarse = truth;
    ComparisonView view;
    view.display(caseOf({{"t1", bg}, {"seg", truth}, {"yc", coarse}, {"yf", fine}}), maskLayout("t1", "seg", "yc", "yf"));
    view.cursor()->setCursor({5, 5, 3});
    QCOMPARE(view.volumeDice(1), 100.0);
    QCOMPARE(view.volumeDice(2), 50.0);
    QCOMPARE(sliceDice(fine, truth, SliceAxis::Axial, 3), 50.0);
    QVERIFY2(view.panels()[2]->caption().contains("50.0"), qPrintable(view.panels()[2]->caption()));
    view.cursor()->setCursor({5, 5, 8});  // no tumor on this slice
    QVERIFY(view.panels()[2]->caption().startsWith("Dice –"));
    // The ground-truth overlay is yellow, the fine one green, as the paper's figures.
    QCOMPARE(view.panels()[0]->layers().labels[0].colour, groundTruthColour());
    QCOMPARE(view.panels()[2]->layers().labels[0].colour, fineColour());
  }

  void rightDragChangesTheWindow() {
    ComparisonView view;
    view.display(caseOf({{"t1", ramp({40, 30, 20}, {1, 1, 1})}}), gridLayout({"t1"}, {}, {}));
    view.resize(400, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    SliceView* panel = view.panels()[0];
    const WindowLevel before = panel->layers().base.windowLevel;
    const QPoint start = panel->rect().center();
    QTest::mousePress(panel, Qt::RightButton, {}, start);
    QMouseEvent move(QEvent::MouseMove, start + QPoint(40, 0), panel->mapToGlobal(start + QPoint(40, 0)), Qt::NoButton,
                     Qt::RightButton, Qt::NoModifier);
    QApplication::sendEvent(panel, &move);
    QTest::mouseRelease(panel, Qt::RightButton, {}, start + QPoint(40, 0));
    QVERIFY(panel->layers().base.windowLevel.window > before.window);
    QCOMPARE(panel->layers().base.windowLevel.level, before.level);
  }

  void layoutsRoundTripThroughJson() {
    const LayoutSpec l = maskLayout("t1", "seg", "run/yc", "run/yf");
    const LayoutSpec back = layoutFromJson(QJsonDocument::fromJson(QJsonDocument(toJson(l)).toJson()).object());
    QCOMPARE(back.panels.size(), l.panels.size());
    QCOMPARE(back.panels[2].overlays[0].key, QString("run/yf"));
    QCOMPARE(back.panels[2].overlays[0].colour, fineColour());
    QCOMPARE(back.panels[1].diceAgainst, QString("seg"));
    QCOMPARE(back.keys(), l.keys());
  }
};

QTEST_MAIN(TestComparisonView)
#include "test_ComparisonView.moc"
