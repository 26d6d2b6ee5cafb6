// Thumbnails for the data set browser: the right slice, the right size, a working disk cache.
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include "test_support.h"
#include "tiss/data/dataset.h"
#include "tiss/io/image_io.h"
#include "tiss/io/preview.h"
#include "tiss/data/thumbnail.h"

using namespace tiss;

class TestThumbnail : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  Dataset data_;
  QString cache() const { return dir_.path() + "/cache"; }

 private Q_SLOTS:
  void initTestCase() {
    testsupport::writePhantom(dir_.path() + "/data", PhantomLayout::Brats, 2, 11, {160, 120, 20});
    auto d = openDataset((dir_.path() + "/data").toStdString());
    QVERIFY(d.ok());
    data_ = *d;
  }

  void showsTheTumorsLargestSliceOfEveryImage() {
    const CaseFiles& c = data_.cases[0];
    auto t = makeThumbnails(data_, c, cache().toStdString());
    QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
    QVERIFY(!t->fromCache);
    auto label = readVolume(c.paths.at("seg"));
    QVERIFY(label.ok());
    QCOMPARE(t->slice, largestSlice(*label));
    QCOMPARE(t->files.size(), size_t(4));  // t1, t1ce, t2, flair; never the label
    QVERIFY(!t->files.count("seg"));
    // The head's box on that slice (+2 voxels), subsampled by a whole step to fit 96 pixels.
    auto flair = readVolume(c.paths.at("flair"));
    QVERIFY(flair.ok());
    long x0 = 1000, x1 = -1, y0 = 1000, y1 = -1;
    for (long y = 0; y < 120; ++y)
      for (long x = 0; x < 160; ++x)
        if (flair->at(x, y, t->slice) != 0.f) x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
    const long w = std::min(159L, x1 + 2) - std::max(0L, x0 - 2) + 1, h = std::min(119L, y1 + 2) - std::max(0L, y0 - 2) + 1;
    QVERIFY(w < 160);  // the phantom's head does not fill the field of view
    const long step = (std::max(w, h) + 95) / 96;
    const QImage png(QString::fromStdString(t->files.at("flair")));
    QCOMPARE(png.size(), QSize(int((w + step - 1) / step), int((h + step - 1) / step)));
    QCOMPARE(QImage(QString::fromStdString(t->files.at("t1"))).size(), png.size());
    // The percentile window spreads the brain over the grey range.
    int darkest = 255, brightest = 0;
    for (int y = 0; y < png.height(); ++y)
      for (int x = 0; x < png.width(); ++x) {
        darkest = std::min(darkest, qGray(png.pixel(x, y)));
        brightest = std::max(brightest, qGray(png.pixel(x, y)));
      }
    QCOMPARE(darkest, 0);
    QVERIFY(brightest > 200);
  }

  void secondRequestComesFromTheCacheUntilAFileChanges() {
    const CaseFiles& c = data_.cases[1];
    QVERIFY(makeThumbnails(data_, c, cache().toStdString()).ok());
    auto again = makeThumbnails(data_, c, cache().toStdString());
    QVERIFY(again.ok() && again->fromCache);
    // A file with a new modification time (rewritten) invalidates the entry.
    std::filesystem::last_write_time(c.paths.at("t1"), std::filesystem::file_time_type::clock::now() -
                                                           std::chrono::hours(1));
    auto changed = makeThumbnails(data_, c, cache().toStdString());
    QVERIFY(changed.ok() && !changed->fromCache);
  }

  void aCaseWithoutReadableImagesFailsNamingTheCase() {
    CaseFiles broken{"ghost", {{"t1", (dir_.path() + "/nope.nii.gz").toStdString()}}};
    auto t = makeThumbnails(data_, broken, cache().toStdString());
    QVERIFY(!t.ok());
    QCOMPARE(QString::fromStdString(t.error().file), QString("ghost"));
  }
};

QTEST_GUILESS_MAIN(TestThumbnail)
#include "test_thumbnail.moc"
