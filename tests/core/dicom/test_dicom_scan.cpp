// DICOM folders as a hospital exports them: series written here from a phantom volume with
// known geometry (axial, coronal, sagittal, oblique; files shuffled into nested folders) are
// scanned into series and read back equal to the source, voxels and physical positions;
// sequences are guessed from typical vendor descriptions; bad files and series are named.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "dicom_series_writer.h"
#include "tiss/dicom/dicom_scan.h"

namespace fs = std::filesystem;
using namespace tiss;

namespace {

struct Written {
  Geometry geometry;
  std::vector<float> voxels;
};

// A series of `n` slices (x, y, z voxels) with row and column directions `row`, `col`, slices
// stacked along their normal, files spread over sub-folders in a scrambled order.
Written writeSeries(const std::string& dir, const std::string& uid, const Size3& n, const Vec3& spacing, const Vec3& row,
                    const Vec3& col, const Vec3& origin, const std::string& description, const std::string& modality = "MR",
                    double tilt = 0) {
  Volume v(test::gridOf(n, spacing, row, col, origin));
  for (size_t i = 0; i < v.voxels.size(); ++i) v.voxels[i] = float(long(i * 7919) % 1000 - 200);
  test::SeriesSpec spec;
  spec.uid = uid, spec.description = description, spec.modality = modality, spec.tilt = tilt;
  test::writeDicomSeries(dir, v, spec);
  return {v.geometry, v.voxels};
}

const DicomSeries* find(const DicomScan& s, const std::string& uid, int part = 0) {
  for (const auto& series : s.series)
    if (series.seriesUid == uid && series.part == part) return &series;
  return nullptr;
}

}  // namespace

class TestDicomScan : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void seriesReadBackEqualInEveryOrientation() {
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    const double c = std::cos(20 * M_PI / 180), s = std::sin(20 * M_PI / 180);
    struct Case { std::string uid; Vec3 row, col; };
    const std::vector<Case> cases = {{"1.2.3.11", {1, 0, 0}, {0, 1, 0}},     // axial
                                     {"1.2.3.12", {1, 0, 0}, {0, 0, -1}},    // coronal
                                     {"1.2.3.13", {0, 1, 0}, {0, 0, -1}},    // sagittal
                                     {"1.2.3.14", {1, 0, 0}, {0, c, s}}};    // oblique: 20 degrees about x
    std::vector<Written> written;
    for (const auto& k : cases)
      written.push_back(writeSeries(root + "/export", k.uid, {12, 10, 6}, {0.8, 0.9, 2.5}, k.row, k.col, {-30.5, 12.25, 40}, "t2_tse_tra"));
    auto scan = scanDicomFolder(root);
    QVERIFY2(scan.ok(), scan.ok() ? "" : scan.error().describe().c_str());
    QCOMPARE(int(scan->series.size()), 4);
    QVERIFY(scan->problems.empty());
    for (size_t i = 0; i < cases.size(); ++i) {
      const DicomSeries* series = find(*scan, cases[i].uid);
      QVERIFY(series);
      QVERIFY2(series->problem.empty(), series->problem.c_str());
      QCOMPARE(series->sequence, std::string("t2w"));
      QCOMPARE(series->patientId, std::string("PAT-7"));
      auto v = readDicomSeries(*series);
      QVERIFY2(v.ok(), v.ok() ? "" : v.error().describe().c_str());
      QCOMPARE(v->size(), written[i].geometry.size);
      QVERIFY(v->voxels == written[i].voxels);
      // Physical positions of the corners: within a micrometre.
      for (const Vec3 index : {Vec3{0, 0, 0}, Vec3{11, 9, 5}, Vec3{11, 0, 3}}) {
        const Vec3 got = v->geometry.indexToPhysical(index), want = written[i].geometry.indexToPhysical(index);
        for (int a = 0; a < 3; ++a) QVERIFY2(std::abs(got[size_t(a)] - want[size_t(a)]) < 1e-3, cases[i].uid.c_str());
      }
    }
  }

  void sequencesFromVendorDescriptions_data() {
    QTest::addColumn<QString>("description");
    QTest::addColumn<bool>("contrast");
    QTest::addColumn<QString>("sequence");
    QTest::newRow("Siemens MPRAGE") << "t1_mprage_sag_p2_iso" << false << "t1n";
    QTest::newRow("Siemens MPRAGE after Gd") << "t1_mprage_sag_p2_iso_post" << false << "t1c";
    QTest::newRow("Siemens contrast tag") << "t1_mprage_sag_p2_iso" << true << "t1c";
    QTest::newRow("Siemens T2") << "t2_tse_tra_512" << false << "t2w";
    QTest::newRow("Siemens FLAIR") << "t2_tirm_tra_dark-fluid" << false << "t2f";
    QTest::newRow("Siemens SPACE FLAIR") << "t2_space_dark-fluid_sag_p2_iso" << false << "t2f";
    QTest::newRow("GE BRAVO +C") << "SAG 3D T1 BRAVO + C" << false << "t1c";
    QTest::newRow("GE T2 FLAIR") << "Ax T2 FLAIR" << false << "t2f";
    QTest::newRow("GE T1 +C") << "AX T1 +C" << false << "t1c";
    QTest::newRow("GE T2 FSE") << "AX T2 FSE" << false << "t2w";
    QTest::newRow("Philips T1 TFE") << "T1W_3D_TFE" << false << "t1n";
    QTest::newRow("Philips FLAIR") << "sT2W_FLAIR" << false << "t2f";
    QTest::newRow("German KM") << "T1_FL3D_TRA_KM" << false << "t1c";
    QTest::newRow("diffusion") << "ep2d_diff_3scan_trace" << false << "";
    QTest::newRow("localizer") << "localizer" << false << "";
  }
  void sequencesFromVendorDescriptions() {
    QFETCH(QString, description);
    QFETCH(bool, contrast);
    QFETCH(QString, sequence);
    QCOMPARE(QString::fromStdString(guessSequence(description.toStdString(), "", "", contrast)), sequence);
  }

  void badFilesAndSeriesAreNamed() {
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    writeSeries(root, "1.2.3.21", {8, 8, 4}, {1, 1, 2}, {1, 0, 0}, {0, 1, 0}, {0, 0, 0}, "CT head", "CT");
    writeSeries(root, "1.2.3.22", {8, 8, 1}, {1, 1, 2}, {1, 0, 0}, {0, 1, 0}, {0, 0, 0}, "t1 single");
    writeSeries(root, "1.2.3.23", {8, 8, 4}, {1, 1, 2}, {1, 0, 0}, {0, 1, 0}, {0, 0, 0}, "t1 tilted", "MR", 12);
    // A mixed series: one UID, two orientations (a three-plane localizer does this).
    writeSeries(root + "/a", "1.2.3.24", {8, 8, 3}, {1, 1, 2}, {1, 0, 0}, {0, 1, 0}, {0, 0, 0}, "t2 mixed");
    writeSeries(root + "/b", "1.2.3.24", {8, 8, 3}, {1, 1, 2}, {0, 1, 0}, {0, 0, -1}, {0, 0, 0}, "t2 mixed");
    std::ofstream(root + "/notes.txt") << "not an image\n";
    // A truncated slice: a copy of a good one cut in the middle of its pixel data.
    const auto good = *fs::recursive_directory_iterator(root + "/a");
    std::string path;
    for (const auto& e : fs::recursive_directory_iterator(root + "/a"))
      if (e.is_regular_file()) path = e.path().string();
    fs::copy_file(path, root + "/cut.dcm");
    fs::resize_file(root + "/cut.dcm", fs::file_size(path) - 60);
    auto scan = scanDicomFolder(root);
    QVERIFY(scan.ok());
    QVERIFY2(find(*scan, "1.2.3.21") && find(*scan, "1.2.3.21")->problem == "modality CT, not MR", "CT");
    QVERIFY(find(*scan, "1.2.3.22")->problem.find("one slice") != std::string::npos);
    QVERIFY(find(*scan, "1.2.3.23")->problem.find("gantry tilt") != std::string::npos);
    const DicomSeries *first = find(*scan, "1.2.3.24", 0), *second = find(*scan, "1.2.3.24", 1);
    QVERIFY(first && second);  // split, each one readable volume
    QVERIFY2(first->problem.empty() && second->problem.empty(), (first->problem + second->problem).c_str());
    QCOMPARE(int(first->files.size()), 3);
    std::vector<std::string> named;
    for (const auto& p : scan->problems) named.push_back(fs::path(p.file).filename().string() + ": " + p.reason);
    QCOMPARE(int(named.size()), 2);
    QVERIFY2(named[0].rfind("cut.dcm: ", 0) == 0 && named[1].rfind("notes.txt: not a readable DICOM file", 0) == 0,
             (named[0] + " | " + named[1]).c_str());
    (void)good;
  }
};

QTEST_APPLESS_MAIN(TestDicomScan)
#include "test_dicom_scan.moc"
