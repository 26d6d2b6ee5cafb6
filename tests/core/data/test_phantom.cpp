#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <set>

#include "test_support.h"
#include "tiss/data/dataset.h"
#include "tiss/io/image_io.h"
#include "tiss/data/phantom.h"

using namespace tiss;

namespace {

QByteArray hashOfFolder(const QString& dir) {
  QCryptographicHash h(QCryptographicHash::Sha256);
  QDir d(dir);
  for (const QString& sub : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
    for (const QString& f : QDir(d.filePath(sub)).entryList(QDir::Files, QDir::Name)) {
      QFile file(d.filePath(sub + "/" + f));
      if (file.open(QIODevice::ReadOnly)) h.addData(file.readAll());
    }
  return h.result();
}

double meanWhere(const Volume& image, const Volume& seg, bool (*keep)(float)) {
  double sum = 0;
  long n = 0;
  for (size_t i = 0; i < image.voxels.size(); ++i)
    if (keep(seg.voxels[i])) {
      sum += image.voxels[i];
      ++n;
    }
  return n ? sum / double(n) : 0;
}

}  // namespace

class TestPhantom : public QObject {
  Q_OBJECT
 private slots:
  void sameSeedSameBytes() {
    QTemporaryDir a, b, c;
    testsupport::writePhantom(a.path(), PhantomLayout::Brats, 2, 11);
    testsupport::writePhantom(b.path(), PhantomLayout::Brats, 2, 11);
    testsupport::writePhantom(c.path(), PhantomLayout::Brats, 2, 12);
    QCOMPARE(hashOfFolder(a.path()), hashOfFolder(b.path()));
    QVERIFY(hashOfFolder(a.path()) != hashOfFolder(c.path()));
  }
  void bratsLayoutIsDetectedAsIs() {
    QTemporaryDir dir;
    testsupport::writePhantom(dir.path(), PhantomLayout::Brats, 3);
    for (const char* m : {"t1", "t1ce", "t2", "flair", "seg"})
      QVERIFY(QFile::exists(dir.path() + QString("/BraTS20_Phantom_002/BraTS20_Phantom_002_%1.nii.gz").arg(m)));
    QVERIFY(!QFile::exists(dir.path() + "/manifest.json"));
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(d.ok());
    QCOMPARE(d->manifest.layout, std::string("brats"));
    QVERIFY(d->splitSaved);
  }
  void tumorIsClearInTheTargetAndFaintInTheSources() {
    const PhantomCase c = makePhantomCase(PhantomLayout::Brats, {64, 64, 32}, 3, 0);
    const Volume& seg = c.volumes.back().second;
    QCOMPARE(c.volumes.back().first, std::string("seg"));
    auto edema = [](float v) { return v == 2.f; };
    // Contrast of the edema against healthy brain (non-zero voxels outside the tumor),
    // relative to healthy brain: FLAIR must show it several times more strongly than any source.
    auto contrast = [&](size_t m) {
      const Volume& img = c.volumes[m].second;
      double healthy = 0;
      long n = 0;
      for (size_t i = 0; i < img.voxels.size(); ++i)
        if (img.voxels[i] > 0 && seg.voxels[i] == 0) {
          healthy += img.voxels[i];
          ++n;
        }
      healthy /= double(n);
      return std::abs(meanWhere(img, seg, edema) - healthy) / healthy;
    };
    const double flair = contrast(3);
    QCOMPARE(c.volumes[3].first, std::string("flair"));
    for (size_t source = 0; source < 3; ++source) QVERIFY2(flair > 3 * contrast(source), c.volumes[source].first.c_str());
    QVERIFY(flair > 0.5);
  }
  void labelsAndTypesAreThoseOfBrats() {
    const PhantomCase c = makePhantomCase(PhantomLayout::Brats, {48, 48, 24}, 9, 1);
    const Volume& seg = c.volumes.back().second;
    QCOMPARE(int(seg.pixelType), int(PixelType::UInt8));
    QCOMPARE(int(c.volumes.front().second.pixelType), int(PixelType::Int16));
    std::set<float> values(seg.voxels.begin(), seg.voxels.end());
    QVERIFY(values.count(0) && values.count(2) && values.count(4));
    for (float v : values) QVERIFY(v == 0 || v == 1 || v == 2 || v == 4);
  }
  void vsLayoutHasAnisotropicSpacingAndManifest() {
    QTemporaryDir dir;
    testsupport::writePhantom(dir.path(), PhantomLayout::Vs, 2, 4, {96, 96, 16});
    QVERIFY(QFile::exists(dir.path() + "/manifest.json"));
    auto d = openDataset(dir.path().toStdString());
    QVERIFY(d.ok());
    QCOMPARE(d->manifest.task.target, std::string("ceT1"));
    auto t2 = readVolume(d->cases.front().paths.at("T2"));
    QVERIFY(t2.ok());
    QVERIFY(t2->spacing()[2] > 2 * t2->spacing()[0]);
    QCOMPARE(t2->geometry.direction[0], -1.0);
  }
  void noTwoCasesLookAlike() {
    const auto a = makePhantomCase(PhantomLayout::Brats, {32, 32, 16}, 1, 0);
    const auto b = makePhantomCase(PhantomLayout::Brats, {32, 32, 16}, 1, 1);
    QVERIFY(a.volumes[0].second.voxels != b.volumes[0].second.voxels);
    QVERIFY(a.volumes.back().second.voxels != b.volumes.back().second.voxels);
  }
};

QTEST_APPLESS_MAIN(TestPhantom)
#include "test_phantom.moc"
