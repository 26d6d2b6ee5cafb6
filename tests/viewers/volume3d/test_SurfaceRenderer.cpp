// The 3D view under Xvfb: a mask becomes a smoothed surface in its colour at the centre of a
// front view; the slice planes show the image; rotating changes the picture; the view follows
// the shared cursor.
#include <QTest>

#include <thread>

#include <cmath>

#include "slice/CursorModel.h"
#include "test_support.h"
#include "volume3d/VolumeView3D.h"

using namespace tiss;
using namespace tiss::viewers;

namespace {

Volume sphere(long n, double radius) {
  auto v = testsupport::blank({n, n, n});
  for (long z = 0; z < n; ++z)
    for (long y = 0; y < n; ++y)
      for (long x = 0; x < n; ++x) {
        const double dx = double(x - n / 2), dy = double(y - n / 2), dz = double(z - n / 2);
        v.at(x, y, z) = dx * dx + dy * dy + dz * dz <= radius * radius ? 1.f : 0.f;
      }
  return v;
}

bool reddish(QRgb p) { return qRed(p) > 2 * qGreen(p) && qRed(p) > 2 * qBlue(p) && qRed(p) > 60; }

}  // namespace

class TestSurfaceRenderer : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void maskBecomesASurfaceInItsColour() {
    SurfaceRenderer r;
    QCOMPARE(r.addSurface("empty", testsupport::blank({10, 10, 10}), Qt::red), 0L);
    const long triangles = r.addSurface("truth", sphere(40, 10), QColor(255, 0, 0));
    QVERIFY2(triangles > 500, qPrintable(QString::number(triangles)));
    r.resetCamera();
    const QImage img = r.render(QSize(200, 160));
    QCOMPARE(img.size(), QSize(200, 160));
    QVERIFY2(reddish(img.pixel(100, 80)), qPrintable(QString::number(img.pixel(100, 80), 16)));
    // The corner is background.
    QVERIFY(!reddish(img.pixel(2, 2)));
    QCOMPARE(img.pixel(2, 2), qRgb(51, 56, 69));  // the background colour
  }

  void surfacesAreBuiltOffTheUiThread() {
    // Built on a worker (as the case page does), shown on the UI thread: the same surface.
    viewers::SurfaceMesh mesh;
    std::thread worker([&] { mesh = viewers::SurfaceRenderer::buildSurface(sphere(40, 10)); });
    worker.join();
    QVERIFY(mesh);
    SurfaceRenderer r;
    const long direct = r.addSurface("direct", sphere(40, 10), Qt::red);
    QCOMPARE(viewers::SurfaceRenderer::triangles(mesh), direct);
    QCOMPARE(r.addSurface("built", mesh, Qt::green), direct);
    QVERIFY(!viewers::SurfaceRenderer::buildSurface(testsupport::blank({10, 10, 10})));
  }

  void slicePlanesShowTheImageAndRotationChangesTheView() {
    SurfaceRenderer r;
    auto image = testsupport::blank({30, 30, 30});
    testsupport::fill(image, {{0, 0, 0}, {30, 30, 30}}, 100);
    r.setImage(image, WindowLevel{100, 50});  // 100 -> white
    r.resetCamera();
    const QImage front = r.render(QSize(160, 160));
    QVERIFY2(qGray(front.pixel(80, 80)) > 200, qPrintable(QString::number(qGray(front.pixel(80, 80)))));
    r.setSlicePlanesVisible(false);
    QCOMPARE(r.render(QSize(160, 160)).pixel(80, 80), qRgb(51, 56, 69));
    r.setSlicePlanesVisible(true);
    // A translucent surface elsewhere leaves the planes as they were.
    auto away = testsupport::blank({30, 30, 30});
    testsupport::fill(away, {{0, 0, 0}, {4, 4, 4}});
    r.addSurface("truth", away, QColor(255, 220, 0), 0.45);
    const QImage withSurface = r.render(QSize(160, 160));
    QVERIFY2(qGray(withSurface.pixel(80, 80)) > 200, qPrintable(QString::number(qGray(withSurface.pixel(80, 80)))));
    r.addSurface("fine", sphere(30, 6), QColor(0, 255, 0));
    const QImage before = r.render(QSize(160, 160));
    r.rotate(90, 0);
    QVERIFY(r.render(QSize(160, 160)) != before);
  }

  void viewFollowsTheSharedCursor() {
    CursorModel cursor;
    auto image = testsupport::blank({30, 30, 30});
    cursor.setGeometry(image.geometry);
    VolumeView3D view(&cursor);
    for (long x = 0; x < 30; ++x)
      for (long y = 0; y < 30; ++y) image.at(x, y, 25) = 100;  // one bright axial slice
    view.renderer().setImage(image, WindowLevel{100, 50});
    view.renderer().resetCamera();
    view.resize(160, 160);
    const QImage atCentre = view.grab().toImage();
    cursor.setCursor({15, 15, 25});  // the axial plane moves onto the bright slice
    const QImage atBright = view.grab().toImage();
    QVERIFY(atCentre != atBright);
  }
};

QTEST_MAIN(TestSurfaceRenderer)
#include "test_SurfaceRenderer.moc"
