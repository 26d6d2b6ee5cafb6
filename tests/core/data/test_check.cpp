#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>

#include "test_support.h"
#include "tiss/data/check.h"

using namespace tiss;

namespace {

std::string file(const QString& dir, int caseNo, const char* modality) {
  const QString id = QString("BraTS20_Phantom_%1").arg(caseNo, 3, 10, QChar('0'));
  return testsupport::path(dir, id + "/" + id + "_" + modality + ".nii.gz");
}

void rewrite(const std::string& path, void (*change)(Volume&)) {
  auto v = readVolume(path);
  QVERIFY(v.ok());
  change(*v);
  QVERIFY(writeVolume(*v, path).ok());
}

}  // namespace

class TestCheck : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::vector<CaseReport> reports_;

  void expectProblem(int caseNo, const char* phrase, const char* modality) {
    const CaseReport& r = reports_[size_t(caseNo - 1)];
    QCOMPARE(r.problems.size(), size_t(1));
    QVERIFY2(r.problems[0].find(phrase) != std::string::npos, r.problems[0].c_str());
    QVERIFY2(r.problems[0].find(std::string("_") + modality + ".nii.gz") != std::string::npos, r.problems[0].c_str());
  }

 private slots:
  void initTestCase() {
    const QString d = dir_.path();
    testsupport::writePhantom(d, PhantomLayout::Brats, 13, 21, {24, 24, 16});
    QVERIFY(QFile::remove(QString::fromStdString(file(d, 1, "flair"))));
    std::ofstream(file(d, 2, "t1"), std::ios::trunc).close();
    {
      std::ifstream in(file(d, 3, "t2"), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), {});
      std::ofstream(file(d, 3, "t2"), std::ios::binary | std::ios::trunc).write(bytes.data(), long(bytes.size() / 2));
    }
    std::ofstream(file(d, 4, "t1ce"), std::ios::trunc) << "garbage that is not gzip";
    {
      const std::string t1 = file(d, 5, "t1"), plain = t1.substr(0, t1.size() - 3);
      QFile::remove(QString::fromStdString(t1));
      testsupport::writeRawNifti(plain, {2, 24, 24}, 1.f);
      QCOMPARE(std::system(("gzip -n " + plain).c_str()), 0);
    }
    rewrite(file(d, 6, "t1"), [](Volume& v) {
      v.pixelType = PixelType::Float32;
      v.voxels[5] = std::numeric_limits<float>::quiet_NaN();
    });
    rewrite(file(d, 7, "t2"), [](Volume& v) { v.geometry.spacing[2] *= 1.5; });
    rewrite(file(d, 8, "seg"), [](Volume& v) { v.voxels[100] = 3; });
    rewrite(file(d, 9, "seg"), [](Volume& v) { std::fill(v.voxels.begin(), v.voxels.end(), 0.f); });
    rewrite(file(d, 11, "t1ce"), [](Volume& v) { v.geometry.origin[0] += 5; });
    rewrite(file(d, 12, "t1"), [](Volume& v) { v = crop(v, Box{{0, 0, 0}, {24, 24, 15}}); });
    rewrite(file(d, 13, "t2"), [](Volume& v) { v.geometry.direction = {0, 1, 0, 1, 0, 0, 0, 0, 1}; });
    auto dataset = openDataset(d.toStdString());
    QVERIFY(dataset.ok());
    reports_ = checkDataset(*dataset);
    QCOMPARE(reports_.size(), size_t(13));
  }
  void missingModality() { expectProblem(1, "missing modality 'flair'", "flair"); }
  void zeroByteFile() { expectProblem(2, "empty (0 bytes)", "t1"); }
  void truncatedFile() { expectProblem(3, "truncated or corrupt", "t2"); }
  void corruptGzip() { expectProblem(4, "not gzip-compressed", "t1ce"); }
  void twoDimensionalImage() { expectProblem(5, "2D image", "t1"); }
  void nanVoxels() { expectProblem(6, "NaN or Inf", "t1"); }
  void spacingDiffers() { expectProblem(7, "spacing", "t2"); }
  void unexpectedLabelValues() { expectProblem(8, "unexpected label values 3 (expected 0, 1, 2, 4)", "seg"); }
  void emptyTumorMask() { expectProblem(9, "empty tumor mask", "seg"); }
  void goodCaseIsOkWithItsTumorVolume() {
    const CaseReport& r = reports_[9];
    QVERIFY(r.ok());
    QVERIFY(r.tumorVolumeMl > 0);
    QCOMPARE(r.headers.size(), size_t(5));
  }
  void originDiffers() { expectProblem(11, "origin", "t1ce"); }
  void shapeDiffers() { expectProblem(12, "shape 15x24x24", "t1"); }
  void directionDiffers() { expectProblem(13, "direction", "t2"); }
  void headersOnlySeesGeometryButReadsNoVoxels() {
    auto dataset = openDataset(dir_.path().toStdString());
    CheckOptions o;
    o.headersOnly = true;
    const auto quick = checkDataset(*dataset, o);
    QVERIFY(quick[5].ok());   // NaN needs the voxels
    QVERIFY(!quick[6].ok());  // spacing is in the header
    QCOMPARE(quick[9].tumorVolumeMl, -1.0);
  }
};

QTEST_APPLESS_MAIN(TestCheck)
#include "test_check.moc"
