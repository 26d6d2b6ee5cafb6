// A DICOM study made into a BraTS-layout case: four series guessed from vendor descriptions,
// written as NIfTI equal to the series; a series on another grid refused by name (nothing
// written), resampled onto the reference grid, or registered when the patient moved; no
// patient-identifying tag in what is written.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dicom_series_writer.h"
#include "tiss/dicom/dicom_import.h"
#include "tiss/io/image_io.h"

namespace fs = std::filesystem;
using namespace tiss;

namespace {

const Geometry kGrid = test::gridOf({24, 24, 12}, {2, 2, 2}, {1, 0, 0}, {0, 1, 0}, {-23, -23, -11});

// A smooth, asymmetric head-like image (three Gaussian blobs) sampled in scanner coordinates,
// so that the same anatomy can be written on any grid.
float anatomy(const Vec3& p, double scale) {
  auto blob = [&](double cx, double cy, double cz, double r, double a) {
    const double d2 = (p[0] - cx) * (p[0] - cx) + (p[1] - cy) * (p[1] - cy) + (p[2] - cz) * (p[2] - cz);
    return a * std::exp(-d2 / (2 * r * r));
  };
  return float(scale * (blob(0, 0, 0, 12, 600) + blob(8, -5, 3, 4, 500) + blob(-6, 7, -4, 5, 300)));
}

Volume imageOn(const Geometry& g, double scale) {
  Volume v(g);
  for (long z = 0; z < g.size[2]; ++z)
    for (long y = 0; y < g.size[1]; ++y)
      for (long x = 0; x < g.size[0]; ++x) v.at(x, y, z) = std::round(anatomy(g.indexToPhysical({double(x), double(y), double(z)}), scale));
  return v;
}

void writeStudy(const std::string& dir, const Geometry& flairGrid) {
  const std::vector<std::pair<std::string, std::string>> series{
      {"1.2.3.9.1", "T1W_3D_TFE"}, {"1.2.3.9.2", "Ax T1 BRAVO +C"}, {"1.2.3.9.3", "t2_tse_tra"}, {"1.2.3.9.4", "t2_tirm_tra_dark-fluid"}};
  int number = 1;
  for (const auto& [uid, description] : series) {
    test::SeriesSpec spec;
    spec.uid = uid, spec.description = description, spec.number = number;
    test::writeDicomSeries(dir + "/" + std::to_string(number), imageOn(number == 4 ? flairGrid : kGrid, 1.0 + 0.1 * number), spec);
    ++number;
  }
}

std::string slurp(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Pearson correlation of two volumes on one grid, over the voxels where `a` is not 0.
double correlation(const Volume& a, const Volume& b) {
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = 0;
  for (size_t i = 0; i < a.voxels.size(); ++i) {
    if (b.voxels[i] == 0) continue;
    const double x = a.voxels[i], y = b.voxels[i];
    sa += x, sb += y, saa += x * x, sbb += y * y, sab += x * y, ++n;
  }
  return (sab - sa * sb / n) / std::sqrt((saa - sa * sa / n) * (sbb - sb * sb / n));
}

}  // namespace

class TestDicomImport : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void studyOnOneGridBecomesABratsCase() {
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    writeStudy(root + "/dicom", kGrid);
    auto scan = scanDicomFolder(root + "/dicom");
    QVERIFY(scan.ok());
    const auto choices = suggestedChoices(*scan);
    QCOMPARE(int(choices.size()), 4);
    const std::vector<std::string> order{"t1n", "t1c", "t2w", "t2f"};
    for (size_t i = 0; i < 4; ++i) QCOMPARE(choices[i].sequence, order[i]);
    auto done = importDicomCase(choices, root + "/cases/P001", FrameRule::Refuse);
    QVERIFY2(done.ok(), done.ok() ? "" : done.error().describe().c_str());
    const std::vector<std::string> suffix{"t1", "t1ce", "t2", "flair"};
    for (size_t i = 0; i < 4; ++i) {
      const std::string file = root + "/cases/P001/P001_" + suffix[i] + ".nii.gz";
      auto v = readVolume(file);
      QVERIFY2(v.ok(), file.c_str());
      QVERIFY(v->geometry.sameAs(kGrid, 1e-4));
      QVERIFY(v->voxels == imageOn(kGrid, 1.0 + 0.1 * double(i + 1)).voxels);
      QCOMPARE((*done)[i].how, std::string(i == 0 ? "reference" : "same grid"));
      QVERIFY(slurp(file).find("PAT-7") == std::string::npos);
    }
    const std::string record = slurp(root + "/cases/P001/dicom.json");
    QVERIFY(record.find("1.2.3.9.4") != std::string::npos);
    QVERIFY2(record.find("PAT-7") == std::string::npos && record.find("Doe") == std::string::npos, "patient id or name in dicom.json");
    // A second import into the same folder replaces nothing.
    auto again = importDicomCase(choices, root + "/cases/P001", FrameRule::Refuse);
    QVERIFY(!again.ok());
    QVERIFY(again.error().message.find("not an empty folder") != std::string::npos);
  }

  void otherGridIsRefusedOrResampled() {
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    const Geometry flair = test::gridOf({20, 20, 8}, {2.4, 2.4, 3}, {1, 0, 0}, {0, 1, 0}, {-22, -22, -10});
    writeStudy(root + "/dicom", flair);
    auto scan = scanDicomFolder(root + "/dicom");
    QVERIFY(scan.ok());
    const auto choices = suggestedChoices(*scan);
    auto refused = importDicomCase(choices, root + "/refused", FrameRule::Refuse);
    QVERIFY(!refused.ok());
    const std::string why = refused.error().describe();
    QVERIFY2(why.find("series 4 (t2_tirm_tra_dark-fluid)") != std::string::npos && why.find("series 1 (T1W_3D_TFE)") != std::string::npos &&
                 why.find("--resample") != std::string::npos,
             why.c_str());
    QVERIFY(!fs::exists(root + "/refused"));

    auto done = importDicomCase(choices, root + "/resampled", FrameRule::Resample);
    QVERIFY2(done.ok(), done.ok() ? "" : done.error().describe().c_str());
    QCOMPARE((*done)[3].how, std::string("resampled"));
    auto v = readVolume(root + "/resampled/resampled_flair.nii.gz");
    QVERIFY(v.ok());
    QVERIFY(v->geometry.sameAs(kGrid, 1e-4));
    // The same anatomy at the same place: highly correlated with the reference grid's image.
    const double r = correlation(imageOn(kGrid, 1.4), *v);
    QVERIFY2(r > 0.98, std::to_string(r).c_str());
  }

  void movedPatientIsRegistered() {
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    // The FLAIR's grid turned by 6 degrees about z and shifted 4 mm: as written, the anatomy
    // sits elsewhere in scanner coordinates (the image is sampled in the moved frame).
    const double a = 6 * M_PI / 180;
    Geometry moved = test::gridOf({24, 24, 12}, {2, 2, 2}, {std::cos(a), std::sin(a), 0}, {-std::sin(a), std::cos(a), 0}, {-19, -23, -11});
    writeStudy(root + "/dicom", kGrid);
    // Overwrite series 4 with the anatomy as seen in the moved frame: its own index grid.
    {
      Volume v(moved);
      for (long z = 0; z < moved.size[2]; ++z)
        for (long y = 0; y < moved.size[1]; ++y)
          for (long x = 0; x < moved.size[0]; ++x) v.at(x, y, z) = std::round(anatomy(kGrid.indexToPhysical({double(x), double(y), double(z)}), 1.4));
      fs::remove_all(root + "/dicom/4");
      test::SeriesSpec spec;
      spec.uid = "1.2.3.9.4", spec.description = "t2_tirm_tra_dark-fluid", spec.number = 4;
      test::writeDicomSeries(root + "/dicom/4", v, spec);
    }
    auto scan = scanDicomFolder(root + "/dicom");
    QVERIFY(scan.ok());
    const auto choices = suggestedChoices(*scan);
    auto resampled = importDicomCase(choices, root + "/resampled", FrameRule::Resample);
    auto registered = importDicomCase(choices, root + "/registered", FrameRule::Register);
    QVERIFY2(registered.ok(), registered.ok() ? "" : registered.error().describe().c_str());
    QCOMPARE((*registered)[3].how, std::string("registered"));
    QVERIFY2(std::abs((*registered)[3].rotationDeg - 6) < 1.0, std::to_string((*registered)[3].rotationDeg).c_str());
    auto r = readVolume(root + "/registered/registered_flair.nii.gz"), s = readVolume(root + "/resampled/resampled_flair.nii.gz");
    QVERIFY(r.ok() && s.ok());
    const Volume truth = imageOn(kGrid, 1.4);
    const double afterRegistration = correlation(truth, *r), resampledOnly = correlation(truth, *s);
    qInfo("correlation with the reference anatomy: resampled %.3f, registered %.3f (rotation %.2f deg, translation %.2f mm)", resampledOnly,
          afterRegistration, (*registered)[3].rotationDeg, (*registered)[3].translationMm);
    QVERIFY(afterRegistration > 0.97);
    QVERIFY(1 - afterRegistration < 0.2 * (1 - resampledOnly));  // the misfit falls at least fivefold
  }
};

QTEST_APPLESS_MAIN(TestDicomImport)
#include "test_dicom_import.moc"
