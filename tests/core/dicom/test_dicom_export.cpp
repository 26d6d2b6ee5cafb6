// Results sent back as DICOM: a tumor mask exported as a DICOM SEG over a series written here
// (axial and oblique) reads back onto the series' grid voxel for voxel, under the source's
// patient, study and frame of reference, referencing the source series; a synthesized image
// exported as a new MR series reads back on the same grid, labelled synthetic; bad requests
// are refused by name and replace nothing.
#include <QTemporaryDir>
#include <QTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cmath>
#include <filesystem>

#include "dicom_series_writer.h"
#include "tiss/dicom/dicom_export.h"
#include "tiss/dicom/dicom_scan.h"

namespace fs = std::filesystem;
using namespace tiss;

namespace {

// A smooth source image and a tumor-like blob on `g`.
Volume sourceImage(const Geometry& g) {
  Volume v(g);
  for (long z = 0; z < g.size[2]; ++z)
    for (long y = 0; y < g.size[1]; ++y)
      for (long x = 0; x < g.size[0]; ++x) v.at(x, y, z) = float(100 + 3 * x + 5 * y + 7 * z);
  return v;
}

Volume blob(const Geometry& g) {
  Volume m(g, 0.f, PixelType::UInt8);
  for (long z = 0; z < g.size[2]; ++z)
    for (long y = 0; y < g.size[1]; ++y)
      for (long x = 0; x < g.size[0]; ++x) {
        const double dx = x - 9.0, dy = y - 7.0, dz = (z - 2.0) * 2;
        m.at(x, y, z) = dx * dx + dy * dy + dz * dz < 20 ? 1.f : 0.f;
      }
  return m;
}

// The series written for `g`, scanned back.
DicomSeries writtenSeries(const std::string& dir, const Geometry& g, const std::string& uid) {
  test::SeriesSpec spec;
  spec.uid = uid, spec.description = "t1_mprage_tra +C", spec.number = 5;
  test::writeDicomSeries(dir, sourceImage(g), spec);
  auto scan = scanDicomFolder(dir);
  return scan.ok() && scan->series.size() == 1 ? scan->series.front() : DicomSeries{};
}

std::string tag(const std::string& file, const DcmTagKey& key, bool searchIntoSequences = false) {
  DcmFileFormat ff;
  if (ff.loadFile(file.c_str()).bad()) return "<unreadable>";
  OFString v;
  ff.getDataset()->findAndGetOFStringArray(key, v, searchIntoSequences);
  return v.c_str();
}

DicomResultInfo info(const std::string& description) {
  DicomResultInfo i;
  i.seriesDescription = description;
  i.softwareVersion = "0.1.0";
  return i;
}

}  // namespace

class TestDicomExport : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void segReadsBackOntoTheSourceGrid_data() {
    QTest::addColumn<bool>("oblique");
    QTest::newRow("axial") << false;
    QTest::newRow("oblique") << true;
  }

  void segReadsBackOntoTheSourceGrid() {
    QFETCH(bool, oblique);
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    const double c = std::cos(15 * M_PI / 180), s = std::sin(15 * M_PI / 180);
    const Geometry g = test::gridOf({18, 14, 5}, {0.9, 0.8, 2.0}, {1, 0, 0}, oblique ? Vec3{0, c, s} : Vec3{0, 1, 0}, {-20, 15.5, 33});
    const DicomSeries source = writtenSeries(root + "/study", g, "1.2.3.4.501");
    QVERIFY2(source.problem.empty() && !source.files.empty(), source.problem.c_str());
    const Volume mask = blob(g);
    const std::string seg = root + "/seg.dcm";
    auto ok = exportDicomSeg(mask, source, seg, info("TISS-Net tumor segmentation"));
    QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());

    auto back = readDicomSeg(seg, g);
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().describe().c_str());
    QVERIFY(back->voxels == mask.voxels);  // every voxel, every slice: it overlays exactly
    QCOMPARE(tag(seg, DCM_Modality), std::string("SEG"));
    QCOMPARE(tag(seg, DCM_PatientID), std::string("PAT-7"));
    QCOMPARE(tag(seg, DCM_StudyInstanceUID), source.studyUid);
    QCOMPARE(tag(seg, DCM_FrameOfReferenceUID), std::string("1.2.826.0.1.3680043.2.1125.10"));
    QCOMPARE(tag(seg, DCM_SeriesDescription), std::string("TISS-Net tumor segmentation"));
    QCOMPARE(tag(seg, DCM_SeriesNumber), std::string("1005"));
    QCOMPARE(tag(seg, DCM_NumberOfFrames), std::string("5"));  // the blob spans every slice
    // The referenced series (Common Instance Reference) is the source.
    DcmFileFormat ff;
    QVERIFY(ff.loadFile(seg.c_str()).good());
    DcmItem* series = nullptr;
    QVERIFY(ff.getDataset()->findAndGetSequenceItem(DCM_ReferencedSeriesSequence, series, 0).good());
    OFString uid;
    series->findAndGetOFString(DCM_SeriesInstanceUID, uid);
    QCOMPARE(std::string(uid.c_str()), source.seriesUid);
    // On another grid (one slice fewer) the SEG is refused by name.
    Geometry other = g;
    other.size[2] = 4;
    QVERIFY(!readDicomSeg(seg, other).ok());
  }

  void emptyMaskKeepsOneFrameAndBadRequestsAreRefused() {
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    const Geometry g = test::gridOf({10, 8, 3}, {1, 1, 2}, {1, 0, 0}, {0, 1, 0}, {0, 0, 0});
    const DicomSeries source = writtenSeries(root + "/study", g, "1.2.3.4.502");
    QVERIFY(!source.files.empty());
    const std::string seg = root + "/empty.dcm";
    QVERIFY(exportDicomSeg(Volume(g, 0.f), source, seg, info("empty")));
    QCOMPARE(tag(seg, DCM_NumberOfFrames), std::string("1"));
    auto back = readDicomSeg(seg, g);
    QVERIFY(back.ok());
    QCOMPARE(std::count(back->voxels.begin(), back->voxels.end(), 1.f), 0L);
    // A mask on another grid names the problem and writes nothing.
    Geometry shifted = g;
    shifted.origin[0] += 5;
    auto refused = exportDicomSeg(Volume(shifted, 1.f), source, root + "/shifted.dcm", info("x"));
    QVERIFY(!refused);
    QVERIFY(refused.error().message.find("not on the grid") != std::string::npos);
    QVERIFY(!fs::exists(root + "/shifted.dcm"));
    // A synthetic series never goes into a folder holding files.
    auto full = exportSyntheticSeries(Volume(g, 1.f), source, "t2f", root + "/study", info("x"));
    QVERIFY(!full.ok());
    QVERIFY(full.error().message.find("not an empty folder") != std::string::npos);
  }

  void syntheticSeriesReadsBackLabelledAndOnTheGrid() {
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    const Geometry g = test::gridOf({12, 10, 4}, {0.9, 0.9, 3}, {0, 1, 0}, {0, 0, -1}, {5, -12, 40});  // sagittal
    const DicomSeries source = writtenSeries(root + "/study", g, "1.2.3.4.503");
    QVERIFY(!source.files.empty());
    Volume synth(g);
    for (size_t i = 0; i < synth.voxels.size(); ++i) synth.voxels[i] = -1.f + 2.f * float(i % 97) / 96.f;  // normalized units
    auto files = exportSyntheticSeries(synth, source, "t2f", root + "/synthetic", info("SYNTHETIC t2f - not acquired (TISS-Net)"));
    QVERIFY2(files.ok(), files.ok() ? "" : files.error().describe().c_str());
    QCOMPARE(int(files->size()), 4);
    auto scan = scanDicomFolder(root + "/synthetic");
    QVERIFY(scan.ok());
    QCOMPARE(int(scan->series.size()), 1);
    const DicomSeries& back = scan->series.front();
    QVERIFY2(back.problem.empty(), back.problem.c_str());
    QCOMPARE(back.studyUid, source.studyUid);
    QVERIFY(back.seriesUid != source.seriesUid);
    QCOMPARE(back.description, std::string("SYNTHETIC t2f - not acquired (TISS-Net)"));
    QCOMPARE(back.sequence, std::string());  // never taken for an acquired sequence
    QCOMPARE(tag(back.files.front(), DCM_ImageType), std::string("DERIVED\\SECONDARY\\SYNTHETIC"));
    QVERIFY(tag(back.files.front(), DCM_DerivationDescription).find("not an acquired image") != std::string::npos);
    QVERIFY(!tag(back.files.front(), DCM_ReferencedSOPInstanceUID, true).empty());
    auto v = readDicomSeries(back);
    QVERIFY2(v.ok(), v.ok() ? "" : v.error().describe().c_str());
    QVERIFY(v->geometry.sameAs(g, 1e-4));
    double worst = 0;
    for (size_t i = 0; i < synth.voxels.size(); ++i) worst = std::max(worst, double(std::abs(v->voxels[i] - synth.voxels[i])));
    QVERIFY2(worst <= 2.0 / 4095 * 0.51 + 1e-5, std::to_string(worst).c_str());  // 12-bit steps, rounded
  }
};

QTEST_APPLESS_MAIN(TestDicomExport)
#include "test_dicom_export.moc"
